{{ # The join condition that makes reply a flow's reply: the same interface, the 5-tuple reversed. reply, flow: the two aliases. ~}}
      ON {{ reply }}.{{ ident 'eni' }} = {{ flow }}.{{ ident 'eni' }}
     AND {{ reply }}.{{ ident 'srcaddr' }} = {{ flow }}.{{ ident 'dstaddr' }}
     AND {{ reply }}.{{ ident 'dstaddr' }} = {{ flow }}.{{ ident 'srcaddr' }}
     AND {{ reply }}.{{ ident 'srcport' }} = {{ flow }}.{{ ident 'dstport' }}
     AND {{ reply }}.{{ ident 'dstport' }} = {{ flow }}.{{ ident 'srcport' }}
     AND {{ reply }}.{{ ident 'protocol' }} = {{ flow }}.{{ ident 'protocol' }}
