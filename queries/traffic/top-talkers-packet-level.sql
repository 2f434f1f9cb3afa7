---
id: top-talkers-packet-level
title: Top talkers, packet level
description: >-
  The original source/destination address pairs in the packets (pkt-srcaddr, pkt-dstaddr) that moved the most
  bytes in the window, over every record that logged data (log-status OK), accepted and rejected alike; AWS's
  "top talkers, packet level" and "bytes per pair, packet level". Where top-talkers shows a NAT gateway's
  address, this shows the instance and the internet host the gateway translated for; translated_flows counts
  the records whose packet addresses differ from the interface-level ones.
parameters:
  - use: limit
    description: How many pairs to return.
requires_fields: [srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr, packets, bytes, start]
optional_fields: [log-status]
output:
  - pkt_srcaddr
  - name: pkt_dstaddr
    description: Original destination address of the packets.
  - bytes
  - packets
  - flows
  - name: translated_flows
    description: Of those, records whose srcaddr or dstaddr differs from the packet's (seen through a NAT gateway or another middlebox).
chart:
  type: bar
  x: [pkt_srcaddr, pkt_dstaddr]
  y: bytes
  title: Top talkers (packet level) by bytes
---
WITH pairs AS (
    SELECT
        {{ fields 'pkt-srcaddr' 'pkt-dstaddr' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM(CASE
            WHEN {{ col 'srcaddr' }} IS DISTINCT FROM {{ col 'pkt-srcaddr' }} OR {{ col 'dstaddr' }} IS DISTINCT FROM {{ col 'pkt-dstaddr' }} THEN 1
            ELSE 0
        END), 0) AS BIGINT) AS {{ ident 'translated_flows' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
    GROUP BY {{ col 'pkt-srcaddr' }}, {{ col 'pkt-dstaddr' }}
)
SELECT {{ ident 'pkt_srcaddr' }}, {{ ident 'pkt_dstaddr' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'translated_flows' }}
FROM pairs
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'translated_flows' }} DESC,
    {{ ident 'pkt_srcaddr' }} NULLS LAST, {{ ident 'pkt_dstaddr' }} NULLS LAST
LIMIT {{ param 'limit' }}
