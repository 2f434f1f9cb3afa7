WITH peers AS (
    SELECT
        {{ col peer }} AS {{ ident peer }},
        {{ col 'dstport' }} AS {{ ident 'dstport' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
      AND {{ cidr_match (col followed) 'address' }}
    GROUP BY {{ col peer }}, {{ col 'dstport' }}
)
SELECT {{ ident peer }}, {{ ident 'dstport' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}
FROM peers
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident peer }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST
LIMIT {{ param 'limit' }}
