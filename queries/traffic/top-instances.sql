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
  - name: limit
    type: int
    description: How many instances to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [instance-id, packets, bytes, start]
# log-status: without it, records that logged data are those with a byte count.
# flow-direction: without it, ingress_bytes and egress_bytes are empty.
optional_fields: [log-status, flow-direction]
output:
  - name: instance_id
    description: The instance (instance-id of the interface that logged the traffic).
  - name: bytes
    description: Bytes in the window, both directions.
  - name: packets
    description: Packets in the window, both directions.
  - name: flows
    description: Flow records in the window.
  - name: ingress_bytes
    description: Bytes of ingress records (flow-direction ingress); empty when the format lacks flow-direction.
  - name: egress_bytes
    description: Bytes of egress records (flow-direction egress); empty when the format lacks flow-direction.
chart:
  type: bar
  x: instance_id
  y: bytes
  title: Top instances by bytes
---
{{ partial 'resource-totals' { field: 'instance-id', column: 'instance_id' } }}
