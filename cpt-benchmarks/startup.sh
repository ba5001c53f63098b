#!/usr/bin/env bash
# Times the start-up of the short commands as whole processes through the cpt launcher, with the
# bundled data: `cpt lookup 99213`, `cpt price` of ten lines given as arguments, and `cpt price
# --input` of a ten-line CSV file. Writes cpt-benchmarks/results/startup-<stamp>.md.
#
#   cpt-benchmarks/startup.sh [RUNS [BEFORE]]
#
# RUNS defaults to 20; the median wall time, CPU time (user + system) and peak memory of the runs
# are reported, after one untimed warm-up run of each command. BEFORE is a copy of another build's
# cpt-cli/target directory (cpt, cpt.jar, cpt.jsa), such as main's before a change: its commands
# then run alternately with this build's, so that load from other processes hits both alike, and
# the table gives the ratios (BEFORE's median over this build's; above 1, this build is faster).
# A class-data sharing archive only works at the path it was built at, so a moved copy's archive
# is dumped again in place, the way its own build made it (static when the copy has the class
# list cpt.classlist beside it, dynamic otherwise). The machine's load average before and after
# is recorded. The script builds cpt-cli when cpt.jar is missing or older than the sources.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${1:-20}"
before="${2:-}"
after="$root/cpt-cli/target"

if [ ! -f "$after/cpt.jar" ] || [ -n "$(find "$root/pom.xml" "$root"/cpt-*/pom.xml \
    "$root"/cpt-*/src -newer "$after/cpt.jar" -type f -print -quit)" ]; then
  echo "Building cpt-cli ..." >&2
  (cd "$root" && mvn -B -ntp -q package -DskipTests -pl cpt-cli -am)
fi

work="$here/target/startup"
mkdir -p "$work"
input="$work/lines-10.csv"
cat > "$input" << 'EOF'
claim,code,modifiers,locality
A,99213,,13282-99
A,36415,,13282-99
A,80053,,13282-99
B,29880,RT,13282-99
B,20610,LT,13282-99
C,71046,26,13282-99
C,93000,,13282-99
D,99214,25,13282-99
D,J3301,,13282-99
E,G0438,,13282-99
EOF
codes=(99213 36415 80053 29880-RT 20610-LT 71046-26 93000 99214-25 J3301 G0438)

# Makes the archive of a moved build usable again (see above); quiet when it already is.
archive_in_place() {
  local dir
  dir="$(cd "$1" && pwd)"
  if java -Xshare:on -XX:SharedArchiveFile="$dir/cpt.jsa" -Xlog:disable -jar "$dir/cpt.jar" \
      --version > /dev/null 2>&1; then
    return
  fi
  echo "Dumping the class-data sharing archive of $dir again, in place ..." >&2
  rm -f "$dir/cpt.jsa"
  if [ -f "$dir/cpt.classlist" ]; then
    java -XX:DumpLoadedClassList="$dir/cpt.classlist" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -cp "$dir/cpt.jar" io.github.cpt4j.cli.CdsTraining
    java -Xshare:dump -XX:SharedClassListFile="$dir/cpt.classlist" \
      -XX:SharedArchiveFile="$dir/cpt.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$dir/cpt.jar" > /dev/null
  else
    java -XX:ArchiveClassesAtExit="$dir/cpt.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$dir/cpt.jar" io.github.cpt4j.cli.CdsTraining
  fi
}

builds=(after)
archive_in_place "$after"
if [ -n "$before" ]; then
  archive_in_place "$before"
  before="$(cd "$before" && pwd)"
  builds=(before after)
fi

names=(lookup price-10-args price-10-input)
# Sets cmd to the command line of one run.
command_of() {
  local dir="$1" name="$2"
  case "$name" in
    lookup) cmd=("$dir/cpt" lookup 99213) ;;
    price-10-args) cmd=("$dir/cpt" price "${codes[@]}" --zip 10001 --date 2025-03-14) ;;
    price-10-input) cmd=("$dir/cpt" price --input "$input" --date 2025-03-14) ;;
  esac
}

