---
id: insecure-protocols-accepted
title: Insecure protocols accepted
control: >-
  No flow of a cleartext legacy protocol (FTP, Telnet, TFTP, POP3, IMAP, SNMP v1/v2c, rexec/rlogin/rsh) is
  accepted, from anywhere.
description: >-
  Evidence for the control: accepted flows to a port of insecure_ports, whatever the source (inside or
  outside your networks), per account, interface, source, destination, port and protocol, with counts and the
  first and last time seen. The defaults are protocols with no encryption at all: FTP 20/21, Telnet 23,
  TFTP 69, POP3 110, IMAP 143, SNMP 161 and rexec/rlogin/rsh 512-514. HTTP 80 is left out because a port-80
  listener usually only redirects to HTTPS, and SMB 139/445 because SMB 3 encrypts and internal file servers
  need it; add them (insecure_ports=...,80,139,445) when your policy forbids them.
parameters:
  - name: insecure_ports
    type: list
    item_type: port
    description: Ports of protocols that must not be used.
    default: 20,21,23,69,110,143,161,512,513,514
requires_fields: [account-id, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end, action]
optional_fields: [log-status]
output:
  - account_id
  - interface_id
  - name: srcaddr
    description: Source of the flow.
  - name: dstaddr
    description: Destination of the flow.
  - name: dstport
    description: The insecure protocol's port.
  - protocol
  - name: action
    description: ACCEPT.
  - flows
  - packets
  - bytes
  - first_seen
  - last_seen
---
{{ partial 'evidence-select' { detail: 'action', detail_column: 'action' } }}
      AND {{ col 'action' }} = 'ACCEPT'
      AND {{ col 'dstport' }} IN ({{ param 'insecure_ports' }})
{{ partial 'evidence-group' { detail: 'action', detail_column: 'action' } }}
