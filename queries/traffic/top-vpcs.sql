---
id: top-vpcs
title: Top VPCs
description: >-
  The VPCs whose interfaces (and regional NAT gateways) moved the most bytes in the window, over every record
  that logged data (log-status OK), accepted and rejected alike. Traffic between two interfaces of a VPC is
  logged by both, so it counts twice.
  With flow-direction in the format the bytes are also split into ingress and egress.
parameters:
  - name: limit
    type: int
    description: How many VPCs to return.
    default: 10
    min: 1
    max: 100000
requires_fields: [vpc-id, packets, bytes, start]
# log-status: without it, records that logged data are those with a byte count.
# flow-direction: without it, ingress_bytes and egress_bytes are empty.
optional_fields: [log-status, flow-direction]
output:
  - name: vpc_id
    description: The VPC of the interface (or regional NAT gateway) that logged the traffic.
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
  x: vpc_id
  y: bytes
  title: Top VPCs by bytes
---
{{ partial 'resource-totals' { field: 'vpc-id', column: 'vpc_id' } }}
