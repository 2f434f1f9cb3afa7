---
id: top-talkers
title: Top talkers
description: >-
  The source/destination address pairs that moved the most bytes in the window, over every record
  that logged data (log-status OK), accepted and rejected alike.
parameters:
  - use: limit
    description: How many pairs to return.
  - name: cidr
    type: list
    item_type: cidr
    description: Only pairs with an address inside these networks, e.g. 10.0.0.0/8,2600:1f18::/32 (all pairs when omitted).
requires_fields: [srcaddr, dstaddr, packets, bytes, start]
# Without log-status in the format, records that logged data are those with a byte count
# (NODATA and SKIPDATA records write '-' in every data field).
optional_fields: [log-status]
output:
  - name: srcaddr
    description: Source address of the pair.
  - name: dstaddr
    description: Destination address of the pair.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [srcaddr, dstaddr]
  y: bytes
  title: Top talkers by bytes
---
WITH pairs AS (
    SELECT
        {{ fields 'srcaddr' 'dstaddr' }},
{{ partial 'logged-totals' }}
      {{- if has_param 'cidr' }}
      AND ({{ cidr_match (col 'srcaddr') 'cidr' }} OR {{ cidr_match (col 'dstaddr') 'cidr' }})
      {{- end }}
    GROUP BY {{ col 'srcaddr' }}, {{ col 'dstaddr' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}
FROM pairs
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST
LIMIT {{ param 'limit' }}
