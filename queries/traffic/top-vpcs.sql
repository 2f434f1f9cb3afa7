---
id: top-vpcs
title: Top VPCs
description: >-
  The VPCs whose interfaces (and regional NAT gateways) moved the most bytes in the window, over every record
  that logged data (log-status OK), accepted and rejected alike. Traffic between two interfaces of a VPC is
  logged by both, so it counts twice.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - name: limit
    type: int
    description: How many VPCs to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [vpc-id, packets, bytes, start]
# log-status: without it, records that logged data are those with a byte count.
# flow-direction: without it, ingress_bytes and egress_bytes are empty.
optional_fields: [log-status, flow-direction]
output:
  - name: vpc_id
    description: The VPC of the interface (or regional NAT gateway) that logged the traffic.
  - name: bytes
    description: Bytes in the window, both directions.
  - name: packets
    description: Packets in the window, both directions.
  - name: flows
    description: Flow records in the window.
  - name: ingress_bytes
    description: Bytes of ingress records (flow-direction ingress); empty when the format lacks flow-direction.
  - name: egress_bytes
    description: Bytes of egress records (flow-direction egress); empty when the format lacks flow-direction.
chart:
  type: bar
  x: vpc_id
  y: bytes
  title: Top VPCs by bytes
---
WITH totals AS (
    SELECT
        {{ col 'vpc-id' }} AS {{ ident 'vpc_id' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        {{- if has_field 'flow-direction' }}
        CAST(COALESCE(SUM(CASE WHEN {{ col 'flow-direction' }} = 'ingress' THEN {{ col 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'ingress_bytes' }},
        CAST(COALESCE(SUM(CASE WHEN {{ col 'flow-direction' }} = 'egress' THEN {{ col 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'egress_bytes' }}
        {{- else }}
        CAST(NULL AS BIGINT) AS {{ ident 'ingress_bytes' }},
        CAST(NULL AS BIGINT) AS {{ ident 'egress_bytes' }}
        {{- end }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND {{ col 'vpc-id' }} IS NOT NULL
    GROUP BY {{ col 'vpc-id' }}
)
SELECT {{ ident 'vpc_id' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'ingress_bytes' }}, {{ ident 'egress_bytes' }}
FROM totals
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'ingress_bytes' }} DESC NULLS LAST,
    {{ ident 'egress_bytes' }} DESC NULLS LAST, {{ ident 'vpc_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
