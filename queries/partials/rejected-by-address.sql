{{ ##
The rejected traffic per address.
address: srcaddr or dstaddr; peer: the other side, counted distinct as peers (destinations or sources).
## ~}}
WITH rejected AS (
    SELECT
        {{ col address }} AS {{ ident address }},
        COUNT(*) AS {{ ident 'attempts' }},
        COUNT(DISTINCT {{ col peer }}) AS {{ ident peers }},
        COUNT(DISTINCT {{ col 'dstport' }}) AS {{ ident 'ports' }},
        MIN({{ col 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ col 'start' }}) AS {{ ident 'last_seen' }}
    FROM {{ table }}
    WHERE {{ time_window }}
{{ partial 'rejected-filters' }}
    GROUP BY {{ col address }}
)
SELECT {{ ident address }}, {{ ident 'attempts' }}, {{ ident peers }}, {{ ident 'ports' }}, {{ ident 'first_seen' }}, {{ ident 'last_seen' }}
FROM rejected
ORDER BY {{ ident 'attempts' }} DESC, {{ ident peers }} DESC, {{ ident 'ports' }} DESC, {{ ident address }} NULLS LAST,
    {{ ident 'first_seen' }} NULLS LAST, {{ ident 'last_seen' }} NULLS LAST
LIMIT {{ param 'limit' }}
