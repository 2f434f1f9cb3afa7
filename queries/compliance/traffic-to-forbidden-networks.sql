---
id: traffic-to-forbidden-networks
title: Traffic to forbidden networks
control: >-
  No accepted flow goes to a forbidden network.
description: >-
  Evidence for the control: accepted flows whose destination lies in forbidden_cidrs (sanctioned regions,
  known-bad hosts, a partner you left), in either direction of a conversation (a reply to a forbidden host
  counts too), per account, interface, source, destination, port and protocol, with counts and the first and
  last time seen. Skipped until forbidden_cidrs is given.
parameters:
  - name: forbidden_cidrs
    type: list
    item_type: cidr
    description: The networks no traffic may go to.
    required: true
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: Source of the flow.
  - name: dstaddr
    description: The forbidden destination.
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
      AND {{ cidr_match (col 'dstaddr') 'forbidden_cidrs' }}
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
