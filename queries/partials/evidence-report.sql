{{ ##
A control's evidence rows: the columns every control reports, ordered by first_seen, from the CTE evidence.
port: the port column (dstport, service_port); detail: the column after protocol (action, reject_reason).
## ~}}
SELECT {{ ident 'account_id' }}, {{ ident 'interface_id' }}, {{ ident 'srcaddr' }}, {{ ident 'dstaddr' }}, {{ ident port }}, {{ ident 'protocol' }},
    {{ ident detail }}, {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'first_seen' }}, {{ ident 'last_seen' }}
FROM evidence
ORDER BY {{ ident 'first_seen' }} NULLS LAST, {{ ident 'account_id' }} NULLS LAST, {{ ident 'interface_id' }} NULLS LAST, {{ ident 'srcaddr' }} NULLS LAST,
    {{ ident 'dstaddr' }} NULLS LAST, {{ ident port }} NULLS LAST, {{ ident 'protocol' }} NULLS LAST, {{ ident detail }} NULLS LAST,
    {{ ident 'flows' }}, {{ ident 'packets' }}, {{ ident 'bytes' }}, {{ ident 'last_seen' }} NULLS LAST
