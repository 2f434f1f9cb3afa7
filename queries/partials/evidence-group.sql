    GROUP BY {{ col 'account-id' }}, {{ col 'interface-id' }}, {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'protocol' }}, {{ col detail }}
)
{{ partial 'evidence-report' { port: 'dstport', detail: detail_column } }}
