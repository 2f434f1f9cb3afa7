---
id: nat-gateway-cost
title: NAT gateway processing by instance
description: >-
  NAT gateway data processing attributed to the instances behind each gateway. On a NAT gateway's own
  records (interface-type nat_gateway or regional_nat_gateway, accepted, log-status OK) the inside leg is the
  one whose pkt-* address differs from the header address: instance to gateway carries the internet host in
  pkt-dstaddr (the instance is srcaddr), gateway to instance carries it in pkt-srcaddr (the instance is
  dstaddr); the legs between gateway and internet are the same bytes again and are not counted. The
  instance address is matched, within the gateway's VPC, to the instance whose own records in the window
  carry it (srcaddr on egress, dstaddr on ingress; the smallest instance id if the address moved); addresses
  without such records (Fargate tasks, instances silent in the window) keep an empty instance. A zonal gateway
  is named by its interface id, a regional one by its resource-id. Default price: AWS's NAT gateway data
  processing list price for US East (N. Virginia), $0.045/GB in either direction
  (https://aws.amazon.com/vpc/pricing/, as of 2026). GB and cost follow egress-cost.
parameters:
  - name: nat_gateway_usd_per_gb
    type: decimal
    description: USD per GB a NAT gateway processes, either direction (AWS list price, us-east-1).
    default: 0.045
    min: 0
    max: 1000
  - gb_unit
  - use: limit
    default: 1000
    max: 1000000
requires_fields: [account-id, interface-id, vpc-id, subnet-id, instance-id, srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr, bytes, start, action, flow-direction, interface-type]
# A regional NAT gateway has no interface: its records name it in resource-id (v9).
optional_fields: [log-status, resource-id]
output:
  - name: account_id
    description: Account of the NAT gateway.
  - name: vpc_id
    description: VPC of the NAT gateway and its instances.
  - name: nat_gateway
    description: The gateway's interface id (zonal) or NAT gateway id (regional).
  - name: instance_address
    description: Private address of the instance behind the gateway.
  - name: instance_id
    description: The instance that owns the address, empty when no record of the window names one.
  - name: subnet_id
    description: Subnet of that instance.
  - name: bytes_to_internet
    description: Bytes the gateway processed from the instance toward the internet.
  - name: bytes_from_internet
    description: Bytes the gateway processed from the internet back to the instance.
  - name: gb
    description: Both directions in GB of the chosen unit, rounded to 9 decimal places.
  - name: usd_per_gb
    description: The NAT gateway processing price applied.
  - cost_usd
chart:
  type: bar
  x: [instance_id, instance_address]
  y: cost_usd
  title: NAT gateway processing cost by instance
---
WITH inside_legs AS (
    SELECT
        {{ fields 'account-id' 'vpc-id' }},
        {{ if has_field 'resource-id' }}COALESCE({{ col 'resource-id' }}, {{ col 'interface-id' }}){{ else }}{{ col 'interface-id' }}{{ end }} AS {{ ident 'nat_gateway' }},
        CASE WHEN {{ col 'pkt-dstaddr' }} <> {{ col 'dstaddr' }} THEN {{ col 'srcaddr' }} ELSE {{ col 'dstaddr' }} END AS {{ ident 'instance_address' }},
        CASE WHEN {{ col 'pkt-dstaddr' }} <> {{ col 'dstaddr' }} THEN {{ col 'bytes' }} ELSE 0 END AS {{ ident 'bytes_to_internet' }},
        CASE WHEN {{ col 'pkt-dstaddr' }} <> {{ col 'dstaddr' }} THEN 0 ELSE {{ col 'bytes' }} END AS {{ ident 'bytes_from_internet' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ col 'interface-type' }} IN ('nat_gateway', 'regional_nat_gateway')
      AND ({{ col 'pkt-dstaddr' }} <> {{ col 'dstaddr' }} OR {{ col 'pkt-srcaddr' }} <> {{ col 'srcaddr' }})
),
per_address AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'nat_gateway' }}, {{ ident 'instance_address' }},
        CAST(COALESCE(SUM({{ ident 'bytes_to_internet' }}), 0) AS BIGINT) AS {{ ident 'bytes_to_internet' }},
        CAST(COALESCE(SUM({{ ident 'bytes_from_internet' }}), 0) AS BIGINT) AS {{ ident 'bytes_from_internet' }}
    FROM inside_legs
    GROUP BY {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'nat_gateway' }}, {{ ident 'instance_address' }}
),
-- Who owns each address: an interface's own address is srcaddr on egress and dstaddr on ingress.
owners AS (
    SELECT
        {{ col 'vpc-id' }} AS {{ ident 'vpc_id' }},
        CASE WHEN {{ col 'flow-direction' }} = 'egress' THEN {{ col 'srcaddr' }} ELSE {{ col 'dstaddr' }} END AS {{ ident 'address' }},
        {{ fields 'instance-id' 'subnet-id' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'instance-id' }} IS NOT NULL
      AND {{ col 'flow-direction' }} IN ('egress', 'ingress')
    GROUP BY 1, 2, 3, 4
),
first_owner AS (
    SELECT {{ ident 'vpc_id' }}, {{ ident 'address' }}, {{ ident 'instance_id' }}, {{ ident 'subnet_id' }}
    FROM (
        SELECT o.*, ROW_NUMBER() OVER (PARTITION BY {{ ident 'vpc_id' }}, {{ ident 'address' }} ORDER BY {{ ident 'instance_id' }}, {{ ident 'subnet_id' }}) AS {{ ident 'owner_rank' }}
        FROM owners AS o
    ) AS ranked_owners
    WHERE {{ ident 'owner_rank' }} = 1
),
priced AS (
    SELECT
        p.{{ ident 'account_id' }}, p.{{ ident 'vpc_id' }}, p.{{ ident 'nat_gateway' }}, p.{{ ident 'instance_address' }},
        f.{{ ident 'instance_id' }}, f.{{ ident 'subnet_id' }}, p.{{ ident 'bytes_to_internet' }}, p.{{ ident 'bytes_from_internet' }},
        CAST(ROUND(CAST(p.{{ ident 'bytes_to_internet' }} + p.{{ ident 'bytes_from_internet' }} AS DECIMAL(38, 0))
            * CASE {{ param 'gb_unit' }} WHEN 'decimal' THEN 0.000000001 ELSE 0.000000000931322574615478515625 END, 9) AS DECIMAL(38, 9)) AS {{ ident 'gb' }},
        {{ param 'nat_gateway_usd_per_gb' }} AS {{ ident 'usd_per_gb' }}
    FROM per_address AS p
    LEFT JOIN first_owner AS f ON f.{{ ident 'vpc_id' }} = p.{{ ident 'vpc_id' }} AND f.{{ ident 'address' }} = p.{{ ident 'instance_address' }}
)
SELECT {{ ident 'account_id' }}, {{ ident 'vpc_id' }}, {{ ident 'nat_gateway' }}, {{ ident 'instance_address' }}, {{ ident 'instance_id' }},
    {{ ident 'subnet_id' }}, {{ ident 'bytes_to_internet' }}, {{ ident 'bytes_from_internet' }}, {{ ident 'gb' }}, {{ ident 'usd_per_gb' }},
    {{ partial 'cost-usd' }}
FROM priced
ORDER BY {{ ident 'cost_usd' }} DESC, {{ ident 'bytes_to_internet' }} DESC, {{ ident 'bytes_from_internet' }} DESC,
    {{ ident 'account_id' }} NULLS LAST, {{ ident 'vpc_id' }} NULLS LAST, {{ ident 'nat_gateway' }} NULLS LAST,
    {{ ident 'instance_address' }} NULLS LAST
LIMIT {{ param 'limit' }}
