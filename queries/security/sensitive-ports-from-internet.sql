---
id: sensitive-ports-from-internet
title: SSH, RDP and database ports reached from the internet
description: >-
  Accepted flow records (action ACCEPT) from a public source address to a remote-administration or database
  port: SSH 22, RDP 3389, SQL Server 1433, Oracle 1521, MySQL 3306, PostgreSQL 5432, Redis 6379, MongoDB
  27017 and Elasticsearch 9200 unless told otherwise. A source is public when it lies outside private_cidrs
  (RFC 1918, carrier-grade NAT 100.64.0.0/10, link-local and IPv6 unique-local by default). A VPC's IPv6
  addresses are global unicast: add your VPCs' IPv6 CIDRs to private_cidrs, or east-west IPv6 traffic to a
  database counts as coming from the internet. Sources that may legitimately reach these ports from the
  internet (your office, a VPN egress, EC2 Instance Connect's range) go in allowed_admin_cidrs and are left
  out; until you name them they are listed like any other public source, so an office that reaches its
  bastions over SSH shows up here.
parameters:
  - use: limit
    description: How many source, destination and port combinations to return.
    default: 100
  - name: sensitive_ports
    type: list
    item_type: port
    description: The administration and database ports to watch.
    default: 22,3389,1433,1521,3306,5432,6379,27017,9200
  - name: private_cidrs
    type: list
    item_type: cidr
    description: Networks whose sources are not the internet; add your VPCs' IPv6 CIDRs and any public ranges of your own (on premises, other clouds).
    default: 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,169.254.0.0/16,fc00::/7,fe80::/10
  - name: allowed_admin_cidrs
    type: list
    item_type: cidr
    description: Public sources allowed to reach these ports, e.g. the office 198.51.100.7/32 and EC2 Instance Connect's range (none when omitted).
requires_fields: [srcaddr, dstaddr, dstport, bytes, start, action]
# An ACCEPT already implies a record with data; log-status narrows it further when the format has it.
optional_fields: [log-status]
output:
  - name: srcaddr
    description: The public source address.
  - name: dstaddr
    description: The destination it reached.
  - name: dstport
    description: The administration or database port it reached.
  - name: flows
    description: Accepted flow records in the window.
  - name: bytes
    description: Bytes of those records.
  - name: first_seen
    description: Start (Unix seconds) of the first such record in the window.
  - name: last_seen
    description: Start (Unix seconds) of the last such record in the window.
chart:
  type: bar
  x: [srcaddr, dstaddr, dstport]
  y: flows
  title: Sensitive ports reached from the internet
---
WITH reached AS (
    SELECT
        {{ fields 'srcaddr' 'dstaddr' 'dstport' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ col 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ col 'start' }}) AS {{ ident 'last_seen' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} = 'ACCEPT'
      {{- partial 'log-status-ok' }}
      AND {{ col 'dstport' }} IN ({{ param 'sensitive_ports' }})
      AND {{ col 'srcaddr' }} IS NOT NULL
      AND NOT {{ cidr_match (col 'srcaddr') 'private_cidrs' }}
      {{- if has_param 'allowed_admin_cidrs' }}
      AND NOT {{ cidr_match (col 'srcaddr') 'allowed_admin_cidrs' }}
      {{- end }}
    GROUP BY {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'flows' }}, {{ ident 'bytes' }}, {{ ident 'first_seen' }}, {{ ident 'last_seen' }}
FROM reached
ORDER BY {{ ident 'flows' }} DESC, {{ ident 'bytes' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST,
    {{ ident 'dstport' }} NULLS LAST, {{ ident 'first_seen' }} NULLS LAST, {{ ident 'last_seen' }} NULLS LAST
LIMIT {{ param 'limit' }}
