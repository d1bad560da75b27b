#!/usr/bin/env bash
# The build cache (issue 16): a cached `build` after a one-page body edit vs a clean `--no-cache` build of the same
# corpus (target: cached <= 0.25x clean at 10,000 pages). Alternates the two; prints medians and the load average.
# WAYMARK_JAVA_OPTS=-Dwaymark.timings=true adds each build's stage times to stderr.
# Usage: bash bench/cache_rebuild.sh CORPUS_DIR [REPEAT]   (the corpus is edited: one paragraph appended per round)
set -uo pipefail
cd "$(dirname "$0")/.."
content=$1
REPEAT=${2:-3}
work=$(mktemp -d /tmp/waymark-cache-bench.XXXXXX)
. bench/lib.sh                          # measure, median, machine; installs /usr/bin/time
page=$(find "$content" -name '*.md' ! -name 'index.md' | sort | head -50 | tail -1)
./waymark build --content "$content" --out "$work/cached" --cache-dir "$work/cache" --quiet >/dev/null  # fills the cache
: > "$work/c"; : > "$work/k"
for r in $(seq "$REPEAT"); do
  printf '\nOne more paragraph, round %s.\n' "$r" >> "$page"
  # both start from an empty output folder, as in CI (a fresh checkout, the cache restored), removed outside the timing
  rm -rf "$work/clean" "$work/cached"
  sync   # the previous run's writes are flushed outside the timing
  read -r t _ < <(measure ./waymark build --content "$content" --out "$work/clean" --no-cache --quiet); echo "$t" >> "$work/c"
  sync; read -r t _ < <(measure ./waymark build --content "$content" --out "$work/cached" --cache-dir "$work/cache" --quiet); echo "$t" >> "$work/k"
  diff -r -q -x .waymark-manifest "$work/clean" "$work/cached" >/dev/null || echo "MISMATCH: the cached build differs from the clean one" >&2
done
c=$(median < "$work/c"); k=$(median < "$work/k")
echo "rounds (s): clean $(tr '\n' ' ' < "$work/c")| cached $(tr '\n' ' ' < "$work/k")"
printf "%s: one-page edit, cached build %.2f s vs clean build %.2f s = %.2fx (target <= 0.25x), median of %s, load %s\n" \
  "$(basename "$content")" "$k" "$c" "$(echo "$k / $c" | bc -l)" "$REPEAT" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
