---
id: egress-cost
title: Egress cost allocation
description: >-
  Accepted egress bytes (flow-direction egress, log-status OK) per account, VPC, subnet, instance and cost
  center, classified by where they really go and priced as AWS bills the sender: same-az and cross-az
  (private traffic, traffic-path 1 or 4, told apart by az-id and next-hop-az-id), same-region-free-service (S3,
  DynamoDB or EBS in the sender's region, or a gateway endpoint, traffic-path 7), same-region-aws (another AWS
  address in the region), other-region-aws, cloudfront and aws-global (AWS's GLOBAL ranges),
  aws-unknown-region (pkt-dst-aws-service names a service but no address range gives its region),
  inter-region-peering (traffic-path 5), internet (traffic-path 2 or 8 to an address outside AWS's ranges),
  virtual-private-gateway (3), local-gateway (6), az-unknown and unknown. The destination is pkt-dstaddr when
  the format has it, else dstaddr; AWS's address ranges (ranges update, or --ip-ranges FILE) give its service
  and region; the sender's region is the partition's. Each class is priced from the price table
  (partials/egress-prices.sql: AWS's us-east-1 list prices, each citing its page), any row of which the prices
  CSV replaces; price_source and reason say why a row got its price and class. queries/README.md gives the
  rules. NAT gateway processing is priced by nat-gateway-cost. The cost center is the first of instance-tag,
  interface-tag and asg-tag the record has (the value as the log writes it; AWS percent-encodes special
  characters), so put the cost-allocation tag key first in each TagFieldSpecification; else the interface
  inventory's cost_center_tag of the record's interface (inventory sync --tags); else the
  cost_center_map CSV's entry for the instance, then the subnet, then the VPC; else 'unallocated'. GB is
  2^30 bytes (gb_unit=binary) or 10^9 (decimal), rounded to 9 decimal places; cost is GB × price rounded half
  up to 6 decimal places, identically on every engine.
parameters:
  - name: prices
    type: mapping
    columns: [egress_class, usd_per_gb]
    decimal_columns: [usd_per_gb]
    min: 0
    max: 1000
    values: [same-az, cross-az, same-region-free-service, same-region-aws, other-region-aws, aws-unknown-region,
      inter-region-peering, internet, cloudfront, aws-global, virtual-private-gateway, local-gateway, az-unknown, unknown]
    description: >-
      A CSV file of your prices (header egress_class,usd_per_gb), e.g. your region's or contract's: each row
      replaces the default price of its class; classes it does not list keep theirs.
  - gb_unit
  - name: cost_center_tag
    type: string
    default: CostCenter
    description: >-
      The tag key whose value in the interface inventory ('inventory sync --tags') allocates the bytes of records
      whose format has no tag fields, or whose tags are empty.
  - name: cost_center_map
    type: mapping
    columns: [resource_id, cost_center]
    description: >-
      A CSV file mapping instance, subnet or VPC ids to cost centers (header resource_id,cost_center), for
      records whose format has no tag fields or whose tags are empty.
  - use: limit
    default: 1000
    max: 1000000
requires_fields: [account-id, vpc-id, subnet-id, instance-id, dstaddr, bytes, start, action, flow-direction, traffic-path]
# An egress flow direction already implies a record with data; log-status narrows it further when present.
optional_fields: [log-status, pkt-dstaddr, pkt-dst-aws-service, az-id, next-hop-az-id, instance-tag, interface-tag, asg-tag, interface-id]
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
    description: "Where the cost center came from: instance-tag, interface-tag, asg-tag, inventory-tag, map-instance, map-subnet, map-vpc or none."
  - name: egress_class
    description: Where the bytes went, one of the classes above.
  - name: aws_service
    description: The AWS service of the destination (the address ranges' service, else pkt-dst-aws-service), empty when not AWS.
  - name: destination_region
    description: The region (or GLOBAL) of the destination's AWS address range, empty when not known.
  - name: bytes
    description: Accepted egress bytes in the window.
  - gb
  - name: usd_per_gb
    description: The price applied to the class.
  - cost_usd
  - name: price_source
    description: "Where the price came from: the default's AWS pricing page and date, or 'prices file'."
  - name: reason
    description: Why the bytes got their class.
chart:
  type: bar
  x: [cost_center, egress_class]
  y: cost_usd
  title: Egress cost by cost center and class
---
WITH egress AS (
    SELECT
        {{ fields 'account-id' 'vpc-id' 'subnet-id' 'instance-id' }},
        {{ if has_field 'instance-tag' }}{{ col 'instance-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'instance_tag' }},
        {{ if has_field 'interface-tag' }}{{ col 'interface-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'interface_tag' }},
        {{ if has_field 'asg-tag' }}{{ col 'asg-tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'asg_tag' }},
        {{ col 'traffic-path' }} AS {{ ident 'traffic_path' }},
        {{ if has_field 'pkt-dstaddr' }}COALESCE({{ col 'pkt-dstaddr' }}, {{ col 'dstaddr' }}){{ else }}{{ col 'dstaddr' }}{{ end }} AS {{ ident 'destination' }},
        {{ if has_field 'pkt-dst-aws-service' }}{{ col 'pkt-dst-aws-service' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'logged_service' }},
        {{- if (has_field 'az-id') && (has_field 'next-hop-az-id') }}
        CASE WHEN {{ col 'az-id' }} IS NULL OR {{ col 'next-hop-az-id' }} IS NULL THEN CAST(NULL AS BOOLEAN)
            ELSE {{ col 'az-id' }} = {{ col 'next-hop-az-id' }} END AS {{ ident 'same_az' }},
        {{- else }}
        CAST(NULL AS BOOLEAN) AS {{ ident 'same_az' }},
        {{- end }}
        {{ ident 'aws_region' }} AS {{ ident 'sender_region' }},
        {{ if has_field 'interface-id' }}{{ col 'interface-id' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'interface_id' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'flow-direction' }} = 'egress'
      AND {{ col 'action' }} = 'ACCEPT'
),
{{- if has_ip_ranges }}
destinations AS (
    {{ aws_ranges_lookup 'egress' 'destination' }}
),
{{- end }}
tagged AS (
    SELECT
        e.*,
        {{ if has_inventory }}{{ inventory_tag 'inv' 'cost_center_tag' }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident 'inventory_tag' }}
    FROM egress AS e
    {{- if has_inventory }}
    LEFT JOIN {{ interfaces }} AS inv ON inv.{{ ident 'interface_id' }} = e.{{ ident 'interface_id' }}
    {{- end }}
),
located AS (
    SELECT
        e.*,
        {{- if has_ip_ranges }}
        COALESCE(d.{{ ident 'aws_service' }}, e.{{ ident 'logged_service' }}) AS {{ ident 'aws_service' }},
        d.{{ ident 'aws_service_region' }} AS {{ ident 'destination_region' }}
    FROM tagged AS e
    LEFT JOIN destinations AS d ON d.{{ ident 'address' }} = e.{{ ident 'destination' }}
        {{- else }}
        e.{{ ident 'logged_service' }} AS {{ ident 'aws_service' }},
        CAST(NULL AS VARCHAR) AS {{ ident 'destination_region' }}
    FROM tagged AS e
        {{- end }}
),
classified AS (
    SELECT
        l.*,
        CASE
            WHEN {{ ident 'traffic_path' }} = 5 THEN 'inter-region-peering'
            WHEN {{ ident 'traffic_path' }} IN (1, 4) THEN
                CASE {{ ident 'same_az' }} WHEN TRUE THEN 'same-az' WHEN FALSE THEN 'cross-az' ELSE 'az-unknown' END
            WHEN {{ ident 'traffic_path' }} = 3 THEN 'virtual-private-gateway'
            WHEN {{ ident 'traffic_path' }} = 6 THEN 'local-gateway'
            WHEN {{ ident 'traffic_path' }} = 7 THEN 'same-region-free-service'
            WHEN {{ ident 'destination_region' }} = {{ ident 'sender_region' }} THEN
                CASE WHEN {{ ident 'aws_service' }} IN ('S3', 'DYNAMODB', 'EBS') OR {{ ident 'logged_service' }} IN ('S3', 'DYNAMODB', 'EBS')
                    THEN 'same-region-free-service' ELSE 'same-region-aws' END
            WHEN {{ ident 'destination_region' }} = 'GLOBAL' THEN
                CASE WHEN {{ ident 'aws_service' }} = 'CLOUDFRONT' THEN 'cloudfront' ELSE 'aws-global' END
            WHEN {{ ident 'destination_region' }} IS NOT NULL THEN 'other-region-aws'
            WHEN {{ ident 'logged_service' }} IS NOT NULL THEN 'aws-unknown-region'
            WHEN {{ ident 'traffic_path' }} IN (2, 8) THEN 'internet'
            ELSE 'unknown'
        END AS {{ ident 'egress_class' }}
    FROM located AS l
),
grouped AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }}, {{ ident 'inventory_tag' }},
        {{ ident 'egress_class' }}, {{ ident 'aws_service' }}, {{ ident 'destination_region' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM classified
    GROUP BY {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }}, {{ ident 'inventory_tag' }},
        {{ ident 'egress_class' }}, {{ ident 'aws_service' }}, {{ ident 'destination_region' }}
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
        COALESCE({{ ident 'instance_tag' }}, {{ ident 'interface_tag' }}, {{ ident 'asg_tag' }}, {{ ident 'inventory_tag' }},
            {{ ident 'map_instance' }}, {{ ident 'map_subnet' }}, {{ ident 'map_vpc' }}, 'unallocated') AS {{ ident 'cost_center' }},
        CASE
            WHEN {{ ident 'instance_tag' }} IS NOT NULL THEN 'instance-tag'
            WHEN {{ ident 'interface_tag' }} IS NOT NULL THEN 'interface-tag'
            WHEN {{ ident 'asg_tag' }} IS NOT NULL THEN 'asg-tag'
            WHEN {{ ident 'inventory_tag' }} IS NOT NULL THEN 'inventory-tag'
            WHEN {{ ident 'map_instance' }} IS NOT NULL THEN 'map-instance'
            WHEN {{ ident 'map_subnet' }} IS NOT NULL THEN 'map-subnet'
            WHEN {{ ident 'map_vpc' }} IS NOT NULL THEN 'map-vpc'
            ELSE 'none'
        END AS {{ ident 'cost_center_source' }},
        {{ ident 'egress_class' }}, {{ ident 'aws_service' }}, {{ ident 'destination_region' }},
        {{ ident 'bytes' }}
    FROM mapped
),
prices AS (
    SELECT
        dp.{{ ident 'egress_class' }},
        {{- if has_param 'prices' }}
        COALESCE(CAST(up.{{ ident 'usd_per_gb' }} AS DECIMAL(18, 6)), dp.{{ ident 'usd_per_gb' }}) AS {{ ident 'usd_per_gb' }},
        CASE WHEN up.{{ ident 'usd_per_gb' }} IS NULL THEN dp.{{ ident 'price_source' }} ELSE 'prices file' END AS {{ ident 'price_source' }}
    FROM {{ partial 'egress-prices' { alias: 'dp' } }}
    LEFT JOIN {{ mapping_table 'prices' 'up' }} ON up.{{ ident 'egress_class' }} = dp.{{ ident 'egress_class' }}
        {{- else }}
        dp.{{ ident 'usd_per_gb' }},
        dp.{{ ident 'price_source' }}
    FROM {{ partial 'egress-prices' { alias: 'dp' } }}
        {{- end }}
),
totals AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'cost_center' }}, {{ ident 'cost_center_source' }}, {{ ident 'egress_class' }}, {{ ident 'aws_service' }},
        {{ ident 'destination_region' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM allocated
    GROUP BY {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }},
        {{ ident 'cost_center' }}, {{ ident 'cost_center_source' }}, {{ ident 'egress_class' }}, {{ ident 'aws_service' }},
        {{ ident 'destination_region' }}
),
priced AS (
    SELECT
        t.*,
        {{ partial 'gb' { column: 'bytes' } }},
        p.{{ ident 'usd_per_gb' }},
        p.{{ ident 'price_source' }},
        CASE t.{{ ident 'egress_class' }}
            WHEN 'same-az' THEN 'private (traffic-path 1 or 4) to a next hop in the sender''s AZ'
            WHEN 'cross-az' THEN 'private (traffic-path 1 or 4) to a next hop in another AZ (next-hop-az-id is not az-id)'
            WHEN 'az-unknown' THEN 'private (traffic-path 1 or 4), but the record has no az-id or next-hop-az-id'
            WHEN 'inter-region-peering' THEN 'traffic-path 5: inter-region VPC peering'
            WHEN 'virtual-private-gateway' THEN 'traffic-path 3: virtual private gateway (VPN or Direct Connect)'
            WHEN 'local-gateway' THEN 'traffic-path 6: Outposts local gateway'
            WHEN 'same-region-free-service' THEN COALESCE(t.{{ ident 'aws_service' }}, 'an AWS service')
                || COALESCE(' in ' || t.{{ ident 'destination_region' }} || ', the sender''s region', ' through a gateway endpoint (traffic-path 7)')
            WHEN 'same-region-aws' THEN COALESCE(t.{{ ident 'aws_service' }}, 'AMAZON') || ' address in ' || t.{{ ident 'destination_region' }} || ', the sender''s region'
            WHEN 'other-region-aws' THEN COALESCE(t.{{ ident 'aws_service' }}, 'AMAZON') || ' address in ' || t.{{ ident 'destination_region' }} || ', another region'
            WHEN 'cloudfront' THEN 'CLOUDFRONT address (GLOBAL range)'
            WHEN 'aws-global' THEN COALESCE(t.{{ ident 'aws_service' }}, 'AMAZON') || ' address (GLOBAL range)'
            WHEN 'aws-unknown-region' THEN 'pkt-dst-aws-service ' || t.{{ ident 'aws_service' }} || {{ if has_ip_ranges }}', in no address range'{{ else }}', and no address ranges to tell its region'{{ end }}
            WHEN 'internet' THEN {{ if has_ip_ranges }}'traffic-path 2 or 8 (internet gateway) to an address outside AWS''s ranges'{{ else }}'traffic-path 2 or 8 (internet gateway), and without address ranges only pkt-dst-aws-service tells AWS destinations apart'{{ end }}
            ELSE 'no traffic-path'
        END AS {{ ident 'reason' }}
    FROM totals AS t
    JOIN prices AS p ON p.{{ ident 'egress_class' }} = t.{{ ident 'egress_class' }}
)
SELECT {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'subnet_id' }}, {{ ident 'instance_id' }}, {{ ident 'cost_center' }},
    {{ ident 'cost_center_source' }}, {{ ident 'egress_class' }}, {{ ident 'aws_service' }}, {{ ident 'destination_region' }},
    {{ ident 'bytes' }}, {{ ident 'gb' }}, {{ ident 'usd_per_gb' }}, {{ partial 'cost-usd' }}, {{ ident 'price_source' }}, {{ ident 'reason' }}
FROM priced
ORDER BY {{ ident 'cost_usd' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'account_id' }} NULLS LAST, {{ ident 'vpc_id' }} NULLS LAST,
    {{ ident 'subnet_id' }} NULLS LAST, {{ ident 'instance_id' }} NULLS LAST, {{ ident 'cost_center' }} NULLS LAST,
    {{ ident 'cost_center_source' }} NULLS LAST, {{ ident 'egress_class' }} NULLS LAST, {{ ident 'aws_service' }} NULLS LAST,
    {{ ident 'destination_region' }} NULLS LAST
LIMIT {{ param 'limit' }}
