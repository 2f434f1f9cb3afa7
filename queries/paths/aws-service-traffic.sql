---
id: aws-service-traffic
title: AWS-service traffic by path
description: >-
  Bytes, packets and flow records to and from AWS service address ranges (pkt-src-aws-service and
  pkt-dst-aws-service: S3, DynamoDB, EC2, CloudFront, ...) per flow direction and traffic-path code, over every
  record that logged data (log-status OK). S3 and DynamoDB should leave through a gateway endpoint (path 7);
  the same services on path 8 (internet gateway) or 1 (to a NAT gateway in the VPC) pay for or expose a route
  they do not need. gateway-endpoint-bypass names the VPCs, NAT gateways and clients behind that traffic.
parameters:
  - use: limit
    description: How many groups to return.
    default: 100
requires_fields: [bytes, packets, start, flow-direction, traffic-path, pkt-src-aws-service, pkt-dst-aws-service]
optional_fields: [log-status]
output:
  - name: pkt_src_aws_service
    description: The AWS service whose range holds the packet's source address, empty when none.
  - name: pkt_dst_aws_service
    description: The AWS service whose range holds the packet's destination address, empty when none.
  - flow_direction
  - name: traffic_path
    description: The traffic-path code (1-8), empty when the record has none (always on ingress).
  - name: label
    description: What the code means, 'none' for records without a code.
  - bytes
  - packets
  - flows
chart:
  type: bar
  x: [pkt_src_aws_service, pkt_dst_aws_service, flow_direction, label]
  y: bytes
  title: AWS-service bytes by path
---
WITH services AS (
    SELECT
        {{ fields 'pkt-src-aws-service' 'pkt-dst-aws-service' 'flow-direction' 'traffic-path' }},
{{ partial 'logged-totals' }}
      AND ({{ col 'pkt-src-aws-service' }} IS NOT NULL OR {{ col 'pkt-dst-aws-service' }} IS NOT NULL)
    GROUP BY {{ col 'pkt-src-aws-service' }}, {{ col 'pkt-dst-aws-service' }}, {{ col 'flow-direction' }}, {{ col 'traffic-path' }}
)
SELECT
    {{ ident 'pkt_src_aws_service' }},
    {{ ident 'pkt_dst_aws_service' }},
    {{ ident 'flow_direction' }},
    {{ ident 'traffic_path' }},
    {{ traffic_path_label (ident 'traffic_path') }} AS {{ ident 'label' }},
    {{ ident 'bytes' }},
    {{ ident 'packets' }},
    {{ ident 'flows' }}
FROM services
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC,
    {{ ident 'pkt_src_aws_service' }} NULLS LAST, {{ ident 'pkt_dst_aws_service' }} NULLS LAST,
    {{ ident 'flow_direction' }} NULLS LAST, {{ ident 'traffic_path' }} NULLS LAST
LIMIT {{ param 'limit' }}
