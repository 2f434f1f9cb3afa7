---
id: rejected-by-port
title: Rejected traffic by destination port
description: >-
  The destination ports (with their protocol) that drew the most rejected flow records (action REJECT) in
  the window, with how many sources tried and how many destinations refused them: which services the
  internet probes for, and which internal callers a rule keeps out.
parameters:
  - use: limit
    description: How many port and protocol combinations to return.
  - dstport
  - source_cidr
requires_fields: [srcaddr, dstaddr, dstport, protocol, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status]
output:
  - name: dstport
    description: Destination port of the rejected traffic (0 for ICMP, which has no ports).
  - name: protocol
    description: IANA protocol number of the rejected traffic.
  - name: protocol_name
    description: The protocol's name (TCP, UDP, ICMP, …), 'code N' for numbers the field catalog does not name.
  - name: attempts
    description: Rejected flow records to the port in the window.
  - name: sources
    description: Distinct source addresses rejected on the port.
  - name: destinations
    description: Distinct destination addresses that rejected traffic to the port.
chart:
  type: bar
  x: [dstport, protocol_name]
  y: attempts
  title: Rejected traffic by destination port
---
WITH rejected AS (
    SELECT
        {{ fields 'dstport' 'protocol' }},
        COUNT(*) AS {{ ident 'attempts' }},
        COUNT(DISTINCT {{ col 'srcaddr' }}) AS {{ ident 'sources' }},
        COUNT(DISTINCT {{ col 'dstaddr' }}) AS {{ ident 'destinations' }}
    FROM {{ table }}
    WHERE {{ time_window }}
{{ partial 'rejected-filters' }}
    GROUP BY {{ col 'dstport' }}, {{ col 'protocol' }}
)
SELECT
    {{ ident 'dstport' }},
    {{ ident 'protocol' }},
    {{ protocol_label (ident 'protocol') }} AS {{ ident 'protocol_name' }},
    {{ ident 'attempts' }},
    {{ ident 'sources' }},
    {{ ident 'destinations' }}
FROM rejected
ORDER BY {{ ident 'attempts' }} DESC, {{ ident 'sources' }} DESC, {{ ident 'destinations' }} DESC, {{ ident 'dstport' }} NULLS LAST,
    {{ ident 'protocol' }} NULLS LAST, {{ ident 'protocol_name' }} NULLS LAST
LIMIT {{ param 'limit' }}
