---
id: packets-lost
title: Packets the transit gateway dropped, by attachment, reason and hour
kind: transit-gateway
description: >-
  Packets the transit gateway dropped per UTC hour, attachment and reason: no route (no-route), a blackhole
  route (blackhole), larger than the path's MTU (mtu-exceeded) and time-to-live expired (ttl-expired), from the
  packets-lost-* fields, with how many flow records reported them. A record counts in the hour its start falls
  in, on the attachment that logged it. Only reasons with dropped packets have a row. Records with log-status OK
  when the format has it.
parameters:
  - use: limit
    description: How many rows (hour, attachment and reason) to return.
    default: 1000
    max: 1000000
requires_fields: [tgw-attachment-id, start, packets-lost-no-route, packets-lost-blackhole, packets-lost-mtu-exceeded, packets-lost-ttl-expired]
optional_fields: [log-status]
output:
  - name: hour_start
    description: Start of the UTC hour, in Unix seconds.
  - name: tgw_attachment_id
    description: The attachment that logged the drops.
  - name: reason
    description: no-route, blackhole, mtu-exceeded or ttl-expired.
  - name: packets_lost
    description: Packets dropped for that reason.
  - name: flows
    description: Flow records that reported drops for that reason.
chart:
  type: bar
  x: [tgw_attachment_id, reason]
  y: packets_lost
  title: Dropped packets by attachment and reason
---
WITH records AS (
    SELECT
        {{ col 'start' }} - {{ col 'start' }} % 3600 AS {{ ident 'hour_start' }},
        {{ fields 'tgw-attachment-id' 'packets-lost-no-route' 'packets-lost-blackhole' 'packets-lost-mtu-exceeded' 'packets-lost-ttl-expired' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
),
losses AS (
    SELECT {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, 'no-route' AS {{ ident 'reason' }}, {{ ident 'packets_lost_no_route' }} AS {{ ident 'lost' }}
    FROM records WHERE {{ ident 'packets_lost_no_route' }} > 0
    UNION ALL
    SELECT {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, 'blackhole', {{ ident 'packets_lost_blackhole' }}
    FROM records WHERE {{ ident 'packets_lost_blackhole' }} > 0
    UNION ALL
    SELECT {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, 'mtu-exceeded', {{ ident 'packets_lost_mtu_exceeded' }}
    FROM records WHERE {{ ident 'packets_lost_mtu_exceeded' }} > 0
    UNION ALL
    SELECT {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, 'ttl-expired', {{ ident 'packets_lost_ttl_expired' }}
    FROM records WHERE {{ ident 'packets_lost_ttl_expired' }} > 0
),
per_hour AS (
    SELECT
        {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, {{ ident 'reason' }},
        CAST(SUM({{ ident 'lost' }}) AS BIGINT) AS {{ ident 'packets_lost' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM losses
    GROUP BY {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, {{ ident 'reason' }}
)
SELECT {{ ident 'hour_start' }}, {{ ident 'tgw_attachment_id' }}, {{ ident 'reason' }}, {{ ident 'packets_lost' }}, {{ ident 'flows' }}
FROM per_hour
ORDER BY {{ ident 'hour_start' }}, {{ ident 'packets_lost' }} DESC, {{ ident 'tgw_attachment_id' }} NULLS LAST, {{ ident 'reason' }}
LIMIT {{ param 'limit' }}
