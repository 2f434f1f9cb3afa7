{{ # AND log-status = 'OK' where the format has log-status, nothing where it lacks it: for conditions (an action, a flow direction) that already exclude records without data. ~}}
{{- if has_field 'log-status' }}
      AND {{ col 'log-status' }} = 'OK'
{{- end }}
