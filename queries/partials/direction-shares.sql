{{ ##
The last columns and the order of a breakdown by flow direction: bytes, packets, flows and the group's share of
its direction's bytes, largest first within each direction.
totals: the CTE of per-group totals (flow_direction, the group, bytes, packets, flows); group: the group's column.
## ~}}
    {{ ident 'bytes' }},
    {{ ident 'packets' }},
    {{ ident 'flows' }},
    CAST({{ ident 'bytes' }} AS DOUBLE)
        / NULLIF(CAST(SUM({{ ident 'bytes' }}) OVER (PARTITION BY {{ ident 'flow_direction' }}) AS DOUBLE), 0) AS {{ ident 'bytes_share' }}
FROM {{ totals }}
ORDER BY {{ ident 'flow_direction' }} NULLS LAST, {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC,
    {{ ident group }} NULLS LAST
