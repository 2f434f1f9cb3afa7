{{ ##
The CTE flows: the window's ACCEPT and REJECT records (log-status OK where the format has it), with interface, five-tuple
and start. volume: true to add packets and bytes.
## ~}}
WITH flows AS (
    SELECT
        COALESCE({{ col 'interface-id' }}, '-') AS {{ ident 'eni' }},
        {{ fields 'interface-id' 'srcaddr' 'dstaddr' 'srcport' 'dstport' 'protocol' 'action' }},
        {{- if volume }}
        {{ fields 'packets' 'bytes' }},
        {{- end }}
        {{ col 'start' }} AS {{ ident 'start' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      AND {{ col 'action' }} IN ('ACCEPT', 'REJECT')
      {{- partial 'log-status-ok' }}
)
