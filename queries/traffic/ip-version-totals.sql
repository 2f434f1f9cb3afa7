---
id: ip-version-totals
title: IPv4 and IPv6 totals
description: >-
  Bytes, packets and flow records per IP version over every record that logged data (log-status OK),
  accepted and rejected alike. The version is read from the source address text: IPv6 when it contains
  ':', IPv4 when it contains '.', 'unknown' otherwise.
requires_fields: [srcaddr, packets, bytes, start, log-status]
output:
  - name: ip_version
    description: IPv4, IPv6 or unknown.
  - name: bytes
    description: Bytes of that IP version in the window.
  - name: packets
    description: Packets of that IP version in the window.
  - name: flows
    description: Flow records of that IP version in the window.
chart:
  type: pie
  x: ip_version
  y: bytes
  title: Bytes by IP version
---
WITH versions AS (
    SELECT
        CASE
            WHEN strpos({{ col 'srcaddr' }}, ':') > 0 THEN 'IPv6'
            WHEN strpos({{ col 'srcaddr' }}, '.') > 0 THEN 'IPv4'
            ELSE 'unknown'
        END AS {{ ident 'ip_version' }},
        {{ fields 'bytes' 'packets' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
)
SELECT
    {{ ident 'ip_version' }},
    CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
    CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
    COUNT(*) AS {{ ident 'flows' }}
FROM versions
GROUP BY {{ ident 'ip_version' }}
ORDER BY {{ ident 'ip_version' }}
