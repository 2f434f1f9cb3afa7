---
id: log-status-health
title: Log-status health per interface
description: >-
  Per interface, how many records in the window logged data (OK), no traffic (NODATA) and records skipped
  (SKIPDATA: AWS dropped flow records for an internal capacity constraint or error, so the traffic of that
  interval is missing from the log), with the SKIPDATA share of the interface's records. Interfaces with the
  most SKIPDATA come first: their traffic totals are undercounted.
parameters:
  - use: limit
    description: How many interfaces to return.
    default: 20
requires_fields: [interface-id, start, log-status]
output:
  - name: interface_id
    description: The interface (empty for a regional NAT gateway's records).
  - name: records
    description: All records of the interface in the window.
  - name: ok_records
    description: Records with log-status OK.
  - name: nodata_records
    description: Records with log-status NODATA (no traffic in the interval).
  - name: skipdata_records
    description: Records with log-status SKIPDATA (records skipped in the interval).
  - name: skipdata_share
    description: skipdata_records / records, between 0 and 1.
chart:
  type: bar
  x: interface_id
  y: skipdata_records
  title: SKIPDATA records per interface
---
WITH health AS (
    SELECT
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        COUNT(*) AS {{ ident 'records' }},
        COUNT(CASE WHEN {{ col 'log-status' }} = 'OK' THEN 1 END) AS {{ ident 'ok_records' }},
        COUNT(CASE WHEN {{ col 'log-status' }} = 'NODATA' THEN 1 END) AS {{ ident 'nodata_records' }},
        COUNT(CASE WHEN {{ col 'log-status' }} = 'SKIPDATA' THEN 1 END) AS {{ ident 'skipdata_records' }}
    FROM {{ table }}
    WHERE {{ time_window }}
    GROUP BY {{ col 'interface-id' }}
)
SELECT
    {{ ident 'interface_id' }}, {{ ident 'records' }}, {{ ident 'ok_records' }}, {{ ident 'nodata_records' }}, {{ ident 'skipdata_records' }},
    CAST({{ ident 'skipdata_records' }} AS DOUBLE) / {{ ident 'records' }} AS {{ ident 'skipdata_share' }}
FROM health
ORDER BY {{ ident 'skipdata_records' }} DESC, {{ ident 'skipdata_share' }} DESC, {{ ident 'nodata_records' }} DESC, {{ ident 'records' }} DESC,
    {{ ident 'interface_id' }} NULLS LAST, {{ ident 'ok_records' }} DESC
LIMIT {{ param 'limit' }}
