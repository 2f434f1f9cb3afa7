---
id: silent-interfaces
title: Interfaces that went silent
description: >-
  Interfaces that logged earlier in the window but have no record at all, not even NODATA, in its last hours:
  an instance stopped or terminated, an interface detached, or its flow log broken. The last hours are counted
  back from the window's last record, not from the window's end, so a window that reaches into the future or a
  delivery lag does not make every interface silent. Only interfaces busy enough that silence means something
  are reported: at their earlier rate they would have logged at least min_expected_records in that time.
parameters:
  - use: limit
    description: How many interfaces to return.
    default: 20
  - name: silent_hours
    type: int
    description: Hours without a record, counted back from the last record in the window.
    default: 6
    min: 1
    max: 8760
  - name: min_expected_records
    type: int
    description: >-
      Report an interface only when its record rate before the silence would have given at least this many
      records in the silent hours; quieter interfaces go hours without traffic anyway.
    default: 20
    min: 1
    max: 1000000000
requires_fields: [interface-id, start]
output:
  - name: interface_id
    description: The silent interface.
  - name: records
    description: Its records in the window, all before the silence.
  - name: first_seen
    description: Start of its first record in the window, Unix seconds.
  - name: last_seen
    description: Start of its last record, Unix seconds.
  - name: silent_seconds
    description: Seconds from its last record to the last record in the window.
chart:
  type: bar
  x: interface_id
  y: silent_seconds
  title: Silent interfaces
---
WITH seen AS (
    SELECT {{ col 'interface-id' }} AS {{ ident 'interface_id' }}, {{ col 'start' }} AS {{ ident 'start' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'interface-id' }} IS NOT NULL
),
bounds AS (
    SELECT
        MIN({{ ident 'start' }}) AS {{ ident 'data_start' }},
        MAX({{ ident 'start' }}) AS {{ ident 'data_end' }},
        MAX({{ ident 'start' }}) - {{ param 'silent_hours' }} * 3600 AS {{ ident 'cut_off' }}
    FROM seen
),
per_interface AS (
    SELECT
        {{ ident 'interface_id' }},
        COUNT(*) AS {{ ident 'records' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ ident 'start' }}) AS {{ ident 'last_seen' }}
    FROM seen
    GROUP BY {{ ident 'interface_id' }}
)
SELECT
    p.{{ ident 'interface_id' }}, p.{{ ident 'records' }}, p.{{ ident 'first_seen' }}, p.{{ ident 'last_seen' }},
    b.{{ ident 'data_end' }} - p.{{ ident 'last_seen' }} AS {{ ident 'silent_seconds' }}
FROM per_interface p
CROSS JOIN bounds b
WHERE p.{{ ident 'last_seen' }} < b.{{ ident 'cut_off' }}
  AND b.{{ ident 'cut_off' }} > b.{{ ident 'data_start' }}
  -- records / (cut_off - data_start) is the rate before the silence, times the silent seconds the records expected
  AND p.{{ ident 'records' }} * ({{ param 'silent_hours' }} * 3600) >= {{ param 'min_expected_records' }} * (b.{{ ident 'cut_off' }} - b.{{ ident 'data_start' }})
ORDER BY {{ ident 'records' }} DESC, {{ ident 'last_seen' }}, {{ ident 'interface_id' }}, {{ ident 'first_seen' }}, {{ ident 'silent_seconds' }}
LIMIT {{ param 'limit' }}
