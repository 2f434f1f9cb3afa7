---
id: rejected-by-source
title: Rejected traffic by source
description: >-
  The source addresses with the most rejected flow records (action REJECT) in the window, with how many
  destinations and destination ports each was turned away from: scanners, clients a security group or
  network ACL does not let in, and internal hosts whose access was revoked.
parameters:
  - use: limit
    description: How many sources to return.
  - dstport
  - source_cidr
requires_fields: [srcaddr, dstaddr, dstport, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status]
output:
  - name: srcaddr
    description: Source address of the rejected traffic.
  - name: attempts
    description: Rejected flow records from the source in the window.
  - name: destinations
    description: Distinct destination addresses the source was rejected at.
  - name: ports
    description: Distinct destination ports the source was rejected at.
  - name: first_seen
    description: Start (Unix seconds) of the source's first rejected flow record in the window.
  - name: last_seen
    description: Start (Unix seconds) of the source's last rejected flow record in the window.
chart:
  type: bar
  x: srcaddr
  y: attempts
  title: Rejected traffic by source
---
{{ partial 'rejected-by-address' { address: 'srcaddr', peer: 'dstaddr', peers: 'destinations' } }}
