# Shared by the bench scripts (sourced): the CLI build, the all-field format, and the pack parameters.
# shellcheck shell=bash

# Builds the CLI in Release and sets $cli.
build_cli() {
  dotnet build src/FlowLogAthena.Cli -c Release --nologo -v q >/dev/null
  cli=src/FlowLogAthena.Cli/bin/Release/net10.0/flowlog-athena
}

# Every field AWS documents, read from the tool's own catalog.
all_fields_format() {
  local format
  format=$("$cli" fields --kind vpc | awk -F'│' 'NR > 3 && NF > 3 { gsub(/ /, "", $2); if ($2 != "") printf "${%s} ", $2 }' | sed 's/ $//')
  [ "$(wc -w <<< "$format")" -ge 54 ] || { echo "could not read the field list from '$cli fields'" >&2; return 1; }
  echo "$format"
}

# Generates $4 records with $format over [$2, $3) into folder $1 (one account and region, 4 files a partition,
# seed 7), unless an earlier run finished doing so.
generate_once() {
  local data=$1
  [ -f "$data/.done" ] && return 0
  rm -rf "$data"
  "$cli" generate --out "$data" --from "$2" --to "$3" --records "$4" --format "$format" \
    --accounts 012345678901 --regions us-east-1 --files-per-partition 4 --seed 7 >/dev/null
  touch "$data/.done"
}

# The top-talkers benchmark set (bench/run.sh, bench/ranges.sh): $1 records of the default v2 format over 2026-11-02 in
# 5 gzip files (one account and region, seed 7) under bench/data, unless an earlier run made exactly that.
generate_benchmark_set() {
  local records=$1 data=bench/data
  if [ ! -f "$data/.records-$records" ]; then
    rm -rf "$data"
    "$cli" generate --out "$data" --from 2026-11-02 --to 2026-11-03 --records "$records" \
      --accounts 012345678901 --regions us-east-1 --files-per-partition 5 --seed 7
    touch "$data/.records-$records"
  fi
}

# Best wall time of $repeats runs of the shell command $1, in seconds.
best() {
  local best_time=999999 start end elapsed
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N); bash -c "$1" >/dev/null || { echo "failed: $1" >&2; return 1; }; end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc -l)
    if (( $(echo "$elapsed < $best_time" | bc -l) )); then best_time=$elapsed; fi
  done
  printf '%.2f' "$best_time"
}

# Sets the array $given to the --param flags a pack run needs on generated data: the compliance parameters
# queries/README.md documents (clean data passes, planted fails), only those some query declares.
pack_params() {
  local params=() declared name i
  while read -r flag value; do params+=("$flag" "$value"); done < <(grep -E '^--param (allowed_admin_cidrs|internal_cidrs|allowed_egress_cidrs|forbidden_cidrs)=' queries/README.md)
  # (own: "- name: x"; shared: "- x" or "- use: x", see queries/README.md)
  declared=$(sed -n '/^parameters:/,/^[a-z_]*:/p' queries/*/*.sql \
    | awk '$1 == "-" && ($2 == "name:" || $2 == "use:") { print $3 } $1 == "-" && NF == 2 { print $2 }' | sort -u)
  given=()
  for ((i = 0; i < ${#params[@]}; i += 2)); do
    name=${params[i+1]%%=*}
    if grep -qx "$name" <<< "$declared"; then given+=("${params[i]}" "${params[i+1]}"); fi
  done
}

# Starts moto on a free loopback port, logging to $1/moto.log; sets $endpoint and $moto and stops it on exit.
start_moto() {
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  endpoint=http://127.0.0.1:$port/
  python3 -m moto.server -H 127.0.0.1 -p "$port" >"$1/moto.log" 2>&1 &
  moto=$!
  trap 'kill "$moto" 2>/dev/null || true; wait "$moto" 2>/dev/null || true' EXIT
  for _ in $(seq 300); do
    curl -fs "${endpoint}moto-api/" >/dev/null && return 0
    kill -0 "$moto" 2>/dev/null || { echo "moto exited; see $1/moto.log" >&2; return 1; }
    sleep 0.2
  done
  echo "moto did not answer on $endpoint" >&2
  return 1
}
