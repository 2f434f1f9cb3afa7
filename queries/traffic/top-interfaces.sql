---
id: top-interfaces
title: Top network interfaces
description: >-
  The network interfaces (ENIs) that moved the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike. Records without an interface (a regional NAT gateway's, which
  name it in resource-id) are left out; traffic between two interfaces counts for each.
  With flow-direction in the format the bytes are also split into ingress and egress. With the interface
  inventory ('flowlog-athena inventory sync'), each interface's type, description, requester, VPC, subnet,
  instance and its Name, and security groups from the latest snapshot, so even a v2 log says whose each is.
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
  - name: interface_type
    description: What the interface is, from the inventory (interface for an instance's, nat_gateway, network_load_balancer, lambda, vpc_endpoint, …).
  - name: description
    description: The interface's description (AWS writes the owning service's there, e.g. the load balancer's name).
  - name: requester_id
    description: The service or account that made a requester-managed interface.
  - name: vpc_id
    description: The VPC of the interface, from the inventory.
  - name: subnet_id
    description: The subnet of the interface, from the inventory.
  - name: instance_id
    description: The instance the interface is attached to, from the inventory.
  - name: instance_name
    description: That instance's Name tag.
  - name: security_group_ids
    description: The interface's security groups, comma-separated.
  - name: security_group_names
    description: Their names, in the same order.
chart:
  type: bar
  x: interface_id
  y: bytes
  title: Top network interfaces by bytes
---
{{ partial 'resource-totals' { field: 'interface-id', column: 'interface_id', owner: true } }}
