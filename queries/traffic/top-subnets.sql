---
id: top-subnets
title: Top subnets
description: >-
  The subnets whose interfaces moved the most bytes in the window (AWS's "top talking subnets"), over every
  record that logged data (log-status OK), accepted and rejected alike. Records without a subnet (a regional
  NAT gateway's) are left out; traffic between two subnets counts for each.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - name: limit
    type: int
    description: How many subnets to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [subnet-id, packets, bytes, start]
# log-status: without it, records that logged data are those with a byte count.
# flow-direction: without it, ingress_bytes and egress_bytes are empty.
optional_fields: [log-status, flow-direction]
output:
  - name: subnet_id
    description: The subnet of the interface that logged the traffic.
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
  x: subnet_id
  y: bytes
  title: Top subnets by bytes
---
{{ partial 'resource-totals' { field: 'subnet-id', column: 'subnet_id' } }}
