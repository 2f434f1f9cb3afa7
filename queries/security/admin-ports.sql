---
id: admin-ports
title: Admin ports
description: >-
  Flow records to remote administration ports (SSH 22 and RDP 3389 unless told otherwise) per source,
  destination, port and action (log-status OK), accepted and rejected alike: who reached a shell or a
  desktop, and who tried.
parameters:
  - use: limit
    description: How many combinations to return.
  - name: ports
    type: list
    item_type: port
    description: The administration ports, e.g. 22,3389,5900.
    default: 22,3389
requires_fields: [srcaddr, dstaddr, dstport, bytes, start, action, log-status]
output:
  - name: srcaddr
    description: Source address of the traffic to the admin port.
  - name: dstaddr
    description: Destination address of the traffic to the admin port.
  - name: dstport
    description: The admin port.
  - name: action
    description: ACCEPT or REJECT.
  - flows
  - bytes
chart:
  type: bar
  x: [srcaddr, dstaddr, dstport, action]
  y: flows
  title: Traffic to admin ports by flows
---
WITH admin AS (
    SELECT
        {{ fields 'srcaddr' 'dstaddr' 'dstport' 'action' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND {{ col 'dstport' }} IN ({{ param 'ports' }})
    GROUP BY {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'action' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'action' }}, {{ ident 'flows' }}, {{ ident 'bytes' }}
FROM admin
ORDER BY {{ ident 'flows' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST,
    {{ ident 'dstport' }} NULLS LAST, {{ ident 'action' }} NULLS LAST
LIMIT {{ param 'limit' }}
