#!/usr/bin/env bash
# Benchmark: top-talkers over 5 M generated flow records in 5 gzip files, timed as whole processes in one
# run against the decompression floor (zcat | wc -l, alone and two in parallel) and an awk pipeline that
# computes the same answer: on the text (--store off), building the columnar store on the way, and from the
# store. Writes docs/BENCHMARKS.md. Usage: bench/run.sh [records] [repeats]
set -eu
cd "$(dirname "$0")/.."

records=${1:-5000000}
repeats=${2:-3}
data=bench/data
out=bench/results
mkdir -p "$out"

source bench/lib.sh
build_cli

generate_benchmark_set "$records"
# Only the top-talkers records: bench/packs.sh keeps its own data set beside them, under $data/packs-*.
mapfile -t files < <(find "$data/AWSLogs" -name '*.log.gz' | sort)
(( ${#files[@]} >= 5 )) || { echo "expected at least 5 gzip files, found ${#files[@]}" >&2; exit 1; }
half=$(( ${#files[@]} / 2 ))
from=$(date -u -d 2026-11-02 +%s); to=$(date -u -d 2026-11-03 +%s)

zcat_one=$(best "zcat ${files[*]} | wc -l")
zcat_two=$(best "(zcat ${files[*]:0:$half} | wc -l) & (zcat ${files[*]:$half} | wc -l) & wait")
awk_prog='NR>1 && $14=="OK" && $11>='$from' && $11<'$to' {k=$4 "," $5; b[k]+=$10; p[k]+=$9; n[k]++} END {for (k in b) printf "%s,%.0f,%.0f,%d\n", k, b[k], p[k], n[k]}'
awk_time=$(best "zcat ${files[*]} | awk '$awk_prog' | LC_ALL=C sort -t, -k3,3nr -k4,4nr -k1,1 -k2,2 | head -10")
run_cli="$cli run top-talkers --engine local --source $data --from 2026-11-02 --to 2026-11-03 --param limit=10 --output csv"
cli_time=$(best "$run_cli --store off --out $out/top-talkers.csv")
# The columnar store: built from nothing on each first run, then read by the repeats.
store=bench/store
first_time=$(best "rm -rf $store && $run_cli --store $store --out $out/store-first.csv")
repeat_time=$(best "$run_cli --store $store --out $out/store-repeat.csv")
store_size=$(du -sb "$store" | cut -f1)

# The two answers must agree before any time means anything; this pass also measures the cardinality and
# the engine's own share of the CLI's wall time.
zcat "${files[@]}" | awk "$awk_prog" > "$out/awk-all.csv"
pairs=$(wc -l < "$out/awk-all.csv")
LC_ALL=C sort -t, -k3,3nr -k4,4nr -k1,1 -k2,2 "$out/awk-all.csv" | head -10 | cut -d, -f1-5 > "$out/awk.csv"
engine_time=$("$cli" run top-talkers --engine local --source "$data" --from 2026-11-02 --to 2026-11-03 --param limit=10 \
  --store off --output csv --out "$out/top-talkers.csv" 2>&1 | grep -Eo 'in [0-9.]+ s' | grep -Eo '[0-9.]+')
for answer in top-talkers store-first store-repeat; do
  tail -n +2 "$out/$answer.csv" | tr -d '\r' | cut -d, -f1-5 > "$out/cli.csv"
  if ! diff -q "$out/awk.csv" "$out/cli.csv" >/dev/null; then
    echo "top-talkers answers differ between awk and the CLI ($answer):" >&2; diff "$out/awk.csv" "$out/cli.csv" >&2 || true; exit 1
  fi
done

size=$(du -cb "${files[@]}" | tail -1 | cut -f1)
ratio() { echo "scale=2; $1 / $2" | bc -l; }
# bench/packs.sh owns the section between the packs markers; keep it.
packs_block=$(sed -n '/<!-- packs -->/,/<!-- \/packs -->/p' docs/BENCHMARKS.md 2>/dev/null || true)
cat > docs/BENCHMARKS.md <<MD
# Benchmarks

Measured by \`bench/run.sh $records $repeats\` on $(nproc) cores, $(date -u +%Y-%m-%d). Best of $repeats runs, whole
processes. Data: $records generated records (default v2 format, seed 7) in ${#files[@]} gzip files, $((size / 1048576)) MiB,
realistic cardinality (millions of distinct address pairs plus heavy hitters). The CLI's and awk's answers are
checked equal before timing counts.

| command | seconds | ratio to parallel zcat floor |
|---|---:|---:|
| \`zcat \| wc -l\` (decompression floor) | $zcat_one | $(ratio "$zcat_one" "$zcat_two") |
| \`zcat \| wc -l\`, 2 in parallel (the floor) | $zcat_two | 1.00 |
| awk pipeline, same top-talkers | $awk_time | $(ratio "$awk_time" "$zcat_two") |
| \`flowlog-athena run top-talkers --engine local --store off\` (the text) | $cli_time | $(ratio "$cli_time" "$zcat_two") |
| the same, first run, columnar store built on the way | $first_time | $(ratio "$first_time" "$zcat_two") |
| the same, repeat run, from the columnar store | $repeat_time | $(ratio "$repeat_time" "$zcat_two") |

- CLI on the text vs awk: **$(ratio "$awk_time" "$cli_time")× faster** (budget: at least 3×).
- CLI on the text vs the parallel-zcat floor: **$(ratio "$cli_time" "$zcat_two")×** (budget: within 2.5×).
- Repeat run from the store vs awk: **$(ratio "$awk_time" "$repeat_time")× faster** (budget: at least 30×), whole process, start-up included.
- First run, store built on the way, vs the text-only run: **$(ratio "$first_time" "$cli_time")×** (budget: at most 1.5×).
- Store size: $((store_size / 1048576)) MiB of zstd Parquet for $((size / 1048576)) MiB of gzip text (**$(ratio "$store_size" "$size")×**).

## What stands between the CLI and the floor

The floor only inflates and counts newlines. Of the CLI's $cli_time s, DuckDB's query takes $engine_time s; the rest is
process start (the .NET runtime and loading DuckDB's native library), listing the window's partitions and
reading every file's header line to learn the format. Inside the query:

- **Every file is checked in full beside it.** A cut gzip reads as fewer records without any error in DuckDB, so
  each file is inflated once more by .NET (zlib-ng, about 2.4 s of one core for these files) to prove it complete.
  That runs on one core while DuckDB reads (\`CheckedRead\`), filling the time DuckDB leaves a core idle;
  run before the query instead, as on 2026-12-05 morning, it made the CLI 3.05× the floor.
- **Parsing and aggregating, not inflating, is most of it.** The same query on the same text uncompressed ran only
  about 15% faster on this machine (2026-11-22), so DuckDB's gzip reading costs little; typing 14 columns of each of
  $records lines and a hash aggregate over $pairs distinct (srcaddr, dstaddr) VARCHAR pairs cost the rest.
- **One thread per gzip file.** A gzip stream cannot be split, so DuckDB reads each file on one thread; with
  ${#files[@]} files on $(nproc) cores the last file runs alone for part of the time (more, smaller files balance better).
- **The text is the floor only once.** The columnar store converts it on the first run (inflate, parse, type and
  write zstd Parquet, beside the same full-file check), and every later run reads only the columns its query
  needs, already typed: the repeat row above.

## The columnar store against its budgets (issue 12, first measurement)

Two budgets are not met yet. The parts below were measured on 2026-12-05 with DuckDB alone, over the same 5 M records.

- **Repeat run (budget: at least 30× faster than awk).** About 1.3 s of the repeat run is fixed cost before any
  data is read: the .NET start and JIT, loading DuckDB's native library, and loading the query catalog.
  \`flowlog-athena fields\` alone takes 0.7–0.8 s here. The rest is DuckDB's hash aggregate over the millions of
  distinct (srcaddr, dstaddr) VARCHAR pairs, about 1.2–1.6 s on 2 cores even from Parquet.
  Reaching 1/30 of awk, about 0.7 s, needs both of these:
  - a faster start: ReadyToRun for the tool (crossgen2 for linux-x64 is on the mirror);
  - addresses the aggregate groups as integers rather than text: a typed address column in the store.
- **First run (budget: at most 1.5× the text-only run).** Converting one day takes about 9 s of DuckDB time:
  - about 3.7 s to parse the CSV;
  - about 4–5 s to write zstd Parquet. An uncompressed Parquet takes as long; dropping the three address columns
    saves a third of it.

  The full-file gzip check runs beside it on one of the two cores. Reading the fresh Parquet then takes about 2 s.
  Options not yet tried:
  - answer the first run's query from the view that is being converted, so the text is parsed once for both;
  - write the Parquet with \`COMPRESSION_LEVEL 1\`: 3.6 s instead of 4.2 s in one measurement, for 3% more bytes.

Athena results (the S3 object against GetQueryResults pages, and export memory): [BENCHMARKS-athena.md](BENCHMARKS-athena.md), by \`bench/athena-results.sh\`.

The Parquet twin on Athena (bytes each query scans on the text table and on the twin, from \`estimate\`, and compaction
time): [BENCHMARKS-twin.md](BENCHMARKS-twin.md), by \`bench/twin.sh\`. Every pack over a week from the store at several
sizes (time, peak memory, adding a day): [BENCHMARKS-week.md](BENCHMARKS-week.md), by \`bench/week.sh\`. Classifying destinations by AWS's address ranges, against the same query without it:
[BENCHMARKS-ranges.md](BENCHMARKS-ranges.md), by \`bench/ranges.sh\`.
MD
if [ -n "$packs_block" ]; then printf '\n%s\n' "$packs_block" >> docs/BENCHMARKS.md; fi
cat docs/BENCHMARKS.md
