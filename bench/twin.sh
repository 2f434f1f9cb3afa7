#!/usr/bin/env bash
# Benchmark: what Athena would scan for every query of every pack over a week of all-field flow logs, on the text
# table and on its Parquet twin, as `estimate` computes it (text: its objects whole; twin: the column chunks each
# query reads, from the objects' Parquet footers). The twin is made by `compact --engine local` against moto (S3
# and Glue on loopback, started and stopped here); the compaction's time and sizes are reported too.
# Writes docs/BENCHMARKS-twin.md. Usage: bench/twin.sh [records]   (default 2000000 over 7 days)
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-2000000}
out=bench/results/twin
from=2026-11-02
to=2026-11-09
mkdir -p "$out"
rm -rf "$out/cache" "$out/store"

source bench/lib.sh
build_cli
format=$(all_fields_format)

start_moto "$out"
export AWS_ENDPOINT_URL=$endpoint AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
unset AWS_PROFILE
python3 -c "import boto3; boto3.client('s3', endpoint_url='$endpoint', region_name='us-east-1').create_bucket(Bucket='bench')"

# A week of text logs in S3, and the text table over them.
"$cli" generate --out s3://bench/text --from "$from" --to "$to" --records "$records" --format "$format" \
  --accounts 012345678901 --regions us-east-1 --files-per-partition 4 --seed 11 >/dev/null
"$cli" provision --source s3://bench/text --format "$format" --database bench --table text --start-date "$from" >/dev/null

start=$(date +%s.%N)
"$cli" compact --engine local --database bench --table text --twin s3://bench/twin --from "$from" --to "$to" \
  --cache "$out/cache" --store "$out/store" >"$out/compact.txt" 2>&1 || { cat "$out/compact.txt" >&2; exit 1; }
compact_seconds=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc -l)")
rerun_start=$(date +%s.%N)
"$cli" compact --engine local --database bench --table text --twin s3://bench/twin --from "$from" --to "$to" \
  --cache "$out/cache" --store "$out/store" >"$out/compact-rerun.txt" 2>&1
rerun_seconds=$(printf '%.1f' "$(echo "$(date +%s.%N) - $rerun_start" | bc -l)")
grep -q "0 days compacted, 7 up to date" "$out/compact-rerun.txt" || { cat "$out/compact-rerun.txt" >&2; exit 1; }
summary=$(grep -o '[0-9]* days compacted.*(.*×)' "$out/compact.txt" | head -1)

# Every query's estimate on the text and on the twin; the rows of estimate's table give the bytes to scan.
rows=""
text_total=0 twin_total=0
to_bytes() { python3 -c "import sys; n, u = sys.argv[1], sys.argv[2]; print(int(float(n) * {'B': 1, 'KiB': 1024, 'MiB': 1024**2, 'GiB': 1024**3, 'TiB': 1024**4}[u]))" "$1" "$2"; }
for file in $(find queries -name '*.sql' -not -path '*/partials/*' | sort); do
  pack=$(basename "$(dirname "$file")") id=$(basename "$file" .sql)
  report=$("$cli" estimate "$id" --source s3://bench/text --format "$format" --twin s3://bench/twin --from "$from" --to "$to" 2>"$out/estimate-$id.err")
  text=$(grep '(text)' <<<"$report" | awk -F'│' '{ print $7 }' | awk '{ print $1, $2 }')
  twin=$(grep '(parquet)' <<<"$report" | awk -F'│' '{ print $7 }' | awk '{ print $1, $2 }')
  text_cost=$(grep '(text)' <<<"$report" | awk -F'│' '{ gsub(/ /, "", $8); print $8 }')
  twin_cost=$(grep '(parquet)' <<<"$report" | awk -F'│' '{ gsub(/ /, "", $8); print $8 }')
  text_b=$(to_bytes $text) twin_b=$(to_bytes $twin)
  text_total=$((text_total + text_b)) twin_total=$((twin_total + twin_b))
  columns=$(grep -o 'reads [0-9]* of' "$out/estimate-$id.err" | awk '{ print $2 }')
  rows+=$(printf '| %s/%s | %s | %s | %s | %.1f× | %s → %s |' "$pack" "$id" "$columns" "$text" "$twin" "$(echo "$text_b / $twin_b" | bc -l)" "$text_cost" "$twin_cost")$'\n'
done
mib() { printf '%.1f MiB' "$(echo "$1 / 1048576" | bc -l)"; }
ratio=$(printf '%.1f' "$(echo "$text_total / $twin_total" | bc -l)")

cat > docs/BENCHMARKS-twin.md <<MD
# Benchmarks: the Parquet twin on Athena (issue 12, item 5)

Measured by \`bench/twin.sh $records\` on $(nproc) cores, $(date -u +%Y-%m-%d), against moto
$(python3 -c 'import moto; print(moto.__version__)') on loopback (S3 and Glue; started and stopped by the script): $records generated
records with all 54 fields over 7 days ($from to $to, one account and region, 4 gzip objects a day).

## Compaction

\`compact --engine local\` of the week: **$compact_seconds s** (sync from S3, conversion through the columnar store, upload,
day markers); $summary. A rerun found every day up to date and wrote nothing: $rerun_seconds s.

## Bytes to scan, text table against the twin, from \`estimate\`

Text is read whole by Athena (gzip objects); on the twin each query reads only the column chunks of the columns it
uses (plus the footers), as summed from each object's footer by \`estimate --twin\`. Cost at \$5/TB with Athena's
10 MB minimum per query.

| query | columns read (of 54) | text | twin | less on the twin | cost per run (USD), text → twin |
|---|---:|---:|---:|---:|---|
$rows
Every query of every pack once over the week: **$(mib $text_total) on the text against $(mib $twin_total) on the twin, $ratio× less.**
MD
cat docs/BENCHMARKS-twin.md
