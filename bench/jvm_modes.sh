#!/usr/bin/env bash
# Clean-build speed by JVM mode (issue 16 item 3): the launcher's flags (C1 only, Serial GC, AppCDS) against C2, and,
# where a JDK 25 is installed, the same flags on JDK 25 with and without its AOT cache (-XX:AOTCache, recorded by one
# training build with -XX:AOTCacheOutput). Every mode builds the same corpus from an empty output folder with the
# build cache off; the modes alternate within each round, so a busy host weighs on all of them alike. Prints the
# median wall time and peak RSS per mode, the load average, and whether every mode's output is byte-identical.
# Usage: bash bench/jvm_modes.sh CORPUS_DIR [REPEAT]      (JDK25=/path/to/jdk25 to choose the JDK 25; MODES to pick)
set -uo pipefail
cd "$(dirname "$0")/.."
content=$1
REPEAT=${2:-3}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
work=$(mktemp -d /tmp/waymark-jvm-bench.XXXXXX)
./waymark --version >/dev/null   # builds the jar if needed
# a copy of the jar and its libraries, so a rebuild of the worktree during the run changes nothing
cp target/waymark-0.1.0.jar "$work/" && cp -r target/lib "$work/lib"
jar="$work/waymark-0.1.0.jar"
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c1=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20)
c2=(-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20)
common=(-Djava.awt.headless=true -Dwaymark.home="$PWD" -Xlog:cds=off -Xlog:cds+dynamic=off -Xlog:aot=off)
build() { # JAVA FLAGS... -- OUT   (the training runs; /usr/bin/time cannot run a function, so timed runs call java)
  local java=$1; shift
  local flags=(); while [ "$1" != "--" ]; do flags+=("$1"); shift; done; shift
  "$java" -Dwaymark.home="$PWD" "${flags[@]}" -jar "$jar" build --content "$content" --out "$1" --no-cache --quiet
}
j17=java
# the launcher's AppCDS archive, recorded once by a build (as ./waymark does)
build "$j17" "${c1[@]}" -Xlog:cds=off -XX:ArchiveClassesAtExit="$work/w17.jsa" -- "$work/train17" >/dev/null 2>&1
modes=("17-c1" "17-c2")
declare -A flags
flags[17-c1]="${c1[*]} ${common[*]} -XX:SharedArchiveFile=$work/w17.jsa -Xshare:auto"
flags[17-c2]="${c2[*]} ${common[*]} -XX:SharedArchiveFile=$work/w17.jsa -Xshare:auto"
declare -A javas
javas[17-c1]=$j17; javas[17-c2]=$j17
if [ -n "$JDK25" ] && [ -x "$JDK25/bin/java" ]; then
  # JDK 25's one-step AOT cache: the training build records it at exit
  build "$JDK25/bin/java" "${c1[@]}" -XX:AOTCacheOutput="$work/w25-c1.aot" -- "$work/train25" >/dev/null 2>&1
  build "$JDK25/bin/java" "${c2[@]}" -XX:AOTCacheOutput="$work/w25-c2.aot" -- "$work/train25b" >/dev/null 2>&1
  modes+=("25-c1" "25-c1-aot" "25-c2-aot")
  flags[25-c1]="${c1[*]} ${common[*]}"
  flags[25-c1-aot]="${c1[*]} ${common[*]} -XX:AOTCache=$work/w25-c1.aot"
  flags[25-c2-aot]="${c2[*]} ${common[*]} -XX:AOTCache=$work/w25-c2.aot"
  javas[25-c1]=$JDK25/bin/java; javas[25-c1-aot]=$JDK25/bin/java; javas[25-c2-aot]=$JDK25/bin/java
fi
# -Xlog:aot is JDK 25's: Java 17 would refuse it
flags[17-c1]=${flags[17-c1]/ -Xlog:aot=off/}; flags[17-c2]=${flags[17-c2]/ -Xlog:aot=off/}
# MODES="17-c1 17-c2 25-c1-aot" runs only those (in that order)
[ -n "${MODES:-}" ] && read -r -a modes <<< "$MODES"
echo "corpus $(basename "$content"): $(find "$content" -name '*.md' | wc -l) pages; modes: ${modes[*]}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$REPEAT"); do
  for m in "${modes[@]}"; do
    rm -rf "$work/out-$m"
    # shellcheck disable=SC2086
    read -r t k < <(measure "${javas[$m]}" ${flags[$m]} -jar "$jar" build --content "$content" --out "$work/out-$m" --no-cache --quiet)
    echo "$t" >> "$work/t-$m"; echo "$k" >> "$work/m-$m"
    echo "  round $r $m: ${t} s, $((k / 1024)) MiB (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  for m in "${modes[@]:1}"; do
    diff -r -q "$work/out-${modes[0]}" "$work/out-$m" >/dev/null || echo "MISMATCH: $m's output differs from ${modes[0]}'s" >&2
  done
done
for m in "${modes[@]}"; do
  printf "%-10s median %6.2f s  %5d MiB   (runs: %s)\n" "$m" "$(median < "$work/t-$m")" $(( $(median < "$work/m-$m") / 1024 )) "$(tr '\n' ' ' < "$work/t-$m")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
