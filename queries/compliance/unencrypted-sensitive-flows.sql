---
id: unencrypted-sensitive-flows
title: Unencrypted flows on sensitive ports
control: >-
  Where VPC Encryption Controls report encryption-status, no flow on a sensitive port (databases, caches,
  message brokers, directory, file shares) travels unencrypted.
description: >-
  Evidence for the control: flows whose encryption-status is 0 (not encrypted) with a port of sensitive_ports
  on either side, so the server's replies count as well as the client's requests, per account, interface,
  source, destination, the sensitive port, protocol and action, with counts and the first and last time seen.
  Flows with encryption-status '-' (unknown, or Encryption Controls off) are not judged. Skipped when the
  format lacks encryption-status (v10).
parameters:
  - name: sensitive_ports
    type: list
    item_type: port
    description: >-
      Ports whose traffic must be encrypted: LDAP 389, SMB 445, SQL Server 1433, Oracle 1521, NFS 2049,
      MySQL 3306, PostgreSQL 5432, Redshift 5439, AMQP 5672, Redis 6379, Cassandra 9042, Kafka 9092,
      Elasticsearch/OpenSearch 9200, Memcached 11211, MongoDB 27017.
    default: 389,445,1433,1521,2049,3306,5432,5439,5672,6379,9042,9092,9200,11211,27017
requires_fields: [account-id, interface-id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action, encryption-status]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: Source of the flow.
  - name: dstaddr
    description: Destination of the flow.
  - name: service_port
    description: The sensitive port (the destination port when it is one, else the source port).
  - protocol
  - name: action
    description: ACCEPT or REJECT.
  - flows
  - packets
  - bytes
  - first_seen
  - last_seen
---
WITH unencrypted AS (
    SELECT
        {{ fields 'account-id' 'interface-id' 'srcaddr' 'dstaddr' }},
        CASE WHEN {{ col 'dstport' }} IN ({{ param 'sensitive_ports' }}) THEN {{ col 'dstport' }} ELSE {{ col 'srcport' }} END AS {{ ident 'service_port' }},
        {{ fields 'protocol' 'action' 'packets' 'bytes' 'start' 'end' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
      AND {{ col 'encryption-status' }} = '0'
      AND ({{ col 'dstport' }} IN ({{ param 'sensitive_ports' }}) OR {{ col 'srcport' }} IN ({{ param 'sensitive_ports' }}))
),
evidence AS (
    SELECT
        {{ ident 'account_id' }}, {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'service_port' }},
        {{ ident 'protocol' }}, {{ ident 'action' }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ ident 'end' }}) AS {{ ident 'last_seen' }}
    FROM unencrypted
    GROUP BY {{ ident 'account_id' }}, {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'service_port' }},
        {{ ident 'protocol' }}, {{ ident 'action' }}
)
{{ partial 'evidence-report' { port: 'service_port', detail: 'action' } }}
