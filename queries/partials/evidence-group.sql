{{ ##
A control's evidence, last part: grouped by the evidence columns, then reported by evidence-report.
detail, detail_column: as for evidence-select.
## ~}}
    GROUP BY {{ col 'account-id' }}, {{ col 'interface-id' }}, {{ col 'srcaddr' }}, {{ col 'dstaddr' }}, {{ col 'dstport' }}, {{ col 'protocol' }}, {{ col detail }}
)
{{ partial 'evidence-report' { port: 'dstport', detail: detail_column } }}
