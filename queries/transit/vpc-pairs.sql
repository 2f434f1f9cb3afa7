---
id: vpc-pairs
title: Transit traffic by source and destination VPC
kind: transit-gateway
description: >-
  Bytes, packets and flows through the transit gateway per source VPC (with its account and the attachment the
  traffic entered by) and destination VPC (with its account and the attachment it left by). Each flow is counted
  once, on its ingress record, where it entered the gateway; the gateway's egress record of the same flow is not
  counted again. A side that is not a VPC (a VPN, Direct Connect or peering attachment) has an empty account and
  VPC; a flow the gateway dropped entirely (no route, blackhole) has an empty destination. Records with
  log-status OK when the format has it.
parameters:
  - use: limit
    description: How many VPC pairs to return.
    default: 100
    max: 1000000
requires_fields: [tgw-attachment-id, tgw-pair-attachment-id, tgw-src-vpc-account-id, tgw-src-vpc-id, tgw-dst-vpc-account-id, tgw-dst-vpc-id,
  flow-direction, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: source_account_id
    description: Account that owns the source VPC (tgw-src-vpc-account-id).
  - name: source_vpc_id
    description: The VPC the traffic came from (tgw-src-vpc-id).
  - name: source_attachment_id
    description: The attachment the traffic entered the gateway by.
  - name: destination_account_id
    description: Account that owns the destination VPC (tgw-dst-vpc-account-id).
  - name: destination_vpc_id
    description: The VPC the traffic went to (tgw-dst-vpc-id).
  - name: destination_attachment_id
    description: The attachment the traffic left the gateway by (tgw-pair-attachment-id of the ingress record).
  - flows
  - name: packets
    description: Packets that entered the gateway for the pair.
  - name: bytes
    description: Bytes that entered the gateway for the pair.
chart:
  type: bar
  x: [source_vpc_id, destination_vpc_id]
  y: bytes
  title: Transit bytes by VPC pair
---
WITH entered AS (
    SELECT
        {{ col 'tgw-src-vpc-account-id' }} AS {{ ident 'source_account_id' }},
        {{ col 'tgw-src-vpc-id' }} AS {{ ident 'source_vpc_id' }},
        {{ col 'tgw-attachment-id' }} AS {{ ident 'source_attachment_id' }},
        {{ col 'tgw-dst-vpc-account-id' }} AS {{ ident 'destination_account_id' }},
        {{ col 'tgw-dst-vpc-id' }} AS {{ ident 'destination_vpc_id' }},
        {{ col 'tgw-pair-attachment-id' }} AS {{ ident 'destination_attachment_id' }},
        {{ fields 'packets' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'ingress'
),
pairs AS (
    SELECT
        {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'source_attachment_id' }},
        {{ ident 'destination_account_id' }}, {{ ident 'destination_vpc_id' }}, {{ ident 'destination_attachment_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM entered
    GROUP BY {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'source_attachment_id' }},
        {{ ident 'destination_account_id' }}, {{ ident 'destination_vpc_id' }}, {{ ident 'destination_attachment_id' }}
)
SELECT {{ ident 'source_account_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'source_attachment_id' }},
    {{ ident 'destination_account_id' }}, {{ ident 'destination_vpc_id' }}, {{ ident 'destination_attachment_id' }},
    {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}
FROM pairs
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC,
    {{ ident 'source_account_id' }} NULLS LAST, {{ ident 'source_vpc_id' }} NULLS LAST, {{ ident 'source_attachment_id' }} NULLS LAST,
    {{ ident 'destination_account_id' }} NULLS LAST, {{ ident 'destination_vpc_id' }} NULLS LAST, {{ ident 'destination_attachment_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
