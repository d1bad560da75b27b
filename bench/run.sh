#!/usr/bin/env bash
# Waymark vs Hugo on the same synthetic corpus, plus Waymark's own targets. Never gates CI: always exits 0.
# Usage: bash bench/run.sh            (REPEAT=3 SIZES="1000 10000" by default)
set -uo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-3}
SIZES=${SIZES:-"1000 10000"}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hugo; then
  echo "installing Debian's hugo..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo) >/dev/null 2>&1 \
    || echo "hugo could not be installed; Waymark-only numbers follow" >&2
fi
. bench/lib.sh                          # measure, median, $WORK; installs /usr/bin/time, builds the jar

./waymark build --quiet >/dev/null      # records the AppCDS archive and compiles the theme once
./waymark check site >/dev/null || true # records check's own AppCDS archive

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
need hugo && echo "hugo: $(hugo version | cut -d' ' -f2)"
echo

for n in $SIZES; do
  [ -d "$WORK/w$n" ] || python3 bench/gen_corpus.py --pages "$n" --out "$WORK/w$n" --format waymark
  [ -d "$WORK/h$n" ] || python3 bench/gen_corpus.py --pages "$n" --out "$WORK/h$n" --format hugo
  : > "$WORK/wt$n"; : > "$WORK/wm$n"; : > "$WORK/ht$n"; : > "$WORK/hm$n"
  for r in $(seq "$REPEAT"); do
    # both generators start from an empty output folder, removed outside the timing
    rm -rf "$WORK/wout$n"
    read -r t m < <(measure ./waymark build --content "$WORK/w$n" --out "$WORK/wout$n" --quiet)
    echo "$t" >> "$WORK/wt$n"; echo "$m" >> "$WORK/wm$n"
    if need hugo; then
      rm -rf "$WORK/hout$n"
      read -r t m < <(measure hugo --source "$WORK/h$n" --destination "$(pwd)/$WORK/hout$n" --quiet)
      echo "$t" >> "$WORK/ht$n"; echo "$m" >> "$WORK/hm$n"
    fi
  done
  wt=$(median < "$WORK/wt$n"); wm=$(( $(median < "$WORK/wm$n") / 1024 ))
  printf "%6d pages  waymark %6.2f s %5d MiB" "$n" "$wt" "$wm"
  if need hugo; then
    ht=$(median < "$WORK/ht$n"); hm=$(( $(median < "$WORK/hm$n") / 1024 ))
    target=$([ "$n" -ge 10000 ] && echo 0.33 || echo 0.5)
    printf "   hugo %6.2f s %5d MiB   time ratio %.2f (target <= %s)   memory ratio %.2f%s" "$ht" "$hm" \
      "$(echo "$wt / $ht" | bc -l)" "$target" "$(echo "$wm / $hm" | bc -l)" "$([ "$n" -ge 10000 ] && echo ' (target <= 0.5)')"
  fi
  echo
  # check over the built corpus, as a share of the build time
  read -r ct _ < <(measure ./waymark check "$WORK/wout$n" --severity orphan-page=off)
  printf "        check %.2f s = %.0f%% of the build (target <= 25%%)\n" "$ct" "$(echo "100 * $ct / $wt" | bc -l)"
  if [ -f "$WORK/wout$n/search/index.json" ]; then
    raw=$(cat "$WORK"/wout"$n"/search/*.json | wc -c); gz=$(cat "$WORK"/wout"$n"/search/*.json | gzip -9 | wc -c)
    shards=$(ls "$WORK"/wout"$n"/search/shard-*.json | wc -l)
    printf "        search index %d KB (%d KB gzipped) in %d shards, loaded only when the reader searches\n" $((raw / 1024)) $((gz / 1024)) "$shards"
  fi
done

: > "$WORK/cold"
for r in 1 2 3 4 5; do read -r t _ < <(measure ./waymark build --out "$WORK/guide" --quiet); echo "$t" >> "$WORK/cold"; done
printf "\nshipped guide, cold JVM: %.2f s median of 5 (target <= 0.8 s)\n" "$(median < "$WORK/cold")"
guide_search=$(cat "$WORK"/guide/search/*.json "$WORK"/guide/assets/search.*.js | gzip -9 | wc -c)
printf "guide search index + search JS: %d KB gzipped (budget 30 KB)\n" $((guide_search / 1024))

python3 bench/reload_latency.py || echo "reload latency: not measured"

# the build cache: a cached build after a one-page change vs a clean build (target <= 0.25x at 10,000 pages)
for n in $SIZES; do bash bench/cache_rebuild.sh "$WORK/w$n" "$REPEAT" || echo "cached rebuild at $n pages: not measured"; done

# clean-build speed by JVM mode: the launcher's C1 flags vs C2, and JDK 25 with its AOT cache where one is installed
for n in $SIZES; do bash bench/jvm_modes.sh "$WORK/w$n" "$REPEAT" || echo "JVM modes at $n pages: not measured"; done

# incremental preview: from saving a page to that page showing the edit over HTTP, for a body and a title edit
# (targets at 10,000 pages: body <= 150 ms median, title <= 1 s), beside Hugo's server with its defaults on the
# same corpus in its own format
for n in $SIZES; do
  python3 bench/edit_latency.py --content "$WORK/w$n" || echo "edit latency at $n pages: not measured"
  if need hugo; then python3 bench/edit_latency.py --hugo "$WORK/h$n" || echo "hugo server edit latency at $n pages: not measured"; fi
done
exit 0
