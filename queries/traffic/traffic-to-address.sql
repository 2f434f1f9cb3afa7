---
id: traffic-to-address
title: Traffic to an address or network
description: >-
  The traffic sent to the address in the window (records whose dstaddr is the address, or lies in the network
  when a CIDR block is given), per source address and destination port, over every record that logged data
  (log-status OK), accepted and rejected alike; AWS's "traffic to a destination". For a network the rows sum
  over all of its addresses.
parameters:
  - name: address
    type: cidr
    description: The destination address or network to follow, e.g. 10.0.1.25, 10.0.1.0/24 or 2600:1f18::1.
    required: true
  - use: limit
    description: How many source and port combinations to return.
requires_fields: [srcaddr, dstaddr, dstport, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: srcaddr
    description: Source address the traffic came from.
  - name: dstport
    description: Destination port of the traffic.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [srcaddr, dstport]
  y: bytes
  title: Traffic to an address or network by bytes
---
{{ partial 'address-peers' { followed: 'dstaddr', peer: 'srcaddr' } }}
