#!/usr/bin/env bash
# Runs the cpt4j JMH benchmarks and writes their results to cpt-benchmarks/results/.
#
#   cpt-benchmarks/run.sh quick [JMH args...]   1 fork, 2+3 iterations of 0.5 s: about five
#                                               minutes for everything; checks the harness
#   cpt-benchmarks/run.sh full  [JMH args...]   the published numbers: 3 forks, 5+5 iterations
#                                               of 1 s (about 40 minutes); on a quiet machine
#   cpt-benchmarks/run.sh baselines [JMH args...]
#                                               every benchmark that has a baseline (and the
#                                               five-line claim's target), 1 fork, 4+4
#                                               iterations of 1 s: 10-12 minutes; the
#                                               "no cpt4j row slower than a baseline" check
#   cpt-benchmarks/run.sh forks [JMH args...]   the text paths (parse, classify, look up by
#                                               text), cpt4j and Guava, 5 forks each with the
#                                               threads' CPU time per operation: how far the JIT
#                                               outcomes of one build spread (10-12 minutes)
#
# Extra arguments go to JMH and win over the defaults: a benchmark regex (LookupBenchmark),
# -p impl=cpt4j, -f 5, -prof stack ... `run.sh quick -h` lists JMH's options.
#
# Always with -prof gc (allocation per operation). Results: results/<mode>-<timestamp>.json and a
# Markdown summary beside it (ours vs the baselines, ratios, B/op, targets); a full run also
# refreshes results/latest-full.json and results/latest-full.md.
#
# Benchmarks over the full CMS 2025 relative value file need its directory in CPT4J_CMS_DIR
# (files at $CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv); without it they are skipped, not failed.
#
# The script builds the benchmarks jar when it is missing or older than the sources
# (mvn -B -ntp -q package -DskipTests -pl cpt-benchmarks -am, from the repository root).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"

usage() {
  sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
mode="$1"
shift
case "$mode" in
  quick) defaults=(-f 1 -wi 2 -w 500ms -i 3 -r 500ms) ;;
  full) defaults=(-f 3 -wi 5 -w 1s -i 5 -r 1s) ;;
  baselines) defaults=(-f 1 -wi 4 -w 1s -i 4 -r 1s) ;;
  forks) defaults=(-f 5 -wi 5 -w 1s -i 3 -r 500ms) ;;
  *) usage ;;
esac
# The benchmarks of the baselines mode: each has a regex and a Guava (or plain loader) baseline
# in the same class, and ClaimPricingBenchmark.priceClaim has the issue's time target.
selection=()
if [ "$mode" = baselines ]; then
  selection=('\.(CodeSyntax|Classify|Lookup|Locality|Pricing|Load|Ncci|NcciLoad)Benchmark\.|\.ClaimPricingBenchmark\.priceClaim$')
fi
# The forks mode: the text rows that a single fork has measured at different speeds, against
# Guava, each fork's CPU time per operation beside its wall-clock time
# (results/text-jit-2026-11-30-c.md).
if [ "$mode" = forks ]; then
  selection=('\.CodeSyntaxBenchmark\.(parseValid|tryParseMixed|validateValid)$|\.ClassifyBenchmark\.(kindOfText|categoryOfText)$|\.LookupBenchmark\.lookupByText$'
    -prof io.github.cpt4j.benchmarks.ThreadCpuProfiler)
  case " ${*:-} " in
    *" impl="*) ;;
    *) selection+=(-p impl=cpt4j,guava-immutablemap) ;;
  esac
fi

# Build when needed; never `mvn install` (nothing here is published).
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root"/cpt-*/pom.xml "$root"/cpt-*/src \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  echo "Building $jar ..." >&2
  (cd "$root" && mvn -B -ntp -q package -DskipTests -pl cpt-benchmarks -am)
fi

