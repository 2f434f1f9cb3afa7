---
id: egress-outside-allow-list
title: Egress outside the allow-list
control: >-
  Your networks open connections only to internal destinations and to the allowed egress networks.
description: >-
  Evidence for the control: accepted flows from a source inside internal_cidrs to a destination outside both
  internal_cidrs and allowed_egress_cidrs, opened from the inside: the destination port is below the source
  port, as for a client's ephemeral port talking to a service (so a public server's replies to its clients
  do not count), per account, interface, source, destination, port and protocol, with counts and the first
  and last time seen. Skipped until allowed_egress_cidrs is given.
parameters:
  - name: allowed_egress_cidrs
    type: list
    item_type: cidr
    description: Outside networks your workloads may connect to (AWS service ranges, partners, update mirrors).
    required: true
  - internal_cidrs
requires_fields: [account-id, interface-id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: Your source.
  - name: dstaddr
    description: The destination outside the allow-list.
  - name: dstport
    description: Destination port.
  - protocol
  - name: action
    description: ACCEPT.
  - flows
  - packets
  - bytes
  - first_seen
  - last_seen
---
{{ partial 'evidence-select' { detail: 'action', detail_column: 'action' } }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ col 'dstport' }} < {{ col 'srcport' }}
      AND {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
      AND NOT {{ cidr_match (col 'dstaddr') 'internal_cidrs' }}
      AND NOT {{ cidr_match (col 'dstaddr') 'allowed_egress_cidrs' }}
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
