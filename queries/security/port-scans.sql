---
id: port-scans
title: Port scans
description: >-
  Sources that, within one time bucket, touched many distinct destination ports or many distinct hosts and
  were mostly rejected: port sweeps and host sweeps, from the internet or from a compromised host inside.
  A source is listed once per bucket in which it crossed the thresholds. Buckets are aligned to whole
  multiples of bucket_minutes since the Unix epoch (60 gives clock hours in UTC), so a scan that spans a
  bucket boundary may show in two buckets with part of its ports in each. Busy clients that reach many
  hosts normally stay out because most of their traffic is accepted (min_reject_share).
parameters:
  - use: limit
    description: How many source and bucket rows to return.
    default: 100
  - name: min_distinct_ports
    type: int
    description: A source is a suspect in a bucket when it touched at least this many distinct destination ports (ICMP counts as port 0), or min_distinct_hosts hosts.
    default: 25
    min: 1
    max: 65536
  - name: min_distinct_hosts
    type: int
    description: A source is a suspect in a bucket when it touched at least this many distinct destination addresses, or min_distinct_ports ports.
    default: 25
    min: 1
    max: 10000000
  - name: min_reject_share
    type: int
    description: A suspect is listed only when at least this percentage (0 to 100) of its flow records in the bucket were rejected.
    default: 80
    min: 0
    max: 100
  - name: bucket_minutes
    type: int
    description: Length of a time bucket in minutes (1 to 1440, one day).
    default: 60
    min: 1
    max: 1440
requires_fields: [srcaddr, dstaddr, dstport, start, action]
# Without log-status, records that logged data are those with an action (NODATA and SKIPDATA records write '-').
optional_fields: [log-status]
output:
  - name: srcaddr
    description: The scanning source.
  - name: bucket_start
    description: Start of the time bucket, in Unix seconds.
  - name: distinct_ports
    description: Distinct destination ports the source touched in the bucket.
  - name: distinct_hosts
    description: Distinct destination addresses the source touched in the bucket.
  - name: attempts
    description: Flow records from the source in the bucket, accepted and rejected.
  - name: rejected
    description: Rejected flow records from the source in the bucket.
  - name: rejected_share
    description: Rejected records as a percentage of attempts, rounded to one decimal.
  - name: first_seen
    description: Start (Unix seconds) of the source's first flow record in the bucket and window.
  - name: last_seen
    description: Start (Unix seconds) of the source's last flow record in the bucket and window.
chart:
  type: scatter
  x: distinct_hosts
  y: distinct_ports
  title: Port and host sweeps per source and bucket
---
WITH probes AS (
    SELECT
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }},
        {{ col 'start' }} - {{ col 'start' }} % ({{ param 'bucket_minutes' }} * 60) AS {{ ident 'bucket_start' }},
        {{ fields 'dstaddr' 'dstport' 'start' 'action' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'srcaddr' }} IS NOT NULL
      {{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
      {{- else }}
      AND {{ col 'action' }} IS NOT NULL
      {{- end }}
),
buckets AS (
    SELECT
        {{ ident 'srcaddr' }},
        {{ ident 'bucket_start' }},
        COUNT(DISTINCT {{ ident 'dstport' }}) AS {{ ident 'distinct_ports' }},
        COUNT(DISTINCT {{ ident 'dstaddr' }}) AS {{ ident 'distinct_hosts' }},
        COUNT(*) AS {{ ident 'attempts' }},
        COUNT(CASE WHEN {{ ident 'action' }} = 'REJECT' THEN 1 END) AS {{ ident 'rejected' }},
        MIN({{ ident 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ ident 'start' }}) AS {{ ident 'last_seen' }}
    FROM probes
    GROUP BY {{ ident 'srcaddr' }}, {{ ident 'bucket_start' }}
)
SELECT
    {{ ident 'srcaddr' }},
    {{ ident 'bucket_start' }},
    {{ ident 'distinct_ports' }},
    {{ ident 'distinct_hosts' }},
    {{ ident 'attempts' }},
    {{ ident 'rejected' }},
    ROUND(CAST({{ ident 'rejected' }} AS DOUBLE) * 100 / {{ ident 'attempts' }}, 1) AS {{ ident 'rejected_share' }},
    {{ ident 'first_seen' }},
    {{ ident 'last_seen' }}
FROM buckets
WHERE ({{ ident 'distinct_ports' }} >= {{ param 'min_distinct_ports' }} OR {{ ident 'distinct_hosts' }} >= {{ param 'min_distinct_hosts' }})
  AND {{ ident 'rejected' }} * 100 >= {{ param 'min_reject_share' }} * {{ ident 'attempts' }}
ORDER BY {{ ident 'distinct_ports' }} DESC, {{ ident 'distinct_hosts' }} DESC, {{ ident 'attempts' }} DESC, {{ ident 'srcaddr' }} NULLS LAST,
    {{ ident 'bucket_start' }} NULLS LAST, {{ ident 'rejected' }} DESC, {{ ident 'rejected_share' }} DESC NULLS LAST,
    {{ ident 'first_seen' }} NULLS LAST, {{ ident 'last_seen' }} NULLS LAST
LIMIT {{ param 'limit' }}
