---
id: rejected-by-destination
title: Rejected traffic by destination
description: >-
  The destination addresses with the most rejected flow records (action REJECT) in the window, with how many
  sources were turned away and on how many ports: the hosts that draw scans and blocked clients, and the
  servers whose security group or network ACL refuses callers that expect to get in.
parameters:
  - use: limit
    description: How many destinations to return.
  - dstport
  - source_cidr
requires_fields: [srcaddr, dstaddr, dstport, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status]
output:
  - name: dstaddr
    description: Destination address of the rejected traffic.
  - name: attempts
    description: Rejected flow records to the destination in the window.
  - name: sources
    description: Distinct source addresses rejected at the destination.
  - name: ports
    description: Distinct destination ports rejected at the destination.
  - name: first_seen
    description: Start (Unix seconds) of the first rejected flow record to the destination in the window.
  - name: last_seen
    description: Start (Unix seconds) of the last rejected flow record to the destination in the window.
chart:
  type: bar
  x: dstaddr
  y: attempts
  title: Rejected traffic by destination
---
{{ partial 'rejected-by-address' { address: 'dstaddr', peer: 'srcaddr', peers: 'sources' } }}
