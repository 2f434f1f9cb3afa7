{{ ##
The CTEs records, per_level and hourly: bytes and packets per UTC hour for each VPC, subnet and instance of capacity_levels.
flows: true to count flow records too.
## ~}}
WITH records AS (
    SELECT
        {{ fields 'vpc-id' 'subnet-id' 'instance-id' 'bytes' 'packets' }},
        {{ col 'start' }} - {{ col 'start' }} % 3600 AS {{ ident 'hour_start' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
),
per_level AS (
    SELECT
        l.{{ ident 'level' }},
        CASE l.{{ ident 'level' }}
            WHEN 'vpc' THEN r.{{ ident 'vpc_id' }}
            WHEN 'subnet' THEN r.{{ ident 'subnet_id' }}
            ELSE r.{{ ident 'instance_id' }}
        END AS {{ ident 'resource_id' }},
        r.{{ ident 'hour_start' }},
        r.{{ ident 'bytes' }},
        r.{{ ident 'packets' }}
    FROM records AS r
    CROSS JOIN (VALUES ('vpc'), ('subnet'), ('instance')) AS l({{ ident 'level' }})
    WHERE l.{{ ident 'level' }} IN ({{ param 'capacity_levels' }})
),
hourly AS (
    SELECT
        {{ ident 'level' }},
        {{ ident 'resource_id' }},
        {{ ident 'hour_start' }},
        CAST(COALESCE(SUM({{ ident 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ ident 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }}
        {{- if flows }},
        COUNT(*) AS {{ ident 'flows' }}
        {{- end }}
    FROM per_level
    WHERE {{ ident 'resource_id' }} IS NOT NULL
    GROUP BY {{ ident 'level' }}, {{ ident 'resource_id' }}, {{ ident 'hour_start' }}
)
