---
id: top-interfaces
title: Top network interfaces
description: >-
  The network interfaces (ENIs) that moved the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike. Records without an interface (a regional NAT gateway's, which
  name it in resource-id) are left out; traffic between two interfaces counts for each.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - use: limit
    description: How many interfaces to return.
requires_fields: [interface-id, packets, bytes, start]
optional_fields: [log-status, flow-direction]
output:
  - name: interface_id
    description: The interface (ENI) that logged the traffic.
  - bytes
  - packets
  - flows
  - ingress_bytes
  - egress_bytes
chart:
  type: bar
  x: interface_id
  y: bytes
  title: Top network interfaces by bytes
---
{{ partial 'resource-totals' { field: 'interface-id', column: 'interface_id' } }}
