---
id: capacity-peaks
title: Peak hour and p95 by VPC, subnet and instance
description: >-
  For each VPC, subnet and instance: its bytes and packets in the window, its peak UTC hour (most bytes; the
  earliest on a tie) with that hour's bytes and packets, and the p95 of its hourly bytes (log-status OK,
  accepted and rejected alike, both directions, counted as hourly-traffic counts them). The p95 is exact and
  the same on every engine: nearest rank over the window's hours, hours without traffic counted as zero.
  With N the UTC clock hours the window overlaps (a partial first or last hour counts as an hour), it is the
  ceil(0.95 × N)-th smallest hourly total, i.e. the smallest total that at least 95% of the hours do not
  exceed; so a resource busy in fewer than 5% of the hours has a p95 of 0.
parameters:
  - capacity_levels
  - use: limit
    description: How many resources to return.
    default: 10000
    max: 1000000
requires_fields: [vpc-id, subnet-id, instance-id, packets, bytes, start]
optional_fields: [log-status]
output:
  - level
  - resource_id
  - bytes
  - packets
  - name: active_hours
    description: Hours of the window with traffic.
  - name: window_hours
    description: UTC clock hours the window overlaps (N of the p95).
  - name: peak_hour_start
    description: Start of the hour with the most bytes, in Unix seconds.
  - name: peak_hour_bytes
    description: Bytes in the peak hour.
  - name: peak_hour_packets
    description: Packets in the peak hour.
  - name: p95_hourly_bytes
    description: The nearest-rank 95th percentile of hourly bytes over all the window's hours.
chart:
  type: bar
  x: [level, resource_id]
  y: p95_hourly_bytes
  title: p95 of hourly bytes
---
{{ partial 'hourly-by-level' { flows: false } }},
ranked AS (
    SELECT
        {{ ident 'level' }},
        {{ ident 'resource_id' }},
        {{ ident 'hour_start' }},
        {{ ident 'bytes' }},
        {{ ident 'packets' }},
        ROW_NUMBER() OVER (PARTITION BY {{ ident 'level' }}, {{ ident 'resource_id' }} ORDER BY {{ ident 'bytes' }}, {{ ident 'hour_start' }}) AS {{ ident 'ascending_rank' }},
        ROW_NUMBER() OVER (PARTITION BY {{ ident 'level' }}, {{ ident 'resource_id' }} ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'hour_start' }}) AS {{ ident 'peak_rank' }},
        COUNT(*) OVER (PARTITION BY {{ ident 'level' }}, {{ ident 'resource_id' }}) AS {{ ident 'active_hours' }}
    FROM hourly
),
-- Nearest rank without division: the quiet hours (N - active) come first in ascending order, so an active
-- hour of ascending rank j sits at position N - active + j, and the p95 is the smallest total whose position p
-- satisfies 100 * p >= 95 * N. When the quiet hours alone reach that position, the p95 is 0.
summary AS (
    SELECT
        {{ ident 'level' }},
        {{ ident 'resource_id' }},
        CAST(SUM({{ ident 'bytes' }}) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(SUM({{ ident 'packets' }}) AS BIGINT) AS {{ ident 'packets' }},
        CAST(MAX({{ ident 'active_hours' }}) AS BIGINT) AS {{ ident 'active_hours' }},
        CAST({{ window_hours }} AS BIGINT) AS {{ ident 'window_hours' }},
        MAX(CASE WHEN {{ ident 'peak_rank' }} = 1 THEN {{ ident 'hour_start' }} END) AS {{ ident 'peak_hour_start' }},
        MAX(CASE WHEN {{ ident 'peak_rank' }} = 1 THEN {{ ident 'bytes' }} END) AS {{ ident 'peak_hour_bytes' }},
        MAX(CASE WHEN {{ ident 'peak_rank' }} = 1 THEN {{ ident 'packets' }} END) AS {{ ident 'peak_hour_packets' }},
        CAST(CASE
            WHEN 100 * ({{ window_hours }} - MAX({{ ident 'active_hours' }})) >= 95 * {{ window_hours }} THEN 0
            ELSE MIN(CASE WHEN 100 * ({{ window_hours }} - {{ ident 'active_hours' }} + {{ ident 'ascending_rank' }}) >= 95 * {{ window_hours }} THEN {{ ident 'bytes' }} END)
        END AS BIGINT) AS {{ ident 'p95_hourly_bytes' }}
    FROM ranked
    GROUP BY {{ ident 'level' }}, {{ ident 'resource_id' }}
)
SELECT {{ ident 'level' }}, {{ ident 'resource_id' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'active_hours' }}, {{ ident 'window_hours' }},
    {{ ident 'peak_hour_start' }}, {{ ident 'peak_hour_bytes' }}, {{ ident 'peak_hour_packets' }}, {{ ident 'p95_hourly_bytes' }}
FROM summary
ORDER BY CASE {{ ident 'level' }} WHEN 'vpc' THEN 1 WHEN 'subnet' THEN 2 ELSE 3 END, {{ ident 'p95_hourly_bytes' }} DESC,
    {{ ident 'peak_hour_bytes' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'resource_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
