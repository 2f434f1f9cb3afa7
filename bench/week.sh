#!/usr/bin/env bash
# Benchmark: every pack over a week of all-field flow logs read from the local columnar store, at several sizes:
# wall time and peak resident memory of `run --pack all` (the store already built), how long adding the seventh day
# to a six-day store takes against building those six days, and the store's size against the gzip text.
# Writes docs/BENCHMARKS-week.md. Usage: bench/week.sh [records…]   (defaults: 6000000 12000000 24000000)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
(( ${#sizes[@]} > 0 )) || sizes=(6000000 12000000 24000000)
out=bench/results/week
from=2026-11-02
sixth=2026-11-08
to=2026-11-09
mkdir -p "$out"

source bench/lib.sh
build_cli
format=$(all_fields_format)
pack_params

# Wall seconds and peak RSS (KiB) of a command, as "seconds kib".
measure() {
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" >"$out/last.log" 2>&1 || { cat "$out/last.log" >&2; return 1; }
  cat "$out/time.txt"
}

declare -A build6=() add1=() pack_s=() pack_kb=() gzip_mb=() store_mb=() ran=()
for records in "${sizes[@]}"; do
  data=bench/data/week-$records
  store=bench/store/week-$records
  generate_once "$data" "$from" "$to" "$records"
  rm -rf "$store"
  common=(--engine local --source "$data" --format "$format" --store "$store")
  # Six days into the store, then the seventh added: only its partition is converted.
  read -r build6[$records] _ < <(measure "$cli" run top-talkers "${common[@]}" --from "$from" --to "$sixth" --output csv --out "$out/top6.csv")
  read -r add1[$records] _ < <(measure "$cli" run top-talkers "${common[@]}" --from "$from" --to "$to" --output csv --out "$out/top7.csv")
  grep -q "Columnar store: 1 of 7 partitions converted" "$out/last.log" || { echo "adding the seventh day converted more than it:" >&2; cat "$out/last.log" >&2; exit 1; }
  IFS=, read -r top_src top_dst _ < <(tail -n +2 "$out/top7.csv" | head -1 | tr -d '\r')
  rm -rf "$out/packs"
  read -r pack_s[$records] pack_kb[$records] < <(measure "$cli" run --pack all "${common[@]}" --from "$from" --to "$to" "${given[@]}" \
    --param "address=$top_src" --param "address_a=$top_src" --param "address_b=$top_dst" --out "$out/packs")
  grep -q "7 partitions read as stored" "$out/last.log" || { echo "the pack run did not read the store alone:" >&2; cat "$out/last.log" >&2; exit 1; }
  ran[$records]=$(cat "$out"/packs/*/summary.csv | tr -d '\r' | awk -F, '$2 == "ok" || $2 == "pass" || $2 == "fail" || $2 == "no-data"' | wc -l)
  gzip_mb[$records]=$(( $(du -cb $(find "$data" -name '*.log.gz') | tail -1 | cut -f1) / 1048576 ))
  store_mb[$records]=$(( $(du -cb $(find "$store" -name 'part-*.parquet') | tail -1 | cut -f1) / 1048576 ))
done

mb() { printf '%.0f' "$(echo "$1 / 1024" | bc -l)"; }
rows=""
for records in "${sizes[@]}"; do
  per_day=$(printf '%.2f' "$(echo "${build6[$records]} / 6" | bc -l)")
  rows+="| $records | ${gzip_mb[$records]} MiB | ${store_mb[$records]} MiB | ${build6[$records]} s ($per_day s a day) | ${add1[$records]} s | ${pack_s[$records]} s | $(mb "${pack_kb[$records]}") MiB | ${ran[$records]} |"$'\n'
done
small=${sizes[0]} large=${sizes[-1]}
flat=$(printf '%.2f' "$(echo "${pack_kb[$large]} / ${pack_kb[$small]}" | bc -l)")

# The analysis under the table is written by people; a rerun keeps it.
analysis=$(sed -n '/<!-- analysis -->/,/<!-- \/analysis -->/p' docs/BENCHMARKS-week.md 2>/dev/null || true)
cat > docs/BENCHMARKS-week.md <<MD
# Benchmarks: every pack over a week from the columnar store (issue 12, item 5)

Measured by \`bench/week.sh ${sizes[*]}\` on $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%d). Data: generated records with all 54 fields
over 7 days ($from to $to, one account and region, 4 gzip files a day, planted findings, seed 7). Each size gets a
fresh store. One run of each step, as whole processes (\`/usr/bin/time\`: wall time, peak resident memory), with the
default \`--memory-limit\`.

- *six days*: \`run top-talkers\` over the first six days, converting them into the store (and answering);
- *add day 7*: the same over the whole week, which converts only the seventh day (checked from its note);
- *packs*: \`run --pack all\` over the week, every query reading the store (checked: no text read).

| records | gzip text | store | six days into the store | add day 7 | packs over the week | peak RSS of the packs | queries run |
|---:|---:|---:|---:|---:|---:|---:|---:|
$rows
Peak RSS of the packs at ${large} records against ${small}: **${flat}×**.
MD
if [ -n "$analysis" ]; then printf '\n%s\n' "$analysis" >> docs/BENCHMARKS-week.md; fi
cat docs/BENCHMARKS-week.md
