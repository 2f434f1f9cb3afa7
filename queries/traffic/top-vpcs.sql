---
id: top-vpcs
title: Top VPCs
description: >-
  The VPCs whose interfaces (and regional NAT gateways) moved the most bytes in the window, over every record
  that logged data (log-status OK), accepted and rejected alike. Traffic between two interfaces of a VPC is
  logged by both, so it counts twice.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - use: limit
    description: How many VPCs to return.
requires_fields: [vpc-id, packets, bytes, start]
optional_fields: [log-status, flow-direction]
output:
  - name: vpc_id
    description: The VPC of the interface (or regional NAT gateway) that logged the traffic.
  - bytes
  - packets
  - flows
  - ingress_bytes
  - egress_bytes
chart:
  type: bar
  x: vpc_id
  y: bytes
  title: Top VPCs by bytes
---
{{ partial 'resource-totals' { field: 'vpc-id', column: 'vpc_id', owner: false } }}
