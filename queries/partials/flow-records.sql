{{ ##
The CTE flows: the window's ACCEPT and REJECT records (log-status OK where the format has it), with interface, five-tuple
and start. volume: true to add packets and bytes.
## ~}}
WITH flows AS (
    SELECT
        COALESCE({{ col 'interface-id' }}, '-') AS {{ ident 'eni' }},
        {{ col 'interface-id' }} AS {{ ident 'interface_id' }},
        {{ col 'srcaddr' }} AS {{ ident 'srcaddr' }},
        {{ col 'dstaddr' }} AS {{ ident 'dstaddr' }},
        {{ col 'srcport' }} AS {{ ident 'srcport' }},
        {{ col 'dstport' }} AS {{ ident 'dstport' }},
        {{ col 'protocol' }} AS {{ ident 'protocol' }},
        {{ col 'action' }} AS {{ ident 'action' }},
        {{- if volume }}
        {{ col 'packets' }} AS {{ ident 'packets' }},
        {{ col 'bytes' }} AS {{ ident 'bytes' }},
        {{- end }}
        {{ col 'start' }} AS {{ ident 'start' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} IN ('ACCEPT', 'REJECT')
      {{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
      {{- end }}
)
