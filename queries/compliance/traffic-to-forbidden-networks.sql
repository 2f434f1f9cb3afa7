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
  - name: account_id
    description: Account that owns the interface.
  - name: interface_id
    description: Interface that logged the flows (empty for a regional NAT gateway).
  - name: srcaddr
    description: Source of the flow.
  - name: dstaddr
    description: The forbidden destination.
  - name: dstport
    description: Destination port.
  - name: protocol
    description: IANA protocol number (6 TCP, 17 UDP).
  - name: action
    description: ACCEPT.
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
{{ partial 'evidence-select' { detail: 'action', detail_column: 'action' } }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ cidr_match (col 'dstaddr') 'forbidden_cidrs' }}
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
