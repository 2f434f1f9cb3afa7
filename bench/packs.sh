#!/usr/bin/env bash
# Benchmark: every query of every pack (`run --pack all`) over one day of generated flow logs with all 54
# fields, on the local engine, against two baselines measured in the same run: one query alone (one parse of
# the day, the least any answer costs) and each query as its own process (what separate scripts would do).
# Writes docs/BENCHMARKS-packs.md and the packs section of docs/BENCHMARKS.md.
# Usage: bench/packs.sh [records] [repeats]
set -eu
cd "$(dirname "$0")/.."

records=${1:-1000000}
repeats=${2:-3}
data=bench/data/packs-$records
out=bench/results/packs
from=2026-11-02
to=2026-11-03
mkdir -p "$out"

source bench/lib.sh
build_cli
format=$(all_fields_format)

generate_once "$data" "$from" "$to" "$records"

# The values queries cannot default: the policy networks here, the busiest pair's addresses below.
pack_params

# Best wall time of $repeats runs, in seconds.
best() {
  local best_time=999999 start end elapsed
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N); bash -c "$1" >/dev/null 2>&1; end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc -l)
    if (( $(echo "$elapsed < $best_time" | bc -l) )); then best_time=$elapsed; fi
  done
  printf '%.2f' "$best_time"
}

# The text path, as these baselines were first measured; bench/run.sh measures the columnar store.
common="--engine local --source $data --from $from --to $to --store off"
single=$(best "$cli run top-talkers $common --output csv --out $out/top-talkers.csv")
# The address queries follow the busiest pair of the day.
IFS=, read -r top_src top_dst _ < <(tail -n +2 "$out/top-talkers.csv" | head -1 | tr -d '\r')
given+=(--param "address=$top_src" --param "address_a=$top_src" --param "address_b=$top_dst")
rm -rf "$out/packs"
pack=$(best "rm -rf $out/packs && $cli run --pack all $common ${given[*]} --out $out/packs")
"$cli" run --pack all $common "${given[@]}" --out "$out/packs" >/dev/null 2>&1 || { echo "the pack run failed" >&2; exit 1; }

# The per-query rows of every summary (compliance summaries have their own columns; count their files).
ok_queries=()
table=""
for summary in "$out"/packs/*/summary.csv; do
  pack_name=$(basename "$(dirname "$summary")")
  header=$(head -1 "$summary" | tr -d '\r')
  while IFS=, read -r query status rows seconds rest; do
    [ "$query" = query ] || [ "$query" = control ] && continue
    # Query summaries: query,status,rows,seconds,…; compliance: control,status,evidence_count,evidence_file.
    if [[ $header == query,* ]]; then table+="| $pack_name | $query | $status | $rows | $seconds |"$'\n'
    else table+="| $pack_name | $query | $status | $rows evidence rows | |"$'\n'; fi
    [ "$status" = skipped ] || ok_queries+=("$query")
  done < <(tr -d '\r' < "$summary")
done
ran=${#ok_queries[@]}
(( ran >= ${MIN_QUERIES:-20} )) || { echo "only $ran queries ran; the benchmark needs ${MIN_QUERIES:-20} or more" >&2; exit 1; }

# Baseline 2: each query as its own process, once.
separate=0
for query in "${ok_queries[@]}"; do
  start=$(date +%s.%N)
  "$cli" run "$query" $common "${given[@]}" --output csv --out "$out/alone-$query.csv" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  separate=$(echo "$separate + $end - $start" | bc -l)
done
separate=$(printf '%.2f' "$separate")

size=$(du -cb $(find "$data" -name '*.log.gz') | tail -1 | cut -f1)
ratio() { echo "scale=2; $1 / $2" | bc -l; }
summary_line="A pack of $ran queries (\`run --pack all\`) over one day of $records records (all 54 fields, $((size / 1048576)) MiB gzip) takes **$pack s** on the local engine: **$(ratio "$pack" "$single")×** one query alone ($single s), and **$(ratio "$separate" "$pack")× faster** than running each query as its own process ($separate s)."

cat > docs/BENCHMARKS-packs.md <<MD
# Benchmark: every pack over one day

Measured by \`bench/packs.sh $records $repeats\` on $(nproc) cores, $(date -u +%Y-%m-%d). Data: $records generated records for
one day ($from), one account and region, all 54 fields, 4 gzip files, $((size / 1048576)) MiB, planted findings on (seed 7).
Pack and single-query figures are the best of $repeats whole-process runs; the separate-process total is one run of each.

$summary_line

| run | seconds | ratio to one query alone |
|---|---:|---:|
| \`run top-talkers\` (one parse of the day: the baseline) | $single | 1.00 |
| \`run --pack all\` ($ran queries, the window parsed once into memory) | $pack | $(ratio "$pack" "$single") |
| each of the $ran queries as its own process | $separate | $(ratio "$separate" "$single") |

Queries in the run, from each pack's summary.csv: seconds inside the pack run, where the first query's include
loading the window into memory and every later one reads it there. Compliance controls show their evidence count
(the generated data's planted violations, with the documented compliance parameters).

| pack | query | status | rows | seconds |
|---|---|---|---:|---:|
$table
MD

# The headline goes into BENCHMARKS.md between its markers (bench/run.sh keeps them).
block=$(printf '<!-- packs -->\n## Every pack over one day\n\n%s Details: [BENCHMARKS-packs.md](BENCHMARKS-packs.md), by `bench/packs.sh`.\n<!-- /packs -->' "$summary_line")
if grep -q '<!-- packs -->' docs/BENCHMARKS.md; then
  python3 - "$block" <<'PY'
import re, sys
path = "docs/BENCHMARKS.md"
text = open(path).read()
text = re.sub(r"<!-- packs -->.*?<!-- /packs -->", lambda _: sys.argv[1], text, flags=re.S)
open(path, "w").write(text)
PY
else
  printf '\n%s\n' "$block" >> docs/BENCHMARKS.md
fi
cat docs/BENCHMARKS-packs.md
