---
id: reject-reasons
title: Rejects by reject reason
description: >-
  Rejected flow records (action REJECT) by the reject-reason field (flow-log version 8): BPA when VPC Block
  Public Access dropped the traffic, EC for VPC Encryption Controls, and 'none' where the field is '-' (a
  security group or network ACL rejected it). Per VPC and per interface when the format has vpc-id and
  interface-id; otherwise those columns are empty and the rows are per reason only.
parameters:
  - use: limit
    description: How many reason, VPC and interface combinations to return.
    default: 100
requires_fields: [reject-reason, srcaddr, start, action]
# REJECT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status, vpc-id, interface-id]
output:
  - name: reject_reason
    description: BPA, EC, or 'none' when the record gives no reason.
  - name: vpc_id
    description: VPC of the interface that logged the rejects (empty when the format lacks vpc-id).
  - name: interface_id
    description: Interface that logged the rejects (empty when the format lacks interface-id, or for a regional NAT gateway).
  - name: attempts
    description: Rejected flow records in the window.
  - name: sources
    description: Distinct source addresses rejected.
chart:
  type: bar
  x: [reject_reason, vpc_id]
  y: attempts
  title: Rejects by reason
---
WITH rejects AS (
    SELECT
        COALESCE({{ col 'reject-reason' }}, 'none') AS {{ ident 'reject_reason' }},
        {{- if has_field 'vpc-id' }}
        {{ col 'vpc-id' }} AS {{ ident 'vpc_id' }},
        {{- else }}
        CAST(NULL AS VARCHAR) AS {{ ident 'vpc_id' }},
        {{- end }}
        {{- if has_field 'interface-id' }}
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        {{- else }}
        CAST(NULL AS VARCHAR) AS {{ ident 'interface_id' }},
        {{- end }}
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} = 'REJECT'
      {{- partial 'log-status-ok' }}
),
reasons AS (
    SELECT
        {{ ident 'reject_reason' }},
        {{ ident 'vpc_id' }},
        {{ ident 'interface_id' }},
        COUNT(*) AS {{ ident 'attempts' }},
        COUNT(DISTINCT {{ ident 'srcaddr' }}) AS {{ ident 'sources' }}
    FROM rejects
    GROUP BY {{ ident 'reject_reason' }}, {{ ident 'vpc_id' }}, {{ ident 'interface_id' }}
)
SELECT {{ ident 'reject_reason' }}, {{ ident 'vpc_id' }}, {{ ident 'interface_id' }}, {{ ident 'attempts' }}, {{ ident 'sources' }}
FROM reasons
ORDER BY {{ ident 'attempts' }} DESC, {{ ident 'sources' }} DESC, {{ ident 'reject_reason' }} NULLS LAST, {{ ident 'vpc_id' }} NULLS LAST,
    {{ ident 'interface_id' }} NULLS LAST
LIMIT {{ param 'limit' }}
