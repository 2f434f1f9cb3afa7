---
id: conversation
title: Conversation between two addresses
description: >-
  Everything two addresses (or networks) said to each other in the window, both directions: per direction,
  source and destination address, ports, protocol and action, with bytes, packets, flow records and the first
  and last record start. Over every record that logged data (log-status OK), accepted and rejected alike. A
  client's ephemeral port makes each connection its own row.
parameters:
  - name: address_a
    type: cidr
    description: One side, an address or a network, e.g. 10.0.1.25, 10.0.1.0/24 or 2600:1f18::1.
    required: true
  - name: address_b
    type: cidr
    description: The other side, an address or a network, e.g. 203.0.113.7.
    required: true
  - limit
requires_fields: [srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, action]
optional_fields: [log-status]
output:
  - name: direction
    description: a_to_b when the source is in address_a and the destination in address_b, b_to_a the other way.
  - name: srcaddr
    description: Source address.
  - name: dstaddr
    description: Destination address.
  - name: srcport
    description: Source port.
  - name: dstport
    description: Destination port.
  - protocol
  - name: action
    description: ACCEPT or REJECT.
  - bytes
  - packets
  - flows
  - name: first_start
    description: Start (Unix seconds) of the earliest record.
  - name: last_start
    description: Start (Unix seconds) of the latest record.
chart:
  type: bar
  x: [direction, srcport, dstport]
  y: bytes
  title: Conversation by bytes
---
WITH matched AS (
    SELECT
        CASE
            WHEN {{ cidr_match (col 'srcaddr') 'address_a' }} AND {{ cidr_match (col 'dstaddr') 'address_b' }} THEN 'a_to_b'
            ELSE 'b_to_a'
        END AS {{ ident 'direction' }},
        {{ fields 'srcaddr' 'dstaddr' 'srcport' 'dstport' 'protocol' 'action' 'bytes' 'packets' 'start' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND (({{ cidr_match (col 'srcaddr') 'address_a' }} AND {{ cidr_match (col 'dstaddr') 'address_b' }})
        OR ({{ cidr_match (col 'srcaddr') 'address_b' }} AND {{ cidr_match (col 'dstaddr') 'address_a' }}))
),
grouped AS (
    SELECT
        {{ ident 'direction' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'srcport' }}, {{ ident 'dstport' }},
        {{ ident 'protocol' }}, {{ ident 'action' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_start' }},
        MAX({{ ident 'start' }}) AS {{ ident 'last_start' }}
    FROM matched
    GROUP BY {{ ident 'direction' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'srcport' }}, {{ ident 'dstport' }},
        {{ ident 'protocol' }}, {{ ident 'action' }}
)
SELECT
    {{ ident 'direction' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'srcport' }}, {{ ident 'dstport' }},
    {{ ident 'protocol' }}, {{ ident 'action' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }},
    {{ ident 'first_start' }}, {{ ident 'last_start' }}
FROM grouped
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'direction' }},
    {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST, {{ ident 'srcport' }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST,
    {{ ident 'protocol' }} NULLS LAST, {{ ident 'action' }} NULLS LAST, {{ ident 'first_start' }}, {{ ident 'last_start' }}
LIMIT {{ param 'limit' }}
