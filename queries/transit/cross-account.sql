---
id: cross-account
title: Cross-account transit traffic
kind: transit-gateway
description: >-
  Traffic through the transit gateway between VPCs of different accounts: bytes, packets and flows per source
  and destination account, with how many distinct VPC pairs carried them. Counted once per flow, on its ingress
  record (where it entered the gateway), and only where both sides are VPCs with an account
  (tgw-src-vpc-account-id and tgw-dst-vpc-account-id set and different). Records with log-status OK when the
  format has it.
parameters:
  - use: limit
    description: How many account pairs to return.
    default: 100
    max: 1000000
requires_fields: [tgw-src-vpc-account-id, tgw-dst-vpc-account-id, tgw-src-vpc-id, tgw-dst-vpc-id, flow-direction, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: source_account_id
    description: Account that owns the sending VPC.
  - name: destination_account_id
    description: Account that owns the receiving VPC.
  - name: vpc_pairs
    description: Distinct source and destination VPC pairs between the two accounts.
  - flows
  - name: packets
    description: Packets that entered the gateway from the source account's VPCs for the destination account's.
  - name: bytes
    description: Bytes that entered the gateway from the source account's VPCs for the destination account's.
chart:
  type: bar
  x: [source_account_id, destination_account_id]
  y: bytes
  title: Cross-account transit bytes
---
WITH crossing AS (
    SELECT
        {{ col 'tgw-src-vpc-account-id' }} AS {{ ident 'source_account_id' }},
        {{ col 'tgw-dst-vpc-account-id' }} AS {{ ident 'destination_account_id' }},
        {{ col 'tgw-src-vpc-id' }} AS {{ ident 'source_vpc_id' }},
        {{ col 'tgw-dst-vpc-id' }} AS {{ ident 'destination_vpc_id' }},
        {{ fields 'packets' 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'ingress'
      AND {{ col 'tgw-src-vpc-account-id' }} <> {{ col 'tgw-dst-vpc-account-id' }}
),
accounts AS (
    SELECT
        {{ ident 'source_account_id' }}, {{ ident 'destination_account_id' }},
        COUNT(DISTINCT {{ ident 'source_vpc_id' }} || '>' || {{ ident 'destination_vpc_id' }}) AS {{ ident 'vpc_pairs' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM crossing
    GROUP BY {{ ident 'source_account_id' }}, {{ ident 'destination_account_id' }}
)
SELECT {{ ident 'source_account_id' }}, {{ ident 'destination_account_id' }}, {{ ident 'vpc_pairs' }}, {{ ident 'flows' }},
    {{ ident 'packets' }}, {{ ident 'bytes' }}
FROM accounts
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'source_account_id' }} NULLS LAST,
    {{ ident 'destination_account_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
