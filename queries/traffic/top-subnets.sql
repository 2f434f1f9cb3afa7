---
id: top-subnets
title: Top subnets
description: >-
  The subnets whose interfaces moved the most bytes in the window (AWS's "top talking subnets"), over every
  record that logged data (log-status OK), accepted and rejected alike. Records without a subnet (a regional
  NAT gateway's) are left out; traffic between two subnets counts for each.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - use: limit
    description: How many subnets to return.
requires_fields: [subnet-id, packets, bytes, start]
optional_fields: [log-status, flow-direction]
output:
  - name: subnet_id
    description: The subnet of the interface that logged the traffic.
  - bytes
  - packets
  - flows
  - ingress_bytes
  - egress_bytes
chart:
  type: bar
  x: subnet_id
  y: bytes
  title: Top subnets by bytes
---
{{ partial 'resource-totals' { field: 'subnet-id', column: 'subnet_id', owner: false } }}
