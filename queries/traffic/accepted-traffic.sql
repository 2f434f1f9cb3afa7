---
id: accepted-traffic
title: Accepted traffic
description: >-
  The source, destination, destination port and protocol combinations that moved the most accepted bytes
  (action ACCEPT, log-status OK) in the window, optionally for one protocol only. AWS's "accepted TCP
  traffic" is this query with --param protocol=6.
parameters:
  - use: limit
    description: How many combinations to return.
  - name: protocol
    type: int
    description: Only this IANA protocol number, e.g. 6 for TCP (AWS's accepted TCP traffic) or 17 for UDP (all protocols when omitted).
    min: 0
    max: 255
requires_fields: [srcaddr, dstaddr, dstport, protocol, bytes, start, action, log-status]
output:
  - name: srcaddr
    description: Source address of the accepted traffic.
  - name: dstaddr
    description: Destination address of the accepted traffic.
  - name: dstport
    description: Destination port of the accepted traffic.
  - name: protocol
    description: IANA protocol number of the accepted traffic.
  - name: flows
    description: Accepted flow records in the window.
  - name: bytes
    description: Accepted bytes in the window.
chart:
  type: bar
  x: [srcaddr, dstaddr, dstport]
  y: bytes
  title: Accepted traffic by bytes
---
WITH accepted AS (
    SELECT
        {{ fields 'srcaddr' 'dstaddr' 'dstport' 'protocol' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ logged_data }}
      {{- if has_param 'protocol' }}
      AND {{ col 'protocol' }} = {{ param 'protocol' }}
      {{- end }}
    GROUP BY {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'protocol' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}, {{ ident 'flows' }}, {{ ident 'bytes' }}
FROM accepted
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST,
    {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST
LIMIT {{ param 'limit' }}
