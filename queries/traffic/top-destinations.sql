---
id: top-destinations
title: Top destinations
description: >-
  The destination addresses that received the most bytes in the window, over every record that logged data
  (log-status OK), accepted and rejected alike. A flow between two interfaces of the account is logged by
  both, so it counts once on each side.
parameters:
  - use: limit
    description: How many destination addresses to return.
requires_fields: [srcaddr, dstaddr, packets, bytes, start]
optional_fields: [log-status]
output:
  - name: dstaddr
    description: The destination address.
  - name: bytes
    description: Bytes sent to the address in the window.
  - name: packets
    description: Packets sent to the address in the window.
  - name: flows
    description: Flow records with the address as destination in the window.
  - name: sources
    description: Distinct source addresses that sent to it.
chart:
  type: bar
  x: dstaddr
  y: bytes
  title: Top destinations by bytes
---
{{ partial 'address-totals' { address: 'dstaddr', peer: 'srcaddr', peers: 'sources', cte: 'destinations' } }}
