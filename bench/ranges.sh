#!/usr/bin/env bash
# Benchmark: classifying destinations by AWS's address ranges (paths/aws-destinations) over the 5 M-record
# top-talkers set, against the same query without the lookup (bench/queries/destinations-without-ranges.sql), both
# read from the columnar store, whole processes, best of $repeats. The ranges are an ip-ranges.json of AWS's size and
# shape (bench/aws-like-ranges.py; no network here). Also records the lookup table Athena joins (rows, rows per
# bucket). Writes docs/BENCHMARKS-ranges.md. Usage: bench/ranges.sh [records] [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-5000000}
repeats=${2:-3}
data=bench/data
out=bench/results
mkdir -p "$out"

source bench/lib.sh
build_cli
generate_benchmark_set "$records"

ranges=$out/aws-like-ranges.json
python3 bench/aws-like-ranges.py "$ranges"
# The shipped packs and the baseline, as one catalog.
queries=$out/ranges-queries
rm -rf "$queries"; cp -r queries "$queries"; mkdir -p "$queries/bench"; cp bench/queries/destinations-without-ranges.sql "$queries/bench/"

store=bench/store
window="--from 2026-11-02 --to 2026-11-03"
run="$cli run --engine local --source $data $window --store $store --queries $queries --output csv"
# Converts the day into the store if an earlier benchmark has not (not timed).
$run destinations-without-ranges --ip-ranges off --out "$out/without-ranges.csv" >/dev/null 2>&1

with_time=$(best "$run aws-destinations --ip-ranges $ranges --param limit=100000 --out $out/aws-destinations.csv")
without_time=$(best "$run destinations-without-ranges --ip-ranges off --out $out/without-ranges.csv")
# A query that does not read the ranges must not pay for them (they are read, and their table made, on first use).
idle_off=$(best "$run top-talkers --ip-ranges off --out $out/top-off.csv")
idle_on=$(best "$run top-talkers --ip-ranges $ranges --out $out/top-on.csv")
with_engine=$($run aws-destinations --ip-ranges "$ranges" --param limit=100000 --out "$out/aws-destinations.csv" 2>&1 | grep -Eo 'in [0-9.]+ s' | grep -Eo '[0-9.]+')
without_engine=$($run destinations-without-ranges --ip-ranges off --out "$out/without-ranges.csv" 2>&1 | grep -Eo 'in [0-9.]+ s' | grep -Eo '[0-9.]+')

# Sanity: AWS destinations are a part of all destinations, and some traffic reaches them.
all_bytes=$(tail -n +2 "$out/without-ranges.csv" | cut -d, -f3 | paste -sd+ | bc)
distinct=$(tail -n +2 "$out/without-ranges.csv" | cut -d, -f2 | paste -sd+ | bc)
aws_bytes=$(tail -n +2 "$out/aws-destinations.csv" | awk -F, '{ print $(NF-2) }' | paste -sd+ | bc)
aws_rows=$(( $(wc -l < "$out/aws-destinations.csv") - 1 ))
(( aws_rows > 0 )) || { echo "no traffic reached an AWS range" >&2; exit 1; }
(( $(echo "$aws_bytes > 0 && $aws_bytes < $all_bytes" | bc) )) || { echo "AWS bytes $aws_bytes not within all bytes $all_bytes" >&2; exit 1; }
table=$("$cli" ranges status --ip-ranges "$ranges" | sed -n '2,3p' | sed 's/^ *//')
ratio() { echo "scale=2; $1 / $2" | bc -l; }

cat > docs/BENCHMARKS-ranges.md <<MD
# Benchmarks: classifying addresses by AWS's ranges

Measured by \`bench/ranges.sh $records $repeats\` on $(nproc) cores, $(date -u +%Y-%m-%d). Best of $repeats runs, whole processes
(start-up included), both reading the columnar store. Data: the top-talkers set of [BENCHMARKS.md](BENCHMARKS.md)
($records records, default v2 format, one day), $distinct distinct destination addresses. Ranges: an ip-ranges.json of
AWS's size and shape written by \`bench/aws-like-ranges.py\` (no network here to fetch AWS's own), with the
generator's AWS ranges in it:

- ${table//$'\n'/$'\n'- }

| query | seconds | of which the query | ratio |
|---|---:|---:|---:|
| \`bench/destinations-without-ranges\` (the same records, distinct destinations and sums, no lookup) | $without_time | $without_engine | 1.00 |
| \`paths/aws-destinations\` (each distinct destination looked up, then joined back and grouped by range) | $with_time | $with_engine | $(ratio "$with_time" "$without_time") |

- AWS destinations: $aws_rows groups, $aws_bytes of $all_bytes bytes.
- A query that does not read the ranges pays nothing for them: \`top-talkers\` takes $idle_on s with the ranges given
  and $idle_off s with \`--ip-ranges off\` (the ranges are read, indexed and their table made only for a query that
  reads it; read up front, as first built, they added about 0.27 s to every run while a cached copy existed).
- The lookup joins each distinct destination (not each record) to the table on an equality of its bucket (the
  IPv4 /16 or IPv6 /32), then checks the interval's bounds: DuckDB plans a hash join, and so does Athena, whose
  planner turns a join with no equality into a nested loop (a cross join and a filter). An Athena probe filters at
  most the rows of one bucket (the table line above); a cross join would filter every row for every address.
MD
cat docs/BENCHMARKS-ranges.md
