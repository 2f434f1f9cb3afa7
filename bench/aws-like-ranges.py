#!/usr/bin/env python3
"""Writes an ip-ranges.json of AWS's size and shape (no network here to fetch the real one): about 9,000 IPv4 and
4,500 IPv6 entries, every range also under AMAZON, service ranges nested in wider AMAZON ones, 30 regions and GLOBAL,
plus the generator's own AWS ranges (so generated traffic finds them). Deterministic. Usage: aws-like-ranges.py OUT"""
import ipaddress
import json
import random
import sys

rng = random.Random(20261206)
regions = [f"{area}-{side}-{n}" for area in ("us", "eu", "ap", "sa", "ca", "me") for side in ("east", "west", "north", "south", "central") for n in (1, 2)][:30]
services = ["EC2", "EC2", "EC2", "S3", "DYNAMODB", "CLOUDFRONT", "ROUTE53_HEALTHCHECKS", "API_GATEWAY", "EC2_INSTANCE_CONNECT", "AMAZON_CONNECT",
            "GLOBALACCELERATOR", "CODEBUILD", "WORKSPACES_GATEWAYS", "KINESIS_VIDEO_STREAMS", "CHIME_VOICECONNECTOR"]
entries = []
seen = set()

def add(prefix, region, service):
    key = (prefix, region, service)
    if key not in seen:
        seen.add(key)
        entries.append((prefix, region, service))

# IPv4: AMAZON blocks /10 to /16 in AWS-like first octets, each split into service prefixes /16 to /28.
firsts = [3, 13, 15, 16, 18, 23, 34, 35, 43, 44, 46, 50, 51, 52, 54, 57, 63, 64, 67, 70, 72, 75, 76, 79, 87, 96, 99, 100, 103, 104, 107, 108,
          122, 130, 136, 140, 143, 144, 150, 151, 157, 160, 161, 162, 174, 175, 176, 177, 184, 185, 204, 205, 207, 209, 216]
while len([e for e in entries if ":" not in e[0]]) < 9000:
    length = rng.choice([10, 11, 12, 13, 14, 15, 16])
    net = ipaddress.ip_network((rng.choice(firsts) << 24 | rng.getrandbits(24)) & ~((1 << (32 - length)) - 1))
    net = ipaddress.ip_network(f"{net.network_address}/{length}")
    region = rng.choice(regions + ["GLOBAL"] if rng.random() < 0.05 else regions)
    add(str(net), region, "AMAZON")
    for _ in range(rng.randint(1, 12)):
        sub_len = rng.randint(max(length, 16), 28)
        sub = ipaddress.ip_network((int(net.network_address) | rng.getrandbits(32 - length)) & ~((1 << (32 - sub_len)) - 1))
        sub = ipaddress.ip_network(f"{sub.network_address}/{sub_len}")
        service = rng.choice(services)
        add(str(sub), region, "AMAZON")
        add(str(sub), region, service)

# IPv6: AMAZON /32 to /40 under AWS's blocks, service prefixes /40 to /64.
blocks = [ipaddress.ip_network(b) for b in ("2600:1f00::/24", "2a05:d000::/25", "2406:da00::/24", "2600:9000::/28", "2620:107:3000::/44", "2a01:578::/32")]
while len([e for e in entries if ":" in e[0]]) < 4500:
    block = rng.choice(blocks)
    length = rng.randint(max(block.prefixlen, 32), max(block.prefixlen, 40))
    value = int(block.network_address) | (rng.getrandbits(128 - block.prefixlen) & ((1 << (128 - block.prefixlen)) - 1))
    net = ipaddress.ip_network((value >> (128 - length) << (128 - length), length))
    region = rng.choice(regions)
    add(str(net), region, "AMAZON")
    for _ in range(rng.randint(1, 8)):
        sub_len = rng.randint(max(length, 40), 64)
        sub_value = int(net.network_address) | rng.getrandbits(128 - length)
        sub = ipaddress.ip_network((sub_value >> (128 - sub_len) << (128 - sub_len), sub_len))
        add(str(sub), region, rng.choice(services))

# The generator's ranges (Synthetic/Network/AwsServices) in its benchmark region and another.
for prefix, region, service in [("52.216.0.0/15", "us-east-1", "S3"), ("3.5.0.0/19", "eu-west-1", "S3"), ("52.94.0.0/22", "us-east-1", "DYNAMODB"),
                                ("3.80.0.0/12", "us-east-1", "EC2"), ("54.144.0.0/12", "eu-west-1", "EC2"), ("13.32.0.0/15", "GLOBAL", "CLOUDFRONT"),
                                ("54.239.0.0/17", "us-east-1", "AMAZON"), ("54.243.31.192/26", "us-east-1", "ROUTE53_HEALTHCHECKS"),
                                ("3.216.135.0/24", "us-east-1", "API_GATEWAY"), ("18.206.107.24/29", "us-east-1", "EC2_INSTANCE_CONNECT")]:
    add(prefix, region, "AMAZON")
    add(prefix, region, service)

def shape(prefix, region, service, key):
    return {key: prefix, "region": region, "service": service, "network_border_group": region}

document = {
    "syncToken": "1790000000",
    "createDate": "2026-09-21-12-00-00",
    "prefixes": [shape(p, r, s, "ip_prefix") for p, r, s in entries if ":" not in p],
    "ipv6_prefixes": [shape(p, r, s, "ipv6_prefix") for p, r, s in entries if ":" in p],
}
with open(sys.argv[1], "w") as out:
    json.dump(document, out, indent=1)
