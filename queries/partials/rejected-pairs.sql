{{ ##
The rejected source, destination and destination port combinations by attempts.
tcp: true for TCP (protocol 6) only.
## ~}}
WITH rejected AS (
    SELECT
        {{ fields 'srcaddr' 'dstaddr' 'dstport' }},
        COUNT(*) AS {{ ident 'attempts' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- if tcp }}
      AND {{ col 'protocol' }} = 6
      {{- end }}
{{ partial 'rejected-filters' }}
    GROUP BY {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}
)
SELECT {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident 'dstport' }}, {{ ident 'attempts' }}
FROM rejected
ORDER BY {{ ident 'attempts' }} DESC, {{ ident 'srcaddr' }} NULLS LAST, {{ ident 'dstaddr' }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST
LIMIT {{ param 'limit' }}
