---
id: top-destinations
title: Top destinations
description: >-
  The destination addresses that received the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike. A flow between two interfaces of the account is logged by
  both, so it counts once on each side.
parameters:
  - name: limit
    type: int
    description: How many destination addresses to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [srcaddr, dstaddr, packets, bytes, start]
# Without log-status in the format, records that logged data are those with a byte count.
optional_fields: [log-status]
output:
  - name: dstaddr
    description: The destination address.
  - name: bytes
    description: Bytes sent to the address in the window.
  - name: packets
    description: Packets sent to the address in the window.
  - name: flows
    description: Flow records with the address as destination in the window.
  - name: sources
    description: Distinct source addresses that sent to it.
chart:
  type: bar
  x: dstaddr
  y: bytes
  title: Top destinations by bytes
---
WITH destinations AS (
    SELECT
        {{ col 'dstaddr' }} AS {{ ident 'dstaddr' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ col 'srcaddr' }}) AS {{ ident 'sources' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
    GROUP BY {{ col 'dstaddr' }}
)
SELECT {{ ident 'dstaddr' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'sources' }}
FROM destinations
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'sources' }} DESC,
    {{ ident 'dstaddr' }} NULLS LAST
LIMIT {{ param 'limit' }}
