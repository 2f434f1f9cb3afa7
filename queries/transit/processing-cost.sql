---
id: processing-cost
title: Transit Gateway data processing cost by sending VPC
kind: transit-gateway
description: >-
  Transit Gateway data processing charges allocated to the sender, as AWS bills them by default: every byte
  sent to the gateway is charged once, to the account that owns the attachment it came from
  (https://docs.aws.amazon.com/vpc/latest/tgw/what-is-transit-gateway.html, "Pricing"). Bytes of ingress
  records (where traffic entered the gateway), per sending account, VPC and attachment; traffic from a VPN,
  Direct Connect or peering attachment has an empty account and VPC and is priced on its attachment. Priced at
  the list price per GB processed ($0.02/GB in US regions, https://aws.amazon.com/transit-gateway/pricing/,
  read 2026-12-06 from AWS's worked example for US East (Ohio); check your region's rate). Not modelled: a
  flexible cost allocation (metering) policy that bills the destination or the gateway owner instead, and
  peering, whose bytes AWS charges on the sending gateway only (leave the peering attachment's row out).
  GB and cost follow egress-cost: GB of the gb_unit rounded to 9 decimal places, cost rounded half up to 6.
parameters:
  - name: tgw_processing_usd_per_gb
    type: decimal
    description: USD per GB of data the transit gateway processes (AWS list price, US regions).
    default: 0.02
    min: 0
    max: 1000
  - gb_unit
  - use: limit
    default: 1000
    max: 1000000
requires_fields: [tgw-attachment-id, tgw-src-vpc-account-id, tgw-src-vpc-id, flow-direction, bytes, start]
optional_fields: [log-status]
output:
  - name: source_account_id
    description: Account that owns the sending VPC (tgw-src-vpc-account-id), which AWS bills.
  - name: source_vpc_id
    description: The VPC that sent the bytes.
  - name: tgw_attachment_id
    description: The attachment the bytes entered the gateway by.
  - flows
  - name: bytes
    description: Bytes sent to the gateway.
  - gb
  - name: usd_per_gb
    description: The data processing price applied.
  - cost_usd
chart:
  type: bar
  x: [source_account_id, source_vpc_id]
  y: cost_usd
  title: Transit Gateway data processing cost by sending VPC
---
WITH sent AS (
    SELECT
        {{ col 'tgw-src-vpc-account-id' }} AS {{ ident 'source_account_id' }},
        {{ col 'tgw-src-vpc-id' }} AS {{ ident 'source_vpc_id' }},
        {{ fields 'tgw-attachment-id' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'ingress'
),
totals AS (
    SELECT
        {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'tgw_attachment_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM sent
    GROUP BY {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'tgw_attachment_id' }}
),
priced AS (
    SELECT
        t.*,
        {{ partial 'gb' { column: 'bytes' } }},
        {{ param 'tgw_processing_usd_per_gb' }} AS {{ ident 'usd_per_gb' }}
    FROM totals AS t
)
SELECT {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'tgw_attachment_id' }}, {{ ident 'flows' }}, {{ ident 'bytes' }},
    {{ ident 'gb' }}, {{ ident 'usd_per_gb' }}, {{ partial 'cost-usd' }}
FROM priced
ORDER BY {{ ident 'cost_usd' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'source_account_id' }} NULLS LAST,
    {{ ident 'source_vpc_id' }} NULLS LAST, {{ ident 'tgw_attachment_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
