---
id: rejected-by-vpc-controls
title: Rejected by Block Public Access or Encryption Controls
control: >-
  No traffic started from your networks has to be stopped by VPC Block Public Access or VPC Encryption
  Controls.
description: >-
  Evidence for the control: rejected flows whose reject-reason is one of reject_reasons (BPA: VPC Block Public
  Access; EC: VPC Encryption Controls) and whose source lies inside internal_cidrs: a workload of yours tried
  what the VPC-level block forbids (reaching the internet from a blocked VPC, plaintext under enforced
  encryption). Internet traffic that BPA turns away at the door is the block doing its job and does not count
  (the security pack reports it). Per account, interface, source, destination, port, protocol and reason, with
  counts and the first and last time seen. Skipped when the format lacks reject-reason (v8).
parameters:
  - name: reject_reasons
    type: list
    item_type: enum
    values: [BPA, EC]
    description: The reject-reason values that count.
    default: BPA,EC
  - name: internal_cidrs
    type: list
    item_type: cidr
    description: >-
      Your own networks (VPCs, on-premises, peers). The default is the private ranges; add your VPCs' IPv6
      blocks, which are global addresses.
    default: 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action, reject-reason]
optional_fields: [log-status]
output:
  - name: account_id
    description: Account that owns the interface.
  - name: interface_id
    description: Interface that logged the flows (empty for a regional NAT gateway).
  - name: srcaddr
    description: Your source that was stopped.
  - name: dstaddr
    description: Where it tried to go.
  - name: dstport
    description: Destination port.
  - name: protocol
    description: IANA protocol number (6 TCP, 17 UDP).
  - name: reject_reason
    description: BPA or EC.
  - name: flows
    description: Flow records.
  - name: packets
    description: Packets.
  - name: bytes
    description: Bytes.
  - name: first_seen
    description: Earliest start of these flows, Unix seconds (UTC).
  - name: last_seen
    description: Latest end of these flows, Unix seconds (UTC).
---
WITH evidence AS (
    SELECT
        {{ col 'account-id' }} AS {{ ident 'account_id' }},
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }},
        {{ col 'dstaddr' }} AS {{ ident 'dstaddr' }},
        {{ col 'dstport' }} AS {{ ident 'dstport' }},
        {{ col 'protocol' }} AS {{ ident 'protocol' }},
        {{ col 'reject-reason' }} AS {{ ident 'reject_reason' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ col 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ col 'end' }}) AS {{ ident 'last_seen' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
      {{- end }}
      AND {{ col 'action' }} = 'REJECT'
      AND {{ col 'reject-reason' }} IN ({{ param 'reject_reasons' }})
      AND {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
    GROUP BY {{ col 'account-id' }}, {{ col 'interface-id' }}, {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'protocol' }}, {{ col 'reject-reason' }}
)
SELECT {{ ident 'account_id' }}, {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
    {{ ident 'reject_reason' }}, {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'first_seen' }}, {{ ident 'last_seen' }}
FROM evidence
ORDER BY {{ ident 'first_seen' }} NULLS LAST, {{ ident 'account_id' }} NULLS LAST, {{ ident 'interface_id' }} NULLS LAST, {{ ident 'srcaddr' }} NULLS LAST,
    {{ ident 'dstaddr' }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident 'reject_reason' }} NULLS LAST,
    {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'last_seen' }} NULLS LAST
