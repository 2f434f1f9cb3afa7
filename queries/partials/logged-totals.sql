{{ # The bytes, packets and flow records (sums cast to BIGINT, which DuckDB would widen) of the window's records that logged data. ~}}
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        COUNT(*) AS {{ ident 'flows' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ logged_data }}
