---
id: rejected-traffic
title: Rejected traffic
description: >-
  The source, destination and destination port combinations with the most rejected flow records
  (action REJECT, log-status OK) in the window: scans, blocked clients and misconfigured security groups.
parameters:
  - use: limit
    description: How many combinations to return.
  - dstport
  - source_cidr
requires_fields: [srcaddr, dstaddr, dstport, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status]
output:
  - name: srcaddr
    description: Source address of the rejected traffic.
  - name: dstaddr
    description: Destination address of the rejected traffic.
  - name: dstport
    description: Destination port of the rejected traffic.
  - name: attempts
    description: Rejected flow records in the window.
chart:
  type: bar
  x: [srcaddr, dstaddr, dstport]
  y: attempts
  title: Rejected traffic by attempts
---
{{ partial 'rejected-pairs' { tcp: false } }}
