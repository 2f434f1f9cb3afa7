{{ ##
The resources that moved the most bytes, both directions split by flow-direction when the format has it.
field: the AWS field naming the resource (instance-id); column: its output name (instance_id).
## ~}}
WITH totals AS (
    SELECT
        {{ col field }} AS {{ ident column }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        {{- if has_field 'flow-direction' }}
        CAST(COALESCE(SUM(CASE WHEN {{ col 'flow-direction' }} = 'ingress' THEN {{ col 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'ingress_bytes' }},
        CAST(COALESCE(SUM(CASE WHEN {{ col 'flow-direction' }} = 'egress' THEN {{ col 'bytes' }} END), 0) AS BIGINT) AS {{ ident 'egress_bytes' }}
        {{- else }}
        CAST(NULL AS BIGINT) AS {{ ident 'ingress_bytes' }},
        CAST(NULL AS BIGINT) AS {{ ident 'egress_bytes' }}
        {{- end }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND {{ col field }} IS NOT NULL
    GROUP BY {{ col field }}
)
SELECT {{ ident column }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'ingress_bytes' }}, {{ ident 'egress_bytes' }}
FROM totals
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'ingress_bytes' }} DESC NULLS LAST,
    {{ ident 'egress_bytes' }} DESC NULLS LAST, {{ ident column }} NULLS LAST
LIMIT {{ param 'limit' }}
