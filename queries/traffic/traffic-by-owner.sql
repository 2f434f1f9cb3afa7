---
id: traffic-by-owner
title: Traffic by owner (interface inventory)
description: >-
  Bytes, packets and flow records of every record that logged data, per VPC, subnet, instance (and its Name),
  interface type and cost-allocation tag, as the interface inventory's latest snapshot says of each record's
  interface ('flowlog-athena inventory sync'): the VPC, subnet, instance and tag breakdowns of a log whose format
  has none of those fields (AWS's default v2). An interface the inventory does not hold counts under empty
  owners. Traffic between two interfaces counts for each.
parameters:
  - name: tag_key
    type: string
    default: CostCenter
    description: The tag (kept by inventory sync --tags) to break the traffic down by.
  - use: limit
    description: How many groups to return.
    default: 100
requires: [inventory]
requires_fields: [interface-id, bytes, packets, start]
optional_fields: [log-status]
output:
  - name: vpc_id
    description: The interface's VPC.
  - name: subnet_id
    description: The interface's subnet.
  - name: instance_id
    description: The instance the interface is attached to.
  - name: instance_name
    description: The instance's Name tag.
  - name: interface_type
    description: What the interface is (interface for an instance's, nat_gateway, network_load_balancer, lambda, …).
  - name: tag_value
    description: The value of the tag_key tag on the instance (else the interface), empty when it has none.
  - name: interfaces
    description: Distinct interfaces in the group.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [vpc_id, instance_name]
  y: bytes
  title: Bytes by owner
---
WITH records AS (
    SELECT
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }},
        {{ col 'packets' }} AS {{ ident 'packets' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND {{ col 'interface-id' }} IS NOT NULL
),
owners AS (
    SELECT * FROM {{ interfaces }} AS x
),
owned AS (
    SELECT
        i.{{ ident 'vpc_id' }}, i.{{ ident 'subnet_id' }}, i.{{ ident 'instance_id' }}, i.{{ ident 'instance_name' }}, i.{{ ident 'interface_type' }},
        {{ inventory_tag 'i' 'tag_key' }} AS {{ ident 'tag_value' }},
        r.{{ ident 'interface_id' }}, r.{{ ident 'bytes' }}, r.{{ ident 'packets' }}
    FROM records AS r
    LEFT JOIN owners AS i ON i.{{ ident 'interface_id' }} = r.{{ ident 'interface_id' }}
)
SELECT
    {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }}, {{ ident 'instance_name' }}, {{ ident 'interface_type' }}, {{ ident 'tag_value' }},
    COUNT(DISTINCT {{ ident 'interface_id' }}) AS {{ ident 'interfaces' }},
    CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
    CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
    COUNT(*) AS {{ ident 'flows' }}
FROM owned
GROUP BY {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }}, {{ ident 'instance_name' }}, {{ ident 'interface_type' }}, {{ ident 'tag_value' }}
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'vpc_id' }} NULLS LAST, {{ ident 'subnet_id' }} NULLS LAST,
    {{ ident 'instance_id' }} NULLS LAST, {{ ident 'instance_name' }} NULLS LAST, {{ ident 'interface_type' }} NULLS LAST, {{ ident 'tag_value' }} NULLS LAST
LIMIT {{ param 'limit' }}
