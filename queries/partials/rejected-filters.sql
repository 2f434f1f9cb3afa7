{{ # The REJECT records (log-status OK where the format has it), narrowed by the optional dstport and source_cidr parameters. ~}}
      AND {{ col 'action' }} = 'REJECT'
      {{- partial 'log-status-ok' }}
      {{- if has_param 'dstport' }}
      AND {{ col 'dstport' }} IN ({{ param 'dstport' }})
      {{- end }}
      {{- if has_param 'source_cidr' }}
      AND {{ cidr_match (col 'srcaddr') 'source_cidr' }}
      {{- end }}
