---
id: attachment-traffic
title: Traffic by transit gateway attachment
kind: transit-gateway
description: >-
  Bytes, packets and flow records per transit gateway attachment, in all and apart: entering the gateway from
  it (ingress records) and leaving the gateway through it (egress records), with the packets the gateway dropped from the
  flows that entered by it. A Transit Gateway flow log records a flow once at the attachment it entered by and
  once at the one it left by, so each direction is summed on its own and nothing is counted twice. Records with
  log-status OK when the format has it.
parameters:
  - use: limit
    description: How many attachments to return.
    default: 100
    max: 1000000
requires_fields: [tgw-attachment-id, flow-direction, packets, bytes, start, packets-lost-no-route, packets-lost-blackhole,
  packets-lost-mtu-exceeded, packets-lost-ttl-expired]
optional_fields: [log-status]
output:
  - name: tgw_attachment_id
    description: The attachment that logged the records.
  - name: flows
    description: Flow records at the attachment, both directions.
  - name: packets
    description: Packets through the attachment, both directions.
  - name: bytes
    description: Bytes through the attachment, both directions (ingress_bytes + egress_bytes).
  - name: ingress_flows
    description: Flow records of traffic entering the gateway from the attachment.
  - name: ingress_packets
    description: Packets that entered the gateway from the attachment.
  - name: ingress_bytes
    description: Bytes that entered the gateway from the attachment.
  - name: egress_flows
    description: Flow records of traffic leaving the gateway through the attachment.
  - name: egress_packets
    description: Packets that left the gateway through the attachment.
  - name: egress_bytes
    description: Bytes that left the gateway through the attachment.
  - name: packets_lost
    description: Packets of the flows entering by the attachment that the gateway dropped (all four reasons).
chart:
  type: bar
  x: tgw_attachment_id
  y: ingress_bytes
  title: Bytes entering the gateway by attachment
---
WITH records AS (
    SELECT
        {{ fields 'tgw-attachment-id' 'flow-direction' 'packets' 'bytes' }},
        COALESCE({{ col 'packets-lost-no-route' }}, 0) + COALESCE({{ col 'packets-lost-blackhole' }}, 0)
            + COALESCE({{ col 'packets-lost-mtu-exceeded' }}, 0) + COALESCE({{ col 'packets-lost-ttl-expired' }}, 0) AS {{ ident 'lost' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} IN ('ingress', 'egress')
),
per_attachment AS (
    SELECT
        {{ ident 'tgw_attachment_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        COUNT(CASE WHEN {{ ident 'flow_direction' }} = 'ingress' THEN 1 END) AS {{ ident 'ingress_flows' }},
        CAST(COALESCE(SUM(CASE WHEN {{ ident 'flow_direction' }} = 'ingress' THEN {{ ident 'packets' }} END), 0) AS BIGINT) AS {{ ident 'ingress_packets' }},
        CAST(COALESCE(SUM(CASE WHEN {{ ident 'flow_direction' }} = 'ingress' THEN {{ ident 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'ingress_bytes' }},
        COUNT(CASE WHEN {{ ident 'flow_direction' }} = 'egress' THEN 1 END) AS {{ ident 'egress_flows' }},
        CAST(COALESCE(SUM(CASE WHEN {{ ident 'flow_direction' }} = 'egress' THEN {{ ident 'packets' }} END), 0) AS BIGINT) AS {{ ident 'egress_packets' }},
        CAST(COALESCE(SUM(CASE WHEN {{ ident 'flow_direction' }} = 'egress' THEN {{ ident 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'egress_bytes' }},
        CAST(COALESCE(SUM(CASE WHEN {{ ident 'flow_direction' }} = 'ingress' THEN {{ ident 'lost' }} END), 0) AS BIGINT) AS {{ ident 'packets_lost' }}
    FROM records
    GROUP BY {{ ident 'tgw_attachment_id' }}
)
SELECT {{ ident 'tgw_attachment_id' }}, {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'ingress_flows' }}, {{ ident 'ingress_packets' }}, {{ ident 'ingress_bytes' }},
    {{ ident 'egress_flows' }}, {{ ident 'egress_packets' }}, {{ ident 'egress_bytes' }}, {{ ident 'packets_lost' }}
FROM per_attachment
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'ingress_bytes' }} DESC, {{ ident 'tgw_attachment_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
