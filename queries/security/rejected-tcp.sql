---
id: rejected-tcp
title: Rejected TCP traffic
description: >-
  The source, destination and destination port combinations with the most rejected TCP flow records
  (protocol 6, action REJECT, log-status OK) in the window: connection attempts a security group or
  network ACL refused.
parameters:
  - use: limit
    description: How many combinations to return.
  - dstport
  - source_cidr
requires_fields: [srcaddr, dstaddr, dstport, protocol, start, action, log-status]
output:
  - name: srcaddr
    description: Source address of the rejected TCP traffic.
  - name: dstaddr
    description: Destination address of the rejected TCP traffic.
  - name: dstport
    description: Destination port of the rejected TCP traffic.
  - name: attempts
    description: Rejected TCP flow records in the window.
chart:
  type: bar
  x: [srcaddr, dstaddr, dstport]
  y: attempts
  title: Rejected TCP traffic by attempts
---
{{ partial 'rejected-pairs' { tcp: true } }}
