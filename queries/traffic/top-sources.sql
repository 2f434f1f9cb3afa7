---
id: top-sources
title: Top sources
description: >-
  The source addresses that sent the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike; AWS's "top talkers by IP". A flow between two interfaces of
  the account is logged by both, so it counts once on each side. Behind a NAT gateway this is the gateway's
  address: top-sources-packet-level names the instances and internet hosts behind it.
parameters:
  - name: limit
    type: int
    description: How many source addresses to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [srcaddr, dstaddr, packets, bytes, start]
# Without log-status in the format, records that logged data are those with a byte count.
optional_fields: [log-status]
output:
  - name: srcaddr
    description: The source address.
  - name: bytes
    description: Bytes the address sent in the window.
  - name: packets
    description: Packets the address sent in the window.
  - name: flows
    description: Flow records with the address as source in the window.
  - name: destinations
    description: Distinct destination addresses it sent to.
chart:
  type: bar
  x: srcaddr
  y: bytes
  title: Top sources by bytes
---
WITH sources AS (
    SELECT
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ col 'dstaddr' }}) AS {{ ident 'destinations' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
    GROUP BY {{ col 'srcaddr' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'destinations' }}
FROM sources
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'destinations' }} DESC,
    {{ ident 'srcaddr' }} NULLS LAST
LIMIT {{ param 'limit' }}
