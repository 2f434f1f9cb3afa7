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
  - internal_cidrs
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: The outside source.
  - name: dstaddr
    description: Your address it reached.
  - name: dstport
    description: The admin port.
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
      AND {{ col 'dstport' }} IN ({{ param 'admin_ports' }})
      AND {{ cidr_match (col 'dstaddr') 'internal_cidrs' }}
      AND NOT {{ cidr_match (col 'srcaddr') 'internal_cidrs' }}
      {{- if has_param 'allowed_admin_cidrs' }}
      AND NOT {{ cidr_match (col 'srcaddr') 'allowed_admin_cidrs' }}
      {{- end }}
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
