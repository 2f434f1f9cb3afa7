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
{{ partial 'evidence-select' { detail: 'reject-reason', detail_column: 'reject_reason' } }}
      AND {{ col 'action' }} = 'REJECT'
      AND {{ col 'reject-reason' }} IN ({{ param 'reject_reasons' }})
      AND {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
{{ partial 'evidence-group' { detail: 'reject-reason', detail_column: 'reject_reason' } }}
