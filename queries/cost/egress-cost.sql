---
id: egress-cost
title: Egress cost allocation
description: >-
  Accepted egress bytes (flow-direction egress, log-status OK) per account, VPC, subnet, instance and cost
  center, by traffic-path class, priced per GB from the price table below. Classes: internet (traffic-path 2
  and 8, and 3, the virtual private gateway, whose data transfer out AWS bills at the internet rate),
  intra-region-peering (4), inter-region (5), and the unpriced same-vpc (1), local-gateway (6),
  gateway-endpoint (7, and 2 to S3 or DynamoDB when pkt-dst-aws-service says so) and unknown (no code).
  Cross-AZ transfer inside a VPC is priced by cross-az-cost, NAT gateway processing by nat-gateway-cost.
  Default prices are AWS's public on-demand list prices for US East (N. Virginia) as of 2026: data transfer
  out to the internet $0.09/GB (first 10 TB a month; https://aws.amazon.com/ec2/pricing/on-demand/, "Data
  Transfer"), to another region $0.02/GB (same page), and VPC peering within a region $0.01/GB
  (https://aws.amazon.com/vpc/pricing/, same-AZ peering is free). Give your region's or contract's prices as
  parameters. The cost center is the first of instance-tag, interface-tag and asg-tag the record has (the
  value as the log writes it; AWS percent-encodes special characters), so put the cost-allocation tag key
  first in each TagFieldSpecification; else the cost_center_map CSV's entry for the instance, then the
  subnet, then the VPC; else 'unallocated'. GB is 2^30 bytes (gb_unit=binary) or 10^9 (decimal), rounded
  to 9 decimal places; cost is GB × price rounded half up to 6 decimal places, identically on every engine.
parameters:
  - name: internet_egress_usd_per_gb
    type: decimal
    description: USD per GB of data transfer out to the internet (and over a VPN). AWS list price, us-east-1, first 10 TB a month.
    default: 0.09
    min: 0
    max: 1000
  - name: inter_region_usd_per_gb
    type: decimal
    description: USD per GB sent to another region (inter-region peering). AWS list price from us-east-1.
    default: 0.02
    min: 0
    max: 1000
  - name: intra_region_peering_usd_per_gb
    type: decimal
    description: USD per GB sent over VPC peering within the region (across AZs; same-AZ peering is free).
    default: 0.01
    min: 0
    max: 1000
  - gb_unit
  - name: cost_center_map
    type: mapping
    columns: [resource_id, cost_center]
    description: >-
      A CSV file mapping instance, subnet or VPC ids to cost centers (header resource_id,cost_center), for
      records whose format has no tag fields or whose tags are empty.
  - use: limit
    default: 1000
    max: 1000000
requires_fields: [account-id, vpc-id, subnet-id, instance-id, bytes, start, action, flow-direction, traffic-path]
# An egress flow direction already implies a record with data; log-status narrows it further when present.
optional_fields: [log-status, pkt-dst-aws-service, instance-tag, interface-tag, asg-tag]
output:
  - name: account_id
    description: Account of the interface that sent the traffic.
  - name: vpc_id
    description: VPC of the interface.
  - name: subnet_id
    description: Subnet of the interface (empty for a regional NAT gateway).
  - name: instance_id
    description: Instance of the interface (empty for NAT gateways, endpoints, load balancers, Fargate tasks).
  - name: cost_center
    description: The cost center the bytes are allocated to, or 'unallocated'.
  - name: cost_center_source
    description: "Where the cost center came from: instance-tag, interface-tag, asg-tag, map-instance, map-subnet, map-vpc or none."
  - name: path_class
    description: internet, inter-region, intra-region-peering, same-vpc, local-gateway, gateway-endpoint or unknown.
  - name: bytes
    description: Accepted egress bytes in the window.
  - gb
  - name: usd_per_gb
    description: The price applied to the class (0 for unpriced classes).
  - cost_usd
chart:
  type: bar
  x: [cost_center, path_class]
  y: cost_usd
  title: Egress cost by cost center and path
---
WITH egress AS (
    SELECT
        {{ fields 'account-id' 'vpc-id' 'subnet-id' 'instance-id' }},
        {{ if has_field 'instance-tag' }}{{ col 'instance-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'instance_tag' }},
        {{ if has_field 'interface-tag' }}{{ col 'interface-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'interface_tag' }},
        {{ if has_field 'asg-tag' }}{{ col 'asg-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'asg_tag' }},
        CASE
            WHEN {{ col 'traffic-path' }} IN (2, 3, 8)
                {{- if has_field 'pkt-dst-aws-service' }} AND NOT ({{ col 'traffic-path' }} = 2 AND COALESCE({{ col 'pkt-dst-aws-service' }} IN ('S3', 'DYNAMODB'), FALSE)){{ end }} THEN 'internet'
            WHEN {{ col 'traffic-path' }} = 4 THEN 'intra-region-peering'
            WHEN {{ col 'traffic-path' }} = 5 THEN 'inter-region'
            WHEN {{ col 'traffic-path' }} = 1 THEN 'same-vpc'
            WHEN {{ col 'traffic-path' }} = 6 THEN 'local-gateway'
            WHEN {{ col 'traffic-path' }} IN (2, 7) THEN 'gateway-endpoint'
            ELSE 'unknown'
        END AS {{ ident 'path_class' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'egress'
      AND {{ col 'action' }} = 'ACCEPT'
),
grouped AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }}, {{ ident 'path_class' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM egress
    GROUP BY {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }}, {{ ident 'path_class' }}
),
{{- if has_param 'cost_center_map' }}
cost_centers AS (
    SELECT {{ ident 'resource_id' }}, {{ ident 'cost_center' }} FROM {{ mapping_table 'cost_center_map' 'm' }}
),
{{- end }}
mapped AS (
    SELECT
        g.*,
        {{- if has_param 'cost_center_map' }}
        mi.{{ ident 'cost_center' }} AS {{ ident 'map_instance' }},
        ms.{{ ident 'cost_center' }} AS {{ ident 'map_subnet' }},
        mv.{{ ident 'cost_center' }} AS {{ ident 'map_vpc' }}
    FROM grouped AS g
    LEFT JOIN cost_centers AS mi ON mi.{{ ident 'resource_id' }} = g.{{ ident 'instance_id' }}
    LEFT JOIN cost_centers AS ms ON ms.{{ ident 'resource_id' }} = g.{{ ident 'subnet_id' }}
    LEFT JOIN cost_centers AS mv ON mv.{{ ident 'resource_id' }} = g.{{ ident 'vpc_id' }}
        {{- else }}
        CAST(NULL AS VARCHAR) AS {{ ident 'map_instance' }},
        CAST(NULL AS VARCHAR) AS {{ ident 'map_subnet' }},
        CAST(NULL AS VARCHAR) AS {{ ident 'map_vpc' }}
    FROM grouped AS g
        {{- end }}
),
allocated AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        COALESCE({{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }},
            {{ ident 'map_instance' }}, {{ ident 'map_subnet' }}, {{ ident 'map_vpc' }}, 'unallocated') AS {{ ident 'cost_center' }},
        CASE
            WHEN {{ ident 'instance_tag' }} IS NOT NULL THEN 'instance-tag'
            WHEN {{ ident 'interface_tag' }} IS NOT NULL THEN 'interface-tag'
            WHEN {{ ident 'asg_tag' }} IS NOT NULL THEN 'asg-tag'
            WHEN {{ ident 'map_instance' }} IS NOT NULL THEN 'map-instance'
            WHEN {{ ident 'map_subnet' }} IS NOT NULL THEN 'map-subnet'
            WHEN {{ ident 'map_vpc' }} IS NOT NULL THEN 'map-vpc'
            ELSE 'none'
        END AS {{ ident 'cost_center_source' }},
        {{ ident 'path_class' }},
        {{ ident 'bytes' }}
    FROM mapped
),
totals AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'cost_center' }}, {{ ident 'cost_center_source' }}, {{ ident 'path_class' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CASE {{ ident 'path_class' }}
            WHEN 'internet' THEN {{ param 'internet_egress_usd_per_gb' }}
            WHEN 'inter-region' THEN {{ param 'inter_region_usd_per_gb' }}
            WHEN 'intra-region-peering' THEN {{ param 'intra_region_peering_usd_per_gb' }}
            ELSE CAST(0 AS DECIMAL(18, 6))
        END AS {{ ident 'usd_per_gb' }}
    FROM allocated
    GROUP BY {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'cost_center' }}, {{ ident 'cost_center_source' }}, {{ ident 'path_class' }}
),
priced AS (
    SELECT
        t.*,
        {{ partial 'gb' { column: 'bytes' } }}
    FROM totals AS t
)
SELECT {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }}, {{ ident 'cost_center' }},
    {{ ident 'cost_center_source' }}, {{ ident 'path_class' }}, {{ ident 'bytes' }}, {{ ident 'gb' }}, {{ ident 'usd_per_gb' }},
    {{ partial 'cost-usd' }}
FROM priced
ORDER BY {{ ident 'cost_usd' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'account_id' }} NULLS LAST, {{ ident 'vpc_id' }} NULLS LAST,
    {{ ident 'subnet_id' }} NULLS LAST, {{ ident 'instance_id' }} NULLS LAST, {{ ident 'cost_center' }} NULLS LAST,
    {{ ident 'cost_center_source' }} NULLS LAST, {{ ident 'path_class' }} NULLS LAST
LIMIT {{ param 'limit' }}
