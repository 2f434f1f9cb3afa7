---
id: protocol-mix
title: Protocol mix
description: >-
  Bytes, packets and flow records per IP protocol with its name (TCP, UDP, ICMP, ICMPv6, ...), and each
  protocol's share of all bytes, over every record that logged data (log-status OK) in the window, accepted
  and rejected alike.
requires_fields: [protocol, packets, bytes, start]
optional_fields: [log-status]
output:
  - protocol
  - name: label
    description: The protocol's name, 'code N' for a number without one.
  - name: bytes
    description: Bytes of the protocol in the window.
  - name: packets
    description: Packets of the protocol in the window.
  - name: flows
    description: Flow records of the protocol in the window.
  - name: bytes_percent
    description: The protocol's share of all bytes in the window, in percent rounded to two decimals (empty when the window has no bytes).
chart:
  type: pie
  x: label
  y: bytes
  title: Bytes by protocol
---
WITH protocols AS (
    SELECT
        {{ col 'protocol' }} AS {{ ident 'protocol' }},
{{ partial 'logged-totals' }}
    GROUP BY {{ col 'protocol' }}
),
shares AS (
    SELECT
        {{ ident 'protocol' }},
        {{ ident 'bytes' }},
        {{ ident 'packets' }},
        {{ ident 'flows' }},
        ROUND(100 * CAST({{ ident 'bytes' }} AS DOUBLE) / NULLIF(CAST(SUM({{ ident 'bytes' }}) OVER () AS DOUBLE), 0), 2) AS {{ ident 'bytes_percent' }}
    FROM protocols
)
SELECT
    {{ ident 'protocol' }},
    {{ protocol_label (ident 'protocol') }} AS {{ ident 'label' }},
    {{ ident 'bytes' }},
    {{ ident 'packets' }},
    {{ ident 'flows' }},
    {{ ident 'bytes_percent' }}
FROM shares
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'protocol' }} NULLS LAST
