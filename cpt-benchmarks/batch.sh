#!/usr/bin/env bash
# Times `cpt price --input` against its DuckDB peer as whole processes (start-up, loading the CMS
# files, pricing and writing included) over the same generated claim lines, checks that every
# amount is identical, and writes the figures to cpt-benchmarks/results/batch-<lines>-<stamp>.md.
# cpt runs as the README tells users to run it: through the `cpt` launcher the build places beside
# cpt.jar, with the JVM options the launcher picks.
#
#   CPT4J_CMS_DIR=/path/to/cms cpt-benchmarks/batch.sh [LINES [RUNS]]
#
# LINES defaults to 1000000 and RUNS to 5; the median of the runs is reported, after one untimed
# warm-up run of each (file cache). The input is generated once per size (again when the generator
# changes) by io.github.cpt4j.benchmarks.batch.BatchInput (fixed seed) under
# cpt-benchmarks/target/batch/.
# The pricers run alternately, so load from other processes hits both alike; the machine's load
# average before and after is recorded. Extra JVM options for cpt go in CPT_JAVA_OPTS, which the
# launcher reads. 10000000 lines take about 500 MB of input and 1.2 GB of outputs on disk.
#
# Both pricers read the full 2025 relative value and GPCI files from $CPT4J_CMS_DIR/2025/. The
# script builds the cpt and benchmarks jars when they are missing or older than the sources.
# CPT_LAUNCHER names another build's `cpt` launcher to time instead (with its cpt.jar and cpt.jsa
# beside it), for a before-and-after against DuckDB in the same minutes. Use that build's own
# target directory: the archive maps only for the jar at the path it was built with, and the
# report says whether it mapped.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
lines="${1:-1000000}"
runs="${2:-5}"
: "${CPT4J_CMS_DIR:?set CPT4J_CMS_DIR to the directory holding 2025/PPRRVU2025_Oct.csv}"
rvu="$CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv"
gpci="$CPT4J_CMS_DIR/2025/GPCI2025.csv"
cpt_jar="$root/cpt-cli/target/cpt.jar"
launcher="${CPT_LAUNCHER:-$root/cpt-cli/target/cpt}"
bench_jar="$here/target/benchmarks.jar"

if [ ! -f "$cpt_jar" ] || [ ! -x "$launcher" ] || [ ! -f "$bench_jar" ] || [ -n "$(find "$root/pom.xml" \
    "$root"/cpt-*/pom.xml "$root"/cpt-*/src -newer "$cpt_jar" -type f -print -quit)" ] \
    || [ -n "$(find "$root"/cpt-*/src -newer "$bench_jar" -type f -print -quit)" ]; then
  echo "Building the jars ..." >&2
  (cd "$root" && mvn -B -ntp -q package -DskipTests -pl cpt-cli,cpt-benchmarks -am)
fi

work="$here/target/batch"
mkdir -p "$work"
input="$work/lines-$lines.csv"
# Generated again when the generator's source is newer than the lines.
generator="$here/src/main/java/io/github/cpt4j/benchmarks/batch/BatchInput.java"
if [ ! -f "$input" ] || [ "$generator" -nt "$input" ]; then
  echo "Generating $lines lines ..." >&2
  java -cp "$bench_jar" io.github.cpt4j.benchmarks.batch.BatchInput "$rvu" "$lines" "$input"
fi

export CPT_JAVA_OPTS="${CPT_JAVA_OPTS:-}"
# The launcher ignores a class-data archive that does not match its jar, silently: a build copied
# elsewhere or a jar rebuilt after its archive then starts without any archive, the JDK's
# included, and costs some 0.25 s more CPU a run. Say so rather than time it unnoticed.
cds_used="yes"
if [ ! -f "$(dirname "$launcher")/cpt.jsa" ]; then
  cds_used="no (no cpt.jsa beside the launcher)"
elif ! CPT_JAVA_OPTS="$CPT_JAVA_OPTS -Xshare:on" "$launcher" --version > /dev/null 2>&1; then
  cds_used="NO: cpt.jsa does not match its cpt.jar (copied or rebuilt?)"
  echo "warning: $launcher runs without its class-data archive: $cds_used" >&2
