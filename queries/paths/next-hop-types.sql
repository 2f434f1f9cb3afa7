---
id: next-hop-types
title: Traffic by next-hop type
description: >-
  Bytes, packets and flow records per flow direction and next-hop interface type (the v11 fields): NAT gateway,
  regional NAT gateway, transit gateway, VPC endpoint, load balancer, ... over every record that logged data
  (log-status OK). The next hop receives egress and sends ingress. A next-hop interface without a type (an
  instance or other plain interface) is 'untyped interface'; records naming no next hop (the internet gateway,
  other regions, some ingress) are 'none'. Each group's share is of its direction's bytes.
requires_fields: [bytes, packets, start, flow-direction, next-hop-interface-type, next-hop-interface-id]
optional_fields: [log-status]
output:
  - flow_direction
  - name: next_hop_type
    description: The next-hop-interface-type (nat_gateway, regional_nat_gateway, transit_gateway, vpc_endpoint, network_load_balancer, ...), 'untyped interface' or 'none'.
  - bytes
  - packets
  - flows
  - bytes_share
chart:
  type: bar
  x: [flow_direction, next_hop_type]
  y: bytes
  title: Bytes by next-hop type
---
WITH hops AS (
    SELECT
        {{ col 'flow-direction' }} AS {{ ident 'flow_direction' }},
        COALESCE({{ col 'next-hop-interface-type' }},
            CASE WHEN {{ col 'next-hop-interface-id' }} IS NULL THEN 'none' ELSE 'untyped interface' END) AS {{ ident 'next_hop_type' }},
        {{ fields 'bytes' 'packets' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
),
totals AS (
    SELECT
        {{ ident 'flow_direction' }},
        {{ ident 'next_hop_type' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM hops
    GROUP BY {{ ident 'flow_direction' }}, {{ ident 'next_hop_type' }}
)
SELECT
    {{ ident 'flow_direction' }},
    {{ ident 'next_hop_type' }},
{{ partial 'direction-shares' { totals: 'totals', group: 'next_hop_type' } }}
