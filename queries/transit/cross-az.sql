---
id: cross-az
title: Transit traffic that crossed Availability Zones
kind: transit-gateway
description: >-
  Bytes, packets and flows that entered the transit gateway in one Availability Zone and left it in another
  (tgw-src-az-id and tgw-dst-az-id both set and different), per AZ pair and source and destination VPC. The
  gateway keeps traffic in the AZ it entered by when the destination attachment has a subnet there, so these
  flows point at attachments missing an AZ. Counted once per flow, on its ingress record. Records with
  log-status OK when the format has it.
parameters:
  - use: limit
    description: How many rows to return.
    default: 100
    max: 1000000
requires_fields: [tgw-src-az-id, tgw-dst-az-id, tgw-src-vpc-id, tgw-dst-vpc-id, flow-direction, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: source_az_id
    description: AZ of the attachment interface the traffic entered by.
  - name: destination_az_id
    description: AZ of the attachment interface the traffic left by.
  - name: source_vpc_id
    description: The VPC the traffic came from.
  - name: destination_vpc_id
    description: The VPC the traffic went to.
  - flows
  - name: packets
    description: Packets that crossed from the source to the destination AZ.
  - name: bytes
    description: Bytes that crossed from the source to the destination AZ.
chart:
  type: bar
  x: [source_az_id, destination_az_id]
  y: bytes
  title: Transit bytes across AZs
---
WITH crossing AS (
    SELECT
        {{ col 'tgw-src-az-id' }} AS {{ ident 'source_az_id' }},
        {{ col 'tgw-dst-az-id' }} AS {{ ident 'destination_az_id' }},
        {{ col 'tgw-src-vpc-id' }} AS {{ ident 'source_vpc_id' }},
        {{ col 'tgw-dst-vpc-id' }} AS {{ ident 'destination_vpc_id' }},
        {{ fields 'packets' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'ingress'
      AND {{ col 'tgw-src-az-id' }} <> {{ col 'tgw-dst-az-id' }}
),
pairs AS (
    SELECT
        {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'destination_vpc_id' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM crossing
    GROUP BY {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'destination_vpc_id' }}
)
SELECT {{ ident 'source_az_id' }}, {{ ident 'destination_az_id' }}, {{ ident 'source_vpc_id' }}, {{ ident 'destination_vpc_id' }},
    {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}
FROM pairs
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'source_az_id' }} NULLS LAST,
    {{ ident 'destination_az_id' }} NULLS LAST, {{ ident 'source_vpc_id' }} NULLS LAST, {{ ident 'destination_vpc_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
