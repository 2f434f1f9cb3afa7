---
id: cross-az-cost
title: Cross-AZ transfer cost
description: >-
  Bytes that crossed Availability Zones, per VPC and source and destination AZ, priced at the cross-AZ rate:
  accepted records (log-status OK) whose az-id differs from next-hop-az-id (v11), in both directions. AWS
  bills data transfer between AZs to both sides, out of the sender and into the receiver (US East list price
  $0.01/GB in each direction, https://aws.amazon.com/ec2/pricing/on-demand/, "Data Transfer within the same
  AWS Region"), and each interface's record is its own side: an egress record goes from its az-id to
  next-hop-az-id, an ingress record from next-hop-az-id to its az-id. Records without an AZ on either side
  (sublocations, internet peers, no next hop) are not counted. GB and cost follow egress-cost: GB of the
  gb_unit rounded to 9 decimal places, cost rounded half up to 6.
parameters:
  - name: cross_az_usd_per_gb
    type: decimal
    description: USD per GB crossing AZs, charged on each side (AWS list price, us-east-1).
    default: 0.01
    min: 0
    max: 1000
  - gb_unit
  - use: limit
    default: 1000
    max: 1000000
requires_fields: [vpc-id, az-id, next-hop-az-id, bytes, start, action, flow-direction]
optional_fields: [log-status]
output:
  - name: vpc_id
    description: VPC of the interface that logged the records.
  - name: source_az_id
    description: AZ the bytes left.
  - name: destination_az_id
    description: AZ the bytes entered.
  - name: flows
    description: Flow records counted.
  - name: bytes
    description: Bytes that crossed from the source to the destination AZ, summed over both sides' records.
  - gb
  - name: usd_per_gb
    description: The cross-AZ price applied.
  - cost_usd
chart:
  type: bar
  x: [source_az_id, destination_az_id]
  y: cost_usd
  title: Cross-AZ cost by AZ pair
---
WITH crossing AS (
    SELECT
        {{ col 'vpc-id' }} AS {{ ident 'vpc_id' }},
        CASE WHEN {{ col 'flow-direction' }} = 'egress' THEN {{ col 'az-id' }} ELSE {{ col 'next-hop-az-id' }} END AS {{ ident 'source_az_id' }},
        CASE WHEN {{ col 'flow-direction' }} = 'egress' THEN {{ col 'next-hop-az-id' }} ELSE {{ col 'az-id' }} END AS {{ ident 'destination_az_id' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ col 'flow-direction' }} IN ('egress', 'ingress')
      AND {{ col 'az-id' }} <> {{ col 'next-hop-az-id' }}
),
totals AS (
    SELECT
        {{ ident 'vpc_id' }}, {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM crossing
    GROUP BY {{ ident 'vpc_id' }}, {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }}
),
priced AS (
    SELECT
        t.*,
        {{ partial 'gb' { column: 'bytes' } }},
        {{ param 'cross_az_usd_per_gb' }} AS {{ ident 'usd_per_gb' }}
    FROM totals AS t
)
SELECT {{ ident 'vpc_id' }}, {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }}, {{ ident 'flows' }}, {{ ident 'bytes' }},
    {{ ident 'gb' }}, {{ ident 'usd_per_gb' }}, {{ partial 'cost-usd' }}
FROM priced
ORDER BY {{ ident 'cost_usd' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'vpc_id' }} NULLS LAST,
    {{ ident 'source_az_id' }} NULLS LAST, {{ ident 'destination_az_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
