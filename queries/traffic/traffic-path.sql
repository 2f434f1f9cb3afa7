---
id: traffic-path
title: Egress traffic by path
description: >-
  Bytes and flow records of egress traffic (flow-direction egress, log-status OK, accepted and rejected
  alike) per traffic-path code, with the code's label: same VPC, internet gateway, peering, and so on.
  Records without a traffic-path form their own group, labelled 'none'.
requires_fields: [bytes, start, flow-direction, traffic-path]
# An egress flow direction already implies a record with data; log-status narrows it further when present.
optional_fields: [log-status]
output:
  - name: traffic_path
    description: The traffic-path code (1-8), empty when the record has none.
  - name: label
    description: What the code means, 'none' for records without a code.
  - name: bytes
    description: Egress bytes along the path in the window.
  - name: flows
    description: Egress flow records along the path in the window.
chart:
  type: pie
  x: label
  y: bytes
  title: Egress bytes by traffic path
---
WITH paths AS (
    SELECT
        {{ col 'traffic-path' }} AS {{ ident 'traffic_path' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
      {{- end }}
      AND {{ col 'flow-direction' }} = 'egress'
    GROUP BY {{ col 'traffic-path' }}
)
SELECT
    {{ ident 'traffic_path' }},
    {{ traffic_path_label (ident 'traffic_path') }} AS {{ ident 'label' }},
    {{ ident 'bytes' }},
    {{ ident 'flows' }}
FROM paths
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'traffic_path' }} NULLS LAST
