---
id: destinations-without-ranges
title: Traffic by destination, without AWS's ranges (benchmark baseline)
description: >-
  paths/aws-destinations without the address ranges lookup and its join: the same records, the same distinct
  destinations and sums, grouped by the sending region only. bench/ranges.sh times both to show what the
  classification costs.
parameters:
  - use: limit
    default: 100
requires_fields: [dstaddr, bytes, packets, start]
optional_fields: [log-status, pkt-dstaddr]
output:
  - name: sender_region
    description: The region of the interface that logged the records.
  - name: destinations
    description: Distinct destination addresses.
  - bytes
  - packets
  - flows
---
WITH records AS (
    SELECT
        {{ ident 'aws_region' }} AS {{ ident 'sender_region' }},
        {{ if has_field 'pkt-dstaddr' }}COALESCE({{ col 'pkt-dstaddr' }}, {{ col 'dstaddr' }}){{ else }}{{ col 'dstaddr' }}{{ end }} AS {{ ident 'destination' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }},
        {{ col 'packets' }} AS {{ ident 'packets' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
)
SELECT
    r.{{ ident 'sender_region' }},
    COUNT(DISTINCT r.{{ ident 'destination' }}) AS {{ ident 'destinations' }},
    CAST(COALESCE(SUM(r.{{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
    CAST(COALESCE(SUM(r.{{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
    COUNT(*) AS {{ ident 'flows' }}
FROM records AS r
GROUP BY r.{{ ident 'sender_region' }}
ORDER BY {{ ident 'bytes' }} DESC
LIMIT {{ param 'limit' }}
