---
id: admin-access-from-internet
title: Admin ports accepted from the internet
control: >-
  No remote-administration port of your networks accepts traffic from outside them, except from the allowed
  admin sources.
description: >-
  Evidence for the control: accepted flows to an administration port (SSH, RDP, VNC and WinRM unless told
  otherwise) of an address inside internal_cidrs, from a source outside internal_cidrs and outside
  allowed_admin_cidrs, per account, interface, source, destination, port and protocol, with counts and the
  first and last time seen. Every row is a hole to close; the control passes when there is none.
parameters:
  - name: admin_ports
    type: list
    item_type: port
    description: The remote-administration ports (SSH 22, RDP 3389, VNC 5900, WinRM 5985/5986).
    default: 22,3389,5900,5985,5986
  - name: allowed_admin_cidrs
    type: list
    item_type: cidr
    description: >-
      Outside sources allowed to reach admin ports, e.g. the office, the VPN's egress and EC2 Instance Connect's
      range. None by default: then every outside source counts.
  - name: internal_cidrs
    type: list
    item_type: cidr
    description: >-
      Your own networks (VPCs, on-premises, peers). The default is the private ranges; add your VPCs' IPv6
      blocks, which are global addresses.
    default: 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,fc00::/7
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - name: account_id
    description: Account that owns the interface.
  - name: interface_id
    description: Interface that logged the flows (empty for a regional NAT gateway).
  - name: srcaddr
    description: The outside source.
  - name: dstaddr
    description: Your address it reached.
  - name: dstport
    description: The admin port.
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
      AND {{ col 'dstport' }} IN ({{ param 'admin_ports' }})
      AND {{ cidr_match (col 'dstaddr') 'internal_cidrs' }}
      AND NOT {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
      {{- if has_param 'allowed_admin_cidrs' }}
      AND NOT {{ cidr_match (col 'srcaddr') 'allowed_admin_cidrs' }}
      {{- end }}
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
