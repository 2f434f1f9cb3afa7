---
id: traffic-to-forbidden-networks
title: Traffic to forbidden networks
control: >-
  No accepted flow goes to a forbidden network.
description: >-
  Evidence for the control: accepted flows whose destination lies in forbidden_cidrs (sanctioned regions,
  known-bad hosts, a partner you left), in either direction of a conversation (a reply to a forbidden host
  counts too), per account, interface, source, destination, port and protocol, with counts and the first and
  last time seen. Skipped until forbidden_cidrs is given.
parameters:
  - name: forbidden_cidrs
    type: list
    item_type: cidr
    description: The networks no traffic may go to.
    required: true
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - name: account_id
    description: Account that owns the interface.
  - name: interface_id
    description: Interface that logged the flows (empty for a regional NAT gateway).
  - name: srcaddr
    description: Source of the flow.
  - name: dstaddr
    description: The forbidden destination.
  - name: dstport
    description: Destination port.
  - name: protocol
    description: IANA protocol number (6 TCP, 17 UDP).
  - name: action
    description: ACCEPT.
  - name: flows
    description: Flow records.
  - name: packets
    description: Packets.
  - name: bytes
    description: Bytes.
  - name: first_seen
    description: Earliest start of these flows, Unix seconds (UTC).
  - name: last_seen
    description: Latest end of these flows, Unix seconds (UTC).
---
WITH evidence AS (
    SELECT
        {{ col 'account-id' }} AS {{ ident 'account_id' }},
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }},
        {{ col 'dstaddr' }} AS {{ ident 'dstaddr' }},
        {{ col 'dstport' }} AS {{ ident 'dstport' }},
        {{ col 'protocol' }} AS {{ ident 'protocol' }},
        {{ col 'action' }} AS {{ ident 'action' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ col 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ col 'end' }}) AS {{ ident 'last_seen' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
      {{- end }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ cidr_match (col 'dstaddr') 'forbidden_cidrs' }}
    GROUP BY {{ col 'account-id' }}, {{ col 'interface-id' }}, {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'protocol' }}, {{ col 'action' }}
)
SELECT {{ ident 'account_id' }}, {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'protocol' }},
    {{ ident 'action' }}, {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'first_seen' }}, {{ ident 'last_seen' }}
FROM evidence
ORDER BY {{ ident 'first_seen' }} NULLS LAST, {{ ident 'account_id' }} NULLS LAST, {{ ident 'interface_id' }} NULLS LAST, {{ ident 'srcaddr' }} NULLS LAST,
    {{ ident 'dstaddr' }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident 'action' }} NULLS LAST,
    {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'last_seen' }} NULLS LAST
