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
  - internal_cidrs
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action, reject-reason]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: Your source that was stopped.
  - name: dstaddr
    description: Where it tried to go.
  - name: dstport
    description: Destination port.
  - protocol
  - name: reject_reason
    description: BPA or EC.
  - flows
  - packets
  - bytes
  - first_seen
  - last_seen
---
{{ partial 'evidence-select' { detail: 'reject-reason', detail_column: 'reject_reason' } }}
      AND {{ col 'action' }} = 'REJECT'
      AND {{ col 'reject-reason' }} IN ({{ param 'reject_reasons' }})
      AND {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
{{ partial 'evidence-group' { detail: 'reject-reason', detail_column: 'reject_reason' } }}
