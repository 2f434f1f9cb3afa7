---
id: asymmetric-routes
title: Flows whose reply leaves the transit gateway by another attachment
kind: transit-gateway
description: >-
  Asymmetric routing through the transit gateway: flows that entered the gateway by one attachment while their
  reply (the reverse 5-tuple: destination back to source, ports swapped, same protocol) left the gateway by a
  different one, anywhere in the window. Stateful firewalls and appliances on the first path never see the
  reply; typical causes are two VPN or Direct Connect paths to the same network with routes that prefer the
  other one. One row per source, destination, destination port, protocol and the three attachments; the flows'
  packets and bytes are those that entered the gateway. Records with log-status OK when the format has it.
parameters:
  - use: limit
    description: How many rows to return.
    default: 100
    max: 1000000
requires_fields: [tgw-attachment-id, tgw-pair-attachment-id, flow-direction, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: srcaddr
    description: Source of the flows.
  - name: dstaddr
    description: Destination of the flows, whose replies took another way back.
  - name: dstport
    description: Destination port.
  - protocol
  - name: entry_attachment_id
    description: The attachment the flows entered the gateway by.
  - name: exit_attachment_id
    description: The attachment the flows left the gateway by (empty when the gateway dropped them).
  - name: reply_exit_attachment_id
    description: The different attachment their replies left the gateway by.
  - flows
  - name: packets
    description: Packets of the flows, as they entered the gateway.
  - name: bytes
    description: Bytes of the flows, as they entered the gateway.
chart:
  type: bar
  x: [entry_attachment_id, reply_exit_attachment_id]
  y: flows
  title: Asymmetric flows by entry and reply attachment
---
WITH records AS (
    SELECT
        {{ col 'tgw-attachment-id' }} AS {{ ident 'attachment_id' }},
        {{ fields 'tgw-pair-attachment-id' 'flow-direction' 'srcaddr' 'dstaddr' 'srcport' 'dstport' 'protocol' 'packets' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} IN ('ingress', 'egress')
),
replies_left AS (
    SELECT DISTINCT {{ ident 'attachment_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'srcport' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}
    FROM records
    WHERE {{ ident 'flow_direction' }} = 'egress'
),
asymmetric_flows AS (
    SELECT
        f.{{ ident 'srcaddr' }}, f.{{ ident 'dstaddr' }}, f.{{ ident 'dstport' }}, f.{{ ident 'protocol' }},
        f.{{ ident 'attachment_id' }} AS {{ ident 'entry_attachment_id' }},
        f.{{ ident 'tgw_pair_attachment_id' }} AS {{ ident 'exit_attachment_id' }},
        r.{{ ident 'attachment_id' }} AS {{ ident 'reply_exit_attachment_id' }},
        f.{{ ident 'packets' }}, f.{{ ident 'bytes' }}
    FROM records AS f
    JOIN replies_left AS r
      ON r.{{ ident 'srcaddr' }} = f.{{ ident 'dstaddr' }}
     AND r.{{ ident 'dstaddr' }} = f.{{ ident 'srcaddr' }}
     AND r.{{ ident 'srcport' }} = f.{{ ident 'dstport' }}
     AND r.{{ ident 'dstport' }} = f.{{ ident 'srcport' }}
     AND r.{{ ident 'protocol' }} = f.{{ ident 'protocol' }}
    WHERE f.{{ ident 'flow_direction' }} = 'ingress'
      AND r.{{ ident 'attachment_id' }} <> f.{{ ident 'attachment_id' }}
),
grouped AS (
    SELECT
        {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
        {{ ident 'entry_attachment_id' }}, {{ ident 'exit_attachment_id' }}, {{ ident 'reply_exit_attachment_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM asymmetric_flows
    GROUP BY {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
        {{ ident 'entry_attachment_id' }}, {{ ident 'exit_attachment_id' }}, {{ ident 'reply_exit_attachment_id' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}, {{ ident 'entry_attachment_id' }},
    {{ ident 'exit_attachment_id' }}, {{ ident 'reply_exit_attachment_id' }}, {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}
FROM grouped
ORDER BY {{ ident 'flows' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST,
    {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident 'entry_attachment_id' }} NULLS LAST,
    {{ ident 'exit_attachment_id' }} NULLS LAST, {{ ident 'reply_exit_attachment_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
