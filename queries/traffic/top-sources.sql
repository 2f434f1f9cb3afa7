---
id: top-sources
title: Top sources
description: >-
  The source addresses that sent the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike; AWS's "top talkers by IP". A flow between two interfaces of
  the account is logged by both, so it counts once on each side. Behind a NAT gateway this is the gateway's
  address: top-sources-packet-level names the instances and internet hosts behind it.
parameters:
  - use: limit
    description: How many source addresses to return.
requires_fields: [srcaddr, dstaddr, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: srcaddr
    description: The source address.
  - name: bytes
    description: Bytes the address sent in the window.
  - name: packets
    description: Packets the address sent in the window.
  - name: flows
    description: Flow records with the address as source in the window.
  - name: destinations
    description: Distinct destination addresses it sent to.
chart:
  type: bar
  x: srcaddr
  y: bytes
  title: Top sources by bytes
---
{{ partial 'address-totals' { address: 'srcaddr', peer: 'dstaddr', peers: 'destinations', cte: 'sources' } }}
