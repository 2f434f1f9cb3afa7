{{ ##
A control's evidence, first part: the evidence columns of the window's records (log-status OK where the format has it).
detail: the field after protocol (action, reject-reason); detail_column: its output name.
The control's own conditions follow (AND ...), then evidence-group with the same arguments.
## ~}}
WITH evidence AS (
    SELECT
        {{ fields 'account-id' 'interface-id' 'srcaddr' 'dstaddr' 'dstport' 'protocol' }},
        {{ col detail }} AS {{ ident detail_column }},
        COUNT(*) AS {{ ident 'flows' }},
        CAST(COALESCE(SUM({{ col 'packets' }}), 0) AS BIGINT) AS {{ ident 'packets' }},
        CAST(COALESCE(SUM({{ col 'bytes' }}), 0) AS BIGINT) AS {{ ident 'bytes' }},
        MIN({{ col 'start' }}) AS {{ ident 'first_seen' }},
        MAX({{ col 'end' }}) AS {{ ident 'last_seen' }}
    FROM {{ table }}
    WHERE {{ time_window }}
      {{- partial 'log-status-ok' }}
