---
id: aws-destinations
title: Traffic to AWS address ranges
description: >-
  Bytes, packets and flow records whose destination lies in AWS's published address ranges (ip-ranges.json:
  'flowlog-athena ranges update', or --ip-ranges FILE), per sending region and the destination's AWS service,
  region (or GLOBAL), network border group and published prefix, over every record that logged data. The
  destination is pkt-dstaddr when the format has it, else dstaddr, so a v2 log gets the breakdown too. The
  service is the one AWS documents as using the range: a code other than AMAZON and EC2 first, then EC2, then
  AMAZON, the most specific prefix first (queries/README.md). Traffic to the sender's own region is what AWS
  bills least; other-region and GLOBAL destinations are where egress money goes.
parameters:
  - use: limit
    description: How many groups to return.
    default: 100
requires: [ip-ranges]
requires_fields: [dstaddr, bytes, packets, start]
optional_fields: [log-status, pkt-dstaddr]
output:
  - name: sender_region
    description: The region of the interface that logged the records (its partition's).
  - name: aws_service
    description: The AWS service that uses the destination's range.
  - name: aws_services
    description: Every service code of the ranges holding the destination, comma-separated.
  - name: destination_region
    description: The region of the destination's range, or GLOBAL.
  - name: border_group
    description: The network border group of the destination's range.
  - name: aws_prefix
    description: The most specific published prefix holding the destination with that service.
  - name: same_region
    description: Whether the destination's range is in the sender's region.
  - name: destinations
    description: Distinct destination addresses in the group.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [aws_service, destination_region]
  y: bytes
  title: Bytes to AWS ranges by service and region
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
),
destinations AS (
    {{ aws_ranges_lookup 'records' 'destination' }}
)
SELECT
    r.{{ ident 'sender_region' }},
    d.{{ ident 'aws_service' }},
    d.{{ ident 'aws_services' }},
    d.{{ ident 'aws_service_region' }} AS {{ ident 'destination_region' }},
    d.{{ ident 'aws_border_group' }} AS {{ ident 'border_group' }},
    d.{{ ident 'aws_prefix' }},
    d.{{ ident 'aws_service_region' }} = r.{{ ident 'sender_region' }} AS {{ ident 'same_region' }},
    COUNT(DISTINCT r.{{ ident 'destination' }}) AS {{ ident 'destinations' }},
    CAST(COALESCE(SUM(r.{{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
    CAST(COALESCE(SUM(r.{{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
    COUNT(*) AS {{ ident 'flows' }}
FROM records AS r
JOIN destinations AS d ON d.{{ ident 'address' }} = r.{{ ident 'destination' }}
WHERE d.{{ ident 'aws_service' }} IS NOT NULL
GROUP BY r.{{ ident 'sender_region' }}, d.{{ ident 'aws_service' }}, d.{{ ident 'aws_services' }}, d.{{ ident 'aws_service_region' }},
    d.{{ ident 'aws_border_group' }}, d.{{ ident 'aws_prefix' }}
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'sender_region' }} NULLS LAST, {{ ident 'aws_service' }} NULLS LAST,
    {{ ident 'destination_region' }} NULLS LAST, {{ ident 'aws_prefix' }} NULLS LAST, {{ ident 'aws_services' }} NULLS LAST,
    {{ ident 'border_group' }} NULLS LAST
LIMIT {{ param 'limit' }}