fi
cpt=("$launcher" price --input "$input" --output "$work/cpt.csv" --rvu "$rvu" --gpci "$gpci")
duckdb=(java -cp "$bench_jar" io.github.cpt4j.benchmarks.batch.DuckDbPricer "$input" "$rvu"
  "$gpci" "$work/duckdb.csv")

# One timed run: wall seconds, CPU seconds (user + system), peak RSS in MiB.
timed() {
  local out="$work/time.txt"
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" > /dev/null
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$out"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
"${cpt[@]}" > /dev/null
"${duckdb[@]}" > /dev/null
# The first eight columns are the input's and the amount; the input has no quotes or commas.
if ! cmp -s <(cut -d, -f1-8 "$work/cpt.csv") <(cut -d, -f1-8 "$work/duckdb.csv"); then
  echo "The amounts differ:" >&2
  diff <(cut -d, -f1-8 "$work/cpt.csv") <(cut -d, -f1-8 "$work/duckdb.csv") | head -20 >&2
  exit 1
fi
amounts="$(cut -d, -f8 "$work/cpt.csv" | grep -c '[0-9]' || true)"

: > "$work/cpt.times"
: > "$work/duckdb.times"
for ((i = 1; i <= runs; i++)); do
  timed "${cpt[@]}" >> "$work/cpt.times"
  timed "${duckdb[@]}" >> "$work/duckdb.times"
  echo "run $i of $runs done" >&2
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# The median of each column (wall, CPU, memory), and every run's wall time.
median() {
  sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}
row() {
  local name="$1" file="$2"
  echo "| $name | $(median 1 "$file") s | $(median 2 "$file") s | $(median 3 "$file") MiB |" \
    "$(cut -d' ' -f1 "$file" | paste -sd' ') |"
}
cpt_wall="$(median 1 "$work/cpt.times")"
duck_wall="$(median 1 "$work/duckdb.times")"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
report="$here/results/batch-$lines-$stamp.md"
if [ -e "$report" ]; then # a second run within the minute, such as another build's
  report="$here/results/batch-$lines-$stamp-$(date -u +%S)s.md"
fi
{
  echo "# Batch pricing, whole processes: $lines lines, $stamp"
  echo
  echo "Machine: $(nproc) cores, $(uname -sm); $(java -version 2>&1 | head -n 1)."
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo "Command: cpt-benchmarks/batch.sh $lines $runs${CPT_JAVA_OPTS:+ (CPT_JAVA_OPTS=$CPT_JAVA_OPTS)}"
  if [ -n "${CPT_LAUNCHER:-}" ]; then
    # The other build's commit when its launcher is in a git checkout; not its path, which is
    # this machine's.
    other="$(git -C "$(dirname "$CPT_LAUNCHER")" log -1 --format=%h 2> /dev/null || echo unknown)"
    echo "cpt ran through another build's launcher (CPT_LAUNCHER; commit $other): cpt price --input ..."
  else
    echo "cpt ran through its launcher: cpt-cli/target/cpt price --input ..."
  fi
  echo "Class-data archive of the launcher mapped: $cds_used."
  echo "Every amount identical in both outputs ($amounts lines with an amount)."
  echo
  echo "| pricer | wall (median) | CPU | peak memory | wall of each run |"
  echo "|---|---:|---:|---:|---|"
  row '`cpt price --input`' "$work/cpt.times"
  row 'DuckDB (price.sql, JDBC)' "$work/duckdb.times"
  echo
  awk -v c="$cpt_wall" -v d="$duck_wall" -v cc="$(median 2 "$work/cpt.times")" \
    -v dc="$(median 2 "$work/duckdb.times")" -v n="$lines" 'BEGIN {
    printf "ratio (DuckDB wall / cpt wall): %.2fx; cpt4j: %.0f lines per second including start-up.\n",
      d / c, n / c
    printf "CPU ratio (DuckDB CPU / cpt CPU): %.2fx.\n", dc / cc }'
} > "$report"
cat "$report"
echo "Report: $report" >&2
