---
id: traffic-path
title: Traffic by path and direction
description: >-
  Bytes, packets and flow records per flow direction and traffic-path code, with the code's label (same VPC,
  internet gateway, gateway endpoint, peering, ...) and each group's share of its direction's bytes, over every
  record that logged data (log-status OK), accepted and rejected alike. AWS writes traffic-path on egress only,
  so ingress is one group labelled 'none', as are egress records without a code.
requires_fields: [bytes, packets, start, flow-direction, traffic-path]
# Without log-status, records that logged data are those with a byte count (NODATA and SKIPDATA write '-').
optional_fields: [log-status]
output:
  - name: flow_direction
    description: ingress or egress, relative to the interface that logged the record.
  - name: traffic_path
    description: The traffic-path code (1-8), empty when the record has none.
  - name: label
    description: What the code means, 'none' for records without a code.
  - name: bytes
    description: Bytes in the window.
  - name: packets
    description: Packets in the window.
  - name: flows
    description: Flow records in the window.
  - name: bytes_share
    description: The group's bytes as a fraction (0-1) of all bytes in its flow direction.
chart:
  type: bar
  x: [flow_direction, label]
  y: bytes
  title: Bytes by flow direction and traffic path
---
WITH paths AS (
    SELECT
        {{ col 'flow-direction' }} AS {{ ident 'flow_direction' }},
        {{ col 'traffic-path' }} AS {{ ident 'traffic_path' }},
{{ partial 'logged-totals' }}
    GROUP BY {{ col 'flow-direction' }}, {{ col 'traffic-path' }}
)
SELECT
    {{ ident 'flow_direction' }},
    {{ ident 'traffic_path' }},
    {{ traffic_path_label (ident 'traffic_path') }} AS {{ ident 'label' }},
    {{ ident 'bytes' }},
    {{ ident 'packets' }},
    {{ ident 'flows' }},
    CAST({{ ident 'bytes' }} AS DOUBLE)
        / NULLIF(CAST(SUM({{ ident 'bytes' }}) OVER (PARTITION BY {{ ident 'flow_direction' }}) AS DOUBLE), 0) AS {{ ident 'bytes_share' }}
FROM paths
ORDER BY {{ ident 'flow_direction' }} NULLS LAST, {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC,
    {{ ident 'traffic_path' }} NULLS LAST
