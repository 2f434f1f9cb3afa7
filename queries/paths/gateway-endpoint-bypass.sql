---
id: gateway-endpoint-bypass
title: S3 and DynamoDB outside their gateway endpoints
description: >-
  S3 and DynamoDB traffic that does not use a gateway VPC endpoint, per VPC, route, NAT gateway or interface,
  client address and service (log-status OK). Route 'NAT gateway': the records a NAT gateway logs towards the
  instance behind it, where the service address hides behind the translation (pkt-dstaddr or pkt-srcaddr differs
  from the address the record shows); their bytes are what the gateway processed in both directions, each billed
  as NAT data processing, and client_addr is the instance. Route 'internet gateway': egress on traffic-path 8
  to the service, client_addr the sender. When the format has interface-type, a NAT gateway's own leg to the
  internet is left out (it is the same traffic); without it, that leg shows as 'internet gateway' from the NAT
  gateway's interface. Traffic-path 2 (internet gateway or gateway endpoint on instances that are not Nitro) is
  ambiguous and not reported.
parameters:
  - use: limit
    default: 100
requires_fields: [vpc-id, interface-id, srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr, pkt-src-aws-service, pkt-dst-aws-service, flow-direction, traffic-path, bytes, packets, start]
# Without log-status, records that logged data are those with a byte count; resource-id names a regional NAT
# gateway, which has no interface; interface-type tells a NAT gateway's internet leg from an instance's.
optional_fields: [log-status, resource-id, interface-type]
output:
  - name: vpc_id
    description: The VPC of the interface or regional NAT gateway that logged the traffic.
  - name: route
    description: "'NAT gateway' or 'internet gateway'."
  - name: resource
    description: The interface that logged the traffic (the NAT gateway's own on the NAT route), or a regional NAT gateway's id (resource-id); empty when the format cannot name it.
  - name: client_addr
    description: The address in the VPC that reached the service, the instance behind the NAT gateway on that route.
  - name: aws_service
    description: S3 or DYNAMODB.
  - name: bytes
    description: Bytes in the window (on the NAT route, the bytes the gateway processed).
  - packets
  - flows
chart:
  type: bar
  x: [vpc_id, route, resource, client_addr, aws_service]
  y: bytes
  title: S3 and DynamoDB bytes outside gateway endpoints
---
WITH marked AS (
    SELECT
        {{ col 'vpc-id' }} AS {{ ident 'vpc_id' }},
        {{- if has_field 'resource-id' }}
        COALESCE({{ col 'interface-id' }}, {{ col 'resource-id' }}) AS {{ ident 'resource' }},
        {{- else }}
        {{ col 'interface-id' }} AS {{ ident 'resource' }},
        {{- end }}
        {{ fields 'srcaddr' 'dstaddr' 'flow-direction' }},
        {{ col 'pkt-src-aws-service' }} AS {{ ident 'src_service' }},
        {{ col 'pkt-dst-aws-service' }} AS {{ ident 'dst_service' }},
        {{ fields 'bytes' 'packets' }},
        COALESCE({{ col 'pkt-dst-aws-service' }} IN ('S3', 'DYNAMODB') AND {{ col 'pkt-dstaddr' }} <> {{ col 'dstaddr' }}, FALSE) AS {{ ident 'nat_to_service' }},
        COALESCE({{ col 'pkt-src-aws-service' }} IN ('S3', 'DYNAMODB') AND {{ col 'pkt-srcaddr' }} <> {{ col 'srcaddr' }}, FALSE) AS {{ ident 'nat_from_service' }},
        COALESCE({{ col 'flow-direction' }} = 'egress' AND {{ col 'traffic-path' }} = 8 AND {{ col 'pkt-dst-aws-service' }} IN ('S3', 'DYNAMODB')
            {{- if has_field 'interface-type' }}
            AND ({{ col 'interface-type' }} IS NULL OR {{ col 'interface-type' }} NOT IN ('nat_gateway', 'regional_nat_gateway'))
            {{- end }}, FALSE) AS {{ ident 'internet_to_service' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND ({{ col 'pkt-src-aws-service' }} IN ('S3', 'DYNAMODB') OR {{ col 'pkt-dst-aws-service' }} IN ('S3', 'DYNAMODB'))
),
bypass AS (
    SELECT
        {{ ident 'vpc_id' }},
        CASE WHEN {{ ident 'nat_to_service' }} OR {{ ident 'nat_from_service' }} THEN 'NAT gateway' ELSE 'internet gateway' END AS {{ ident 'route' }},
        {{ ident 'resource' }},
        CASE
            WHEN NOT ({{ ident 'nat_to_service' }} OR {{ ident 'nat_from_service' }}) THEN {{ ident 'srcaddr' }}
            WHEN {{ ident 'flow_direction' }} = 'ingress' THEN {{ ident 'srcaddr' }}
            ELSE {{ ident 'dstaddr' }}
        END AS {{ ident 'client_addr' }},
        CASE WHEN {{ ident 'nat_from_service' }} AND NOT {{ ident 'nat_to_service' }} THEN {{ ident 'src_service' }} ELSE {{ ident 'dst_service' }} END AS {{ ident 'aws_service' }},
        {{ ident 'bytes' }},
        {{ ident 'packets' }}
    FROM marked
    WHERE {{ ident 'nat_to_service' }} OR {{ ident 'nat_from_service' }} OR {{ ident 'internet_to_service' }}
),
totals AS (
    SELECT
        {{ ident 'vpc_id' }}, {{ ident 'route' }}, {{ ident 'resource' }}, {{ ident 'client_addr' }}, {{ ident 'aws_service' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM bypass
    GROUP BY {{ ident 'vpc_id' }}, {{ ident 'route' }}, {{ ident 'resource' }}, {{ ident 'client_addr' }}, {{ ident 'aws_service' }}
)
SELECT
    {{ ident 'vpc_id' }}, {{ ident 'route' }}, {{ ident 'resource' }}, {{ ident 'client_addr' }}, {{ ident 'aws_service' }},
    {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}
FROM totals
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'vpc_id' }} NULLS LAST,
    {{ ident 'route' }} NULLS LAST, {{ ident 'resource' }} NULLS LAST, {{ ident 'client_addr' }} NULLS LAST, {{ ident 'aws_service' }} NULLS LAST
LIMIT {{ param 'limit' }}
