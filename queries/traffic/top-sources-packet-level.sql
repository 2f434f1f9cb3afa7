---
id: top-sources-packet-level
title: Top sources, packet level
description: >-
  The original source addresses in the packets (pkt-srcaddr) that sent the most bytes in the window, over
  every record that logged data (log-status OK), accepted and rejected alike. Where top-sources shows a NAT
  gateway's address, this shows the real sender behind it: the internet host on the gateway's way in, the
  instance on its way out. translated_flows counts the records whose srcaddr was not the packet's source.
parameters:
  - use: limit
    description: How many source addresses to return.
requires_fields: [srcaddr, pkt-srcaddr, pkt-dstaddr, packets, bytes, start]
optional_fields: [log-status]
output:
  - pkt_srcaddr
  - name: bytes
    description: Bytes the address sent in the window.
  - name: packets
    description: Packets the address sent in the window.
  - name: flows
    description: Flow records with the address as packet source in the window.
  - name: destinations
    description: Distinct original destination addresses (pkt-dstaddr) it sent to.
  - name: translated_flows
    description: Of those, records whose srcaddr is another address (seen through a NAT gateway or another middlebox).
chart:
  type: bar
  x: pkt_srcaddr
  y: bytes
  title: Top sources (packet level) by bytes
---
WITH sources AS (
    SELECT
        {{ col 'pkt-srcaddr' }} AS {{ ident 'pkt_srcaddr' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ col 'pkt-dstaddr' }}) AS {{ ident 'destinations' }},
        CAST(COALESCE(SUM(CASE WHEN {{ col 'srcaddr' }} IS DISTINCT FROM {{ col 'pkt-srcaddr' }} THEN 1 ELSE 0 END), 0) AS BIGINT)
            AS {{ ident 'translated_flows' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
    GROUP BY {{ col 'pkt-srcaddr' }}
)
SELECT {{ ident 'pkt_srcaddr' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'destinations' }}, {{ ident 'translated_flows' }}
FROM sources
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'destinations' }} DESC,
    {{ ident 'translated_flows' }} DESC, {{ ident 'pkt_srcaddr' }} NULLS LAST
LIMIT {{ param 'limit' }}
