---
id: traffic-from-address
title: Traffic from an address or network
description: >-
  The traffic the address sent in the window (records whose srcaddr is the address, or lies in the network
  when a CIDR block is given), per destination address and destination port, over every record that logged
  data (log-status OK), accepted and rejected alike; AWS's "traffic from a source". For a network the rows
  sum over all of its addresses.
parameters:
  - name: address
    type: cidr
    description: The source address or network to follow, e.g. 10.0.1.25, 10.0.1.0/24 or 2600:1f18::1.
    required: true
  - use: limit
    description: How many destination and port combinations to return.
requires_fields: [srcaddr, dstaddr, dstport, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: dstaddr
    description: Destination address the traffic went to.
  - name: dstport
    description: Destination port of the traffic.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [dstaddr, dstport]
  y: bytes
  title: Traffic from an address or network by bytes
---
{{ partial 'address-peers' { followed: 'srcaddr', peer: 'dstaddr' } }}
