{{ ##
The traffic of the 'address' parameter (an address or a network), per peer and destination port.
followed: the side the address is on (srcaddr or dstaddr); peer: the other side.
## ~}}
WITH peers AS (
    SELECT
        {{ col peer }} AS {{ ident peer }},
        {{ col 'dstport' }} AS {{ ident 'dstport' }},
{{ partial 'logged-totals' }}
      AND {{ cidr_match (col followed) 'address' }}
    GROUP BY {{ col peer }}, {{ col 'dstport' }}
)
SELECT {{ ident peer }}, {{ ident 'dstport' }}, {{ ident 'bytes' }}, {{ ident 'packets' }}, {{ ident 'flows' }}
FROM peers
ORDER BY {{ ident 'bytes' }} DESC, {{ ident 'packets' }} DESC, {{ ident peer }} NULLS LAST, {{ ident 'dstport' }} NULLS LAST
LIMIT {{ param 'limit' }}
