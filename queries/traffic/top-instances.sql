---
id: top-instances
title: Top instances
description: >-
  The EC2 instances whose interfaces moved the most bytes in the window (AWS's "top talking instances"), over
  every record that logged data (log-status OK), accepted and rejected alike. Records of interfaces without an
  instance (NAT gateways, load balancers, endpoints, Fargate tasks) are left out; traffic between two
  instances counts for each.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - use: limit
    description: How many instances to return.
requires_fields: [instance-id, packets, bytes, start]
optional_fields: [log-status, flow-direction]
output:
  - name: instance_id
    description: The instance (instance-id of the interface that logged the traffic).
  - bytes
  - packets
  - flows
  - ingress_bytes
  - egress_bytes
chart:
  type: bar
  x: instance_id
  y: bytes
  title: Top instances by bytes
---
{{ partial 'resource-totals' { field: 'instance-id', column: 'instance_id', owner: false } }}