times="$work/times.txt"
: > "$times"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  for build in "${builds[@]}"; do
    dir="$after"
    [ "$build" = before ] && dir="$before"
    command_of "$dir" "$name"
    "${cmd[@]}" > /dev/null || [ $? -eq 1 ] # warm-up: file cache
  done
done
for ((i = 0; i < runs; i++)); do
  for name in "${names[@]}"; do
    for build in "${builds[@]}"; do
      dir="$after"
      [ "$build" = before ] && dir="$before"
      command_of "$dir" "$name"
      # Exit status 1 is an answer (a line not priced), not a failure of the run.
      /usr/bin/time -f "$build $name %e %U %S %M" -a -o "$times" "${cmd[@]}" > /dev/null \
        || [ $? -eq 1 ]
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Medians per build and command: wall, CPU (user + system), peak RSS in MiB.
medians="$(awk '
  function median(values, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) {
      t = values[i]; values[i] = values[j]; values[j] = t }
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
  }
  { k = $1 " " $2; n[k]++; W[k, n[k]] = $3; C[k, n[k]] = $4 + $5; M[k, n[k]] = $6 / 1024 }
  END {
    for (k in n) {
      for (i = 1; i <= n[k]; i++) { w[i] = W[k, i]; c[i] = C[k, i]; m[i] = M[k, i] }
      printf "%s %.3f %.3f %.0f\n", k, median(w, n[k]), median(c, n[k]), median(m, n[k])
    }
  }' "$times")"
value() { # build command field(3 wall, 4 cpu, 5 rss)
  echo "$medians" | awk -v b="$1" -v c="$2" -v f="$3" '$1 == b && $2 == c { print $f }'
}

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
report="$here/results/startup-$stamp.md"
{
  echo "# Start-up of the short commands, $stamp"
  echo
  echo "Whole processes through the \`cpt\` launcher with the bundled data, $runs runs of each"
  echo "after a warm-up, medians; commit $(cd "$root" && git rev-parse --short HEAD 2>/dev/null \
    || echo unknown). Load average before: $load_before; after: $load_after;"
  echo "$(nproc) cores, $(java -version 2>&1 | head -1)."
  [ -n "$before" ] && echo "BEFORE: a copy of another build's cpt-cli/target (\`$(basename "$before")\`), run alternately with this build."
  echo
  echo "- \`lookup\`: \`cpt lookup 99213\`"
  echo "- \`price-10-args\`: \`cpt price ${codes[*]} --zip 10001 --date 2025-03-14\`"
  echo "- \`price-10-input\`: \`cpt price --input lines-10.csv --date 2025-03-14\` (ten lines)"
  echo
  if [ -n "$before" ]; then
    echo "| command | wall before | wall after | ratio | CPU before | CPU after | ratio | MiB before / after |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for name in "${names[@]}"; do
      wb="$(value before "$name" 3)"; wa="$(value after "$name" 3)"
      cb="$(value before "$name" 4)"; ca="$(value after "$name" 4)"
      echo "| $name | $wb s | $wa s | $(awk -v b="$wb" -v a="$wa" 'BEGIN { printf "%.2fx", b / a }') \
| $cb s | $ca s | $(awk -v b="$cb" -v a="$ca" 'BEGIN { printf "%.2fx", b / a }') \
| $(value before "$name" 5) / $(value after "$name" 5) |"
    done
  else
    echo "| command | wall | CPU | peak MiB |"
    echo "|---|---:|---:|---:|"
    for name in "${names[@]}"; do
      echo "| $name | $(value after "$name" 3) s | $(value after "$name" 4) s | $(value after "$name" 5) |"
    done
  fi
  echo
  echo "Target (issue 18): each under 0.3 s wall."
} > "$report"
cat "$report"
echo "Written to $report" >&2