# Defaults only for the options the caller did not give: JMH rejects a repeated option.
has_option() {
  local option="$1" arg
  for arg in ${user_args[@]+"${user_args[@]}"}; do
    [ "$arg" = "$option" ] && return 0
  done
  return 1
}
user_args=(${1+"$@"})
# In the baselines and forks modes a benchmark regex of the caller narrows the mode's selection:
# JMH runs what matches any of its regexes, so each of the caller's regexes becomes one that also
# requires the mode's (`run.sh baselines LookupBenchmark` runs LookupBenchmark alone, not every
# baseline benchmark). A regex is an argument that is neither an option nor an option's value;
# -h, -l, -lp, -lprof and -lrf take no value.
if [ ${#selection[@]} -gt 0 ]; then
  narrowed=()
  narrowed_args=()
  takes_value=no
  for arg in ${user_args[@]+"${user_args[@]}"}; do
    if [ "$takes_value" = yes ]; then
      takes_value=no
    elif [[ "$arg" == -* ]]; then
      case "$arg" in -h | -l | -lp | -lprof | -lrf) ;; *) takes_value=yes ;; esac
    else
      arg="^(?=.*(?:${selection[0]})).*(?:$arg)"
      narrowed+=(keep)
    fi
    narrowed_args+=("$arg")
  done
  if [ ${#narrowed[@]} -gt 0 ]; then
    user_args=("${narrowed_args[@]}")
    selection=("${selection[@]:1}")
  fi
fi
args=()
set -- "${defaults[@]}"
while [ $# -gt 0 ]; do
  if ! has_option "$1"; then
    args+=("$1" "$2")
  fi
  shift 2
done

excluded=()
if [ -n "${CPT4J_CMS_DIR:-}" ] && [ -f "$CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv" ]; then
  CPT4J_CMS_DIR="$(cd "$CPT4J_CMS_DIR" && pwd)"
  export CPT4J_CMS_DIR
  datasets="sample,cms-2025"
else
  if [ -n "${CPT4J_CMS_DIR:-}" ]; then
    echo "CPT4J_CMS_DIR=$CPT4J_CMS_DIR has no 2025/PPRRVU2025_Oct.csv." >&2
  fi
  unset CPT4J_CMS_DIR
  datasets="sample"
  # The two benchmarks that read CMS files; not NcciLoadBenchmark, whose file is generated (a
  # bare 'LoadBenchmark' would match it too).
  excluded=(-e '\.(Release)?LoadBenchmark\.')
  echo "Skipping the full CMS data set and the CMS load benchmarks: CPT4J_CMS_DIR is not set." >&2
fi
# The data-set parameter, unless the caller chose one (-p dataset=...).
case " ${user_args[*]:-} " in
  *" dataset="*) ;;
  *) args+=(-p "dataset=$datasets") ;;
esac

results="$here/results"
mkdir -p "$results"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
json="$results/$mode-$stamp.json"
summary="$results/$mode-$stamp.md"

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# (The ${a[@]+...} form keeps empty arrays working under `set -u` in old bash versions.)
java -jar "$jar" "${args[@]}" ${excluded[@]+"${excluded[@]}"} -prof gc -rf json -rff "$json" \
  ${selection[@]+"${selection[@]}"} ${user_args[@]+"${user_args[@]}"}
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# JMH records where the JVM is installed on this machine, which says nothing about the results
# (its version is in "jdkVersion" and "vmVersion"): keep the file name only.
if [ -f "$json" ]; then
  sed -i.bak -E 's#"jvm" : "[^"]*/([^/"]*)"#"jvm" : "\1"#' "$json" && rm -f "$json.bak"
fi

{
  echo "# cpt4j benchmarks, $mode run, $stamp"
  echo
  echo "Machine: $(nproc 2>/dev/null || echo '?') cores, $(uname -sm);" \
    "$(java -version 2>&1 | grep -v '^Picked up' | head -n 1)."
  echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after."
  echo "Command: cpt-benchmarks/run.sh $mode ${user_args[*]:-}"
  echo
  java -cp "$jar" io.github.cpt4j.benchmarks.report.Summary "$json"
  echo
  if [ "$mode" = forks ]; then
    java -cp "$jar" io.github.cpt4j.benchmarks.report.ForkSpread "$json"
  else
    echo "Retained heap of the lookup structures (GC heap delta over 8 copies, entries shared):"
    echo
    java -cp "$jar" io.github.cpt4j.benchmarks.FootprintReport
  fi
} > "$summary"

if [ "$mode" = full ]; then
  cp "$json" "$results/latest-full.json"
  cp "$summary" "$results/latest-full.md"
fi

echo
cat "$summary"
echo
echo "Results: $json"
echo "Summary: $summary"
