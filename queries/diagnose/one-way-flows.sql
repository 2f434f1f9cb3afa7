---
id: one-way-flows
title: One-way flows (accepted traffic that was never answered)
description: >-
  Accepted traffic seen in one direction only: flow records ACCEPTed at an interface with no record of the
  reverse 5-tuple (destination back to source, ports swapped, same protocol) at the same interface anywhere
  in the window, accepted or rejected. Flow logs record both directions of a conversation at the interface,
  so an unanswered flow is a peer that is gone or silently dropping (a blackhole route, a firewall beyond the
  VPC, a dead collector), or asymmetric routing that sends the reply through another interface. One row per
  interface, source, destination, destination port and protocol. Flows that start within the edge margin of
  the window's first or last record are left out: their reply may fall just outside the window.
parameters:
  - use: limit
    default: 20
  - name: edge_margin_minutes
    type: int
    description: >-
      Flows starting this close to the first or last record in the window are not reported, as their reply may
      lie outside it. The default covers the longest aggregation interval (10 minutes).
    default: 10
    min: 0
    max: 1440
# Regional NAT gateway records have no interface-id: they are matched among themselves.
requires_fields: [interface-id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, action]
# An action already implies a record with data; log-status narrows it further when present.
optional_fields: [log-status]
output:
  - name: interface_id
    description: The interface that logged the unanswered flows (empty for a regional NAT gateway).
  - name: srcaddr
    description: Source of the unanswered flows.
  - name: dstaddr
    description: Destination that never answered.
  - name: dstport
    description: Destination port.
  - protocol
  - name: flows
    description: Unanswered flow records.
  - name: source_ports
    description: Distinct source ports among them (one long-lived socket, or a new connection attempt each time).
  - name: packets
    description: Packets sent without an answer.
  - name: bytes
    description: Bytes sent without an answer.
  - name: first_start
    description: Start of the first unanswered flow, Unix seconds.
  - name: last_start
    description: Start of the last unanswered flow, Unix seconds.
chart:
  type: bar
  x: [interface_id, dstaddr, dstport]
  y: flows
  title: Unanswered flows
---
{{ partial 'flow-records' { volume: true } }},
edges AS (
    SELECT
        MIN({{ ident 'start' }}) + {{ param 'edge_margin_minutes' }} * 60 AS {{ ident 'low' }},
        MAX({{ ident 'start' }}) - {{ param 'edge_margin_minutes' }} * 60 AS {{ ident 'high' }}
    FROM flows
),
directions AS (
    SELECT DISTINCT {{ ident 'eni' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'srcport' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}
    FROM flows
),
unanswered AS (
    SELECT f.*
    FROM flows f
    CROSS JOIN edges e
    LEFT JOIN directions r
{{ partial 'reply-match' { reply: 'r', flow: 'f' } }}
    WHERE f.{{ ident 'action' }} = 'ACCEPT'
      AND r.{{ ident 'eni' }} IS NULL
      AND f.{{ ident 'start' }} >= e.{{ ident 'low' }}
      AND f.{{ ident 'start' }} <= e.{{ ident 'high' }}
),
per_peer AS (
    SELECT
        {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ ident 'srcport' }}) AS {{ ident 'source_ports' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_start' }},
        MAX({{ ident 'start' }}) AS {{ ident 'last_start' }}
    FROM unanswered
    GROUP BY {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}
)
SELECT {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
    {{ ident 'flows' }}, {{ ident 'source_ports' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'first_start' }}, {{ ident 'last_start' }}
FROM per_peer
ORDER BY {{ ident 'flows' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'interface_id' }} NULLS LAST, {{ ident 'srcaddr' }} NULLS LAST,
    {{ ident 'dstaddr' }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident 'source_ports' }} NULLS LAST,
    {{ ident 'packets' }} NULLS LAST, {{ ident 'first_start' }} NULLS LAST, {{ ident 'last_start' }} NULLS LAST
LIMIT {{ param 'limit' }}
