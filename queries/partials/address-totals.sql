{{ ##
The addresses that sent (or received) the most bytes.
address: srcaddr or dstaddr; peer: the other side, counted distinct as peers (destinations or sources); cte: the CTE's name.
## ~}}
WITH {{ cte }} AS (
    SELECT
        {{ col address }} AS {{ ident address }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }},
        COUNT(DISTINCT {{ col peer }}) AS {{ ident peers }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
    GROUP BY {{ col address }}
)
SELECT {{ ident address }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}, {{ ident peers }}
FROM {{ cte }}
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident 'flows' }} DESC, {{ ident peers }} DESC,
    {{ ident address }} NULLS LAST
LIMIT {{ param 'limit' }}
