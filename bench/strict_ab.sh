#!/usr/bin/env bash
# build --strict against a plain build for two jars in the same rounds (issue 15): OLD (a copy of an earlier
# target/ folder: waymark-0.1.0.jar and lib/) and this worktree's jar. Each round runs the four builds, and every other
# round runs them in reverse order, since on a busy host each run tends to be slower than the one before it.
# Prints per round the wall and user+sys seconds of each build, and the strict/plain ratio of each jar.
# Usage: bash bench/strict_ab.sh OLD_DIR [CONTENT_DIR]     (REPEAT=3 by default; never gates CI: always exits 0)
set -uo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?usage: bash bench/strict_ab.sh OLD_DIR [CONTENT_DIR]}
REPEAT=${REPEAT:-3}
. bench/lib.sh
src=${2:-$WORK/sc10000}
[ -d "$src" ] || { python3 bench/gen_corpus.py --pages 10000 --out "$src" --format waymark; printf '\ncards: false\n' >> "$src/site.yaml"; }
NEW=$(mktemp -d); cp -r target/waymark-0.1.0.jar target/lib "$NEW/"
# the launcher's JVM flags, without its class-data archives (which differ per jar)
vm=(-Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Dwaymark.home="$PWD")
run() { # jar-dir label strict?
  rm -rf "$WORK/ab-out"; sync
  local s=(); [ "$3" = strict ] && s=(--strict)
  local l; l=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" java "${vm[@]}" -jar "$1/waymark-0.1.0.jar" build --content "$src" --out "$WORK/ab-out" --quiet --no-cache "${s[@]}" \
    2>&1 >/dev/null | tail -1 | awk -v n="$2 $3" -v l="$l" '{printf "%-12s wall %6.2f s  cpu %6.2f s  (load %s)\n", n, $1, $2 + $3, l}'
}
for j in "$OLD" "$NEW"; do run "$j" warm plain >/dev/null; done   # templates compiled, files cached
machine
for r in $(seq "$REPEAT"); do
  echo "round $r"
  order=("$OLD old plain" "$OLD old strict" "$NEW new plain" "$NEW new strict")
  if [ $((r % 2)) = 0 ]; then order=("$NEW new strict" "$NEW new plain" "$OLD old strict" "$OLD old plain"); fi
  for o in "${order[@]}"; do read -r d l s <<<"$o"; run "$d" "$l" "$s"; done | tee "$WORK/ab-round"
  awk '{w[$1" "$2]=$4; c[$1" "$2]=$7} END {printf "  strict/plain: old %.2fx wall %.2fx cpu, new %.2fx wall %.2fx cpu\n",
    w["old strict"]/w["old plain"], c["old strict"]/c["old plain"], w["new strict"]/w["new plain"], c["new strict"]/c["new plain"]}' "$WORK/ab-round"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$NEW" "$WORK/ab-out"
exit 0
