---
id: nacl-asymmetry
title: NACL asymmetry (accepted flows whose reply was rejected)
description: >-
  The network ACL signature: a flow ACCEPTed at an interface whose reply, the reverse 5-tuple (from the
  service port back to the client's ephemeral port) at the same interface, was REJECTed within a few minutes.
  Security groups are stateful and always let a reply out; only a stateless NACL without a rule for the
  return traffic (typically ephemeral ports 1024-65535, or too narrow a range of them) does this. One row per
  interface, destination and service port of the accepted flows. An inbound flow whose outbound reply is
  rejected points at the interface's subnet's outbound rules; an outbound flow whose inbound reply is
  rejected at its inbound rules. The time limit keeps a reused port hours later from counting.
parameters:
  - use: limit
    default: 20
  - name: reply_within_seconds
    type: int
    description: >-
      How far apart the accepted flow's and the rejected reply's start may be, in seconds. Both directions
      normally fall in the same aggregation interval (at most 10 minutes).
    default: 600
    min: 0
    max: 86400
# Regional NAT gateway records have no interface-id: they are matched among themselves.
requires_fields: [interface-id, srcaddr, dstaddr, srcport, dstport, protocol, start, action]
# An action already implies a record with data; log-status narrows it further when present.
optional_fields: [log-status]
output:
  - name: interface_id
    description: The interface that logged both directions (empty for a regional NAT gateway).
  - name: dstaddr
    description: Destination of the accepted flows (for an inbound flow, the interface's own address).
  - name: dstport
    description: Destination port of the accepted flows, the service port the rejected replies come from.
  - protocol
  - name: flows
    description: Accepted flow records with a rejected reply (records equal in interface, 5-tuple and start count once).
  - name: sources
    description: Distinct source addresses of those flows (the clients whose replies were dropped).
  - name: first_start
    description: Start of the first such flow, Unix seconds.
  - name: last_start
    description: Start of the last such flow, Unix seconds.
chart:
  type: bar
  x: [interface_id, dstport]
  y: flows
  title: Accepted flows whose reply a NACL rejected
---
{{ partial 'flow-records' { volume: false } }},
-- Each accepted record once, however many rejected replies it has.
blocked AS (
    SELECT a.{{ ident 'interface_id' }}, a.{{ ident 'srcaddr' }}, a.{{ ident 'dstaddr' }}, a.{{ ident 'dstport' }},
        a.{{ ident 'protocol' }}, a.{{ ident 'start' }}
    FROM flows a
    JOIN flows r
{{ partial 'reply-match' { reply: 'r', flow: 'a' } }}
    WHERE a.{{ ident 'action' }} = 'ACCEPT'
      AND r.{{ ident 'action' }} = 'REJECT'
      AND r.{{ ident 'start' }} >= a.{{ ident 'start' }} - {{ param 'reply_within_seconds' }}
      AND r.{{ ident 'start' }} <= a.{{ ident 'start' }} + {{ param 'reply_within_seconds' }}
    GROUP BY a.{{ ident 'eni' }}, a.{{ ident 'interface_id' }}, a.{{ ident 'srcaddr' }}, a.{{ ident 'dstaddr' }},
        a.{{ ident 'srcport' }}, a.{{ ident 'dstport' }}, a.{{ ident 'protocol' }}, a.{{ ident 'start' }}
),
per_service AS (
    SELECT
        {{ ident 'interface_id' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ ident 'srcaddr' }}) AS {{ ident 'sources' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_start' }},
        MAX({{ ident 'start' }}) AS {{ ident 'last_start' }}
    FROM blocked
    GROUP BY {{ ident 'interface_id' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}
)
SELECT {{ ident 'interface_id' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }}, {{ ident 'flows' }},
    {{ ident 'sources' }}, {{ ident 'first_start' }}, {{ ident 'last_start' }}
FROM per_service
ORDER BY {{ ident 'flows' }} DESC, {{ ident 'sources' }} DESC, {{ ident 'interface_id' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST,
    {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident 'first_start' }} NULLS LAST, {{ ident 'last_start' }} NULLS LAST
LIMIT {{ param 'limit' }}
