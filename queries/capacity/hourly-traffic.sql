---
id: hourly-traffic
title: Hourly traffic by VPC, subnet and instance
description: >-
  Bytes, packets and flow records per UTC clock hour for each VPC, subnet and instance (log-status OK,
  accepted and rejected alike, both directions): the series behind a capacity review. A record counts in the
  hour its start falls in, once for its interface's VPC, once for its subnet and once for its instance, so a
  flow between two interfaces of one VPC counts on each side, as each interface carried it. Only hours with
  traffic have a row; capacity-peaks gives the peak hour and p95 with the quiet hours counted as zero.
parameters:
  - capacity_levels
  - use: limit
    description: How many rows (resource hours) to return.
    default: 10000
    max: 1000000
requires_fields: [vpc-id, subnet-id, instance-id, packets, bytes, start]
optional_fields: [log-status]
output:
  - level
  - resource_id
  - name: hour_start
    description: Start of the UTC hour, in Unix seconds.
  - name: bytes
    description: Bytes the resource's interfaces carried in the hour.
  - name: packets
    description: Packets the resource's interfaces carried in the hour.
  - name: flows
    description: Flow records of the resource in the hour.
chart:
  type: line
  x: hour_start
  y: bytes
  title: Bytes per hour
---
{{ partial 'hourly-by-level' { flows: true } }}
SELECT {{ ident 'level' }}, {{ ident 'resource_id' }}, {{ ident 'hour_start' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}
FROM hourly
ORDER BY CASE {{ ident 'level' }} WHEN 'vpc' THEN 1 WHEN 'subnet' THEN 2 ELSE 3 END, {{ ident 'resource_id' }} NULLS LAST,
    {{ ident 'hour_start' }} NULLS LAST, {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC
LIMIT {{ param 'limit' }}
