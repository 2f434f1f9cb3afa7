---
id: rejects-per-day
title: Rejects per day
description: >-
  Rejected flow records (action REJECT, log-status OK) per UTC day of the window, with their packets and bytes
  and how many sources and destination ports they came from and went to: the daily trend of what security
  groups, network ACLs and VPC controls turned away, in one query for the whole window. A record counts in the
  day its start falls in. Only days with rejects have a row; a day without one is absent, not zero.
requires_fields: [srcaddr, dstport, packets, bytes, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it, and
# without it records that logged data are those with a byte count.
optional_fields: [log-status]
output:
  - name: day_start
    description: Start of the UTC day, in Unix seconds.
  - name: rejected_flows
    description: Rejected flow records that started in the day.
  - name: packets
    description: Packets of those records.
  - name: bytes
    description: Bytes of those records.
  - name: sources
    description: Distinct source addresses rejected in the day.
  - name: destination_ports
    description: Distinct destination ports of the rejected records in the day.
chart:
  type: line
  x: day_start
  y: rejected_flows
  title: Rejected flow records per day
---
WITH rejected AS (
    SELECT
        {{ col 'start' }} - {{ col 'start' }} % 86400 AS {{ ident 'day_start' }},
        {{ fields 'srcaddr' 'dstport' 'packets' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} = 'REJECT'
      AND {{ logged_data }}
)
SELECT
    {{ ident 'day_start' }},
    COUNT(*) AS {{ ident 'rejected_flows' }},
    CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
    CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
    COUNT(DISTINCT {{ ident 'srcaddr' }}) AS {{ ident 'sources' }},
    COUNT(DISTINCT {{ ident 'dstport' }}) AS {{ ident 'destination_ports' }}
FROM rejected
GROUP BY {{ ident 'day_start' }}
ORDER BY {{ ident 'day_start' }}
