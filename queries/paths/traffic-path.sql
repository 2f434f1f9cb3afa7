---
id: traffic-path
title: Traffic by path and direction
description: >-
  Bytes, packets and flow records per flow direction and traffic-path code, with the code's label (same VPC,
  internet gateway, gateway endpoint, peering, ...) and each group's share of its direction's bytes, over every
  record that logged data (log-status OK), accepted and rejected alike. AWS writes traffic-path on egress only,
  so ingress is one group labelled 'none', as are egress records without a code.
requires_fields: [bytes, packets, start, flow-direction, traffic-path]
optional_fields: [log-status]
output:
  - flow_direction
  - name: traffic_path
    description: The traffic-path code (1-8), empty when the record has none.
  - name: label
    description: What the code means, 'none' for records without a code.
  - bytes
  - packets
  - flows
  - bytes_share
chart:
  type: bar
  x: [flow_direction, label]
  y: bytes
  title: Bytes by flow direction and traffic path
---
WITH paths AS (
    SELECT
        {{ fields 'flow-direction' 'traffic-path' }},
{{ partial 'logged-totals' }}
    GROUP BY {{ col 'flow-direction' }}, {{ col 'traffic-path' }}
)
SELECT
    {{ ident 'flow_direction' }},
    {{ ident 'traffic_path' }},
    {{ traffic_path_label (ident 'traffic_path') }} AS {{ ident 'label' }},
{{ partial 'direction-shares' { totals: 'paths', group: 'traffic_path' } }}
