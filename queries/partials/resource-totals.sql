{{ ##
The resources that moved the most bytes, both directions split by flow-direction when the format has it.
field: the AWS field naming the resource (instance-id); column: its output name (instance_id); owner: true to add what the
interface inventory says of each (an interface id's type, description, requester, VPC, subnet, instance and its Name, security
groups; NULL without an inventory or for an interface it does not hold).
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
{{- if owner && has_inventory }}
, owners AS (
    SELECT * FROM {{ interfaces }} AS x
)
{{- end }}
{{- if owner }}
SELECT t.{{ ident column }}, t.{{ ident 'bytes' }}, t.{{ ident 'packets' }}, t.{{ ident 'flows' }}, t.{{ ident 'ingress_bytes' }}, t.{{ ident 'egress_bytes' }},
    {{- for name in ['interface_type', 'description', 'requester_id', 'vpc_id', 'subnet_id', 'instance_id', 'instance_name', 'security_group_ids', 'security_group_names'] }}
    {{ if has_inventory }}i.{{ ident name }}{{ else }}CAST(NULL AS VARCHAR){{ end }} AS {{ ident name }}{{ if !for.last }},{{ end }}
    {{- end }}
FROM totals AS t
    {{- if has_inventory }}
LEFT JOIN owners AS i ON i.{{ ident 'interface_id' }} = t.{{ ident column }}
    {{- end }}
{{- else }}
SELECT {{ ident column }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident 'ingress_bytes' }}, {{ ident 'egress_bytes' }}
FROM totals
{{- end }}
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident 'ingress_bytes' }} DESC NULLS LAST,
    {{ ident 'egress_bytes' }} DESC NULLS LAST, {{ ident column }} NULLS LAST
LIMIT {{ param 'limit' }}
