#!/usr/bin/env bash
# Issue 15's two ratios on one corpus: `build --strict` against a plain build, and `check` on a foreign copy of the
# built site (its .waymark-sources and .waymark-manifest removed, so check treats it as any generator's output)
# against the plain build. Alternating runs (--strict first in every other round), medians, load average printed. Never gates CI: always exits 0.
# Usage: bash bench/strict_check.sh      (PAGES=10000 REPEAT=3 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-10000}
REPEAT=${REPEAT:-3}
. bench/lib.sh                          # measure, median, machine, $WORK; installs /usr/bin/time, builds the jar

src="$WORK/sc$PAGES"
[ -d "$src" ] || { python3 bench/gen_corpus.py --pages "$PAGES" --out "$src" --format waymark; printf '\ncards: false\n' >> "$src/site.yaml"; }
./waymark build --content "$src" --out "$WORK/sc-warm" --quiet --no-cache >/dev/null 2>&1   # compiles the theme once
machine
: > "$WORK/sc-plain"; : > "$WORK/sc-strict"; : > "$WORK/sc-check"
for r in $(seq "$REPEAT"); do
  rm -rf "$WORK/sc-a" "$WORK/sc-b"
  # each run writes ~220 MB: flush the previous run's writes outside the timing, or they land on the next one
  # on this host each run tends to be slower than the one before it, so every other round runs --strict first
  plain() { sync; read -r t _ < <(measure ./waymark build --content "$src" --out "$WORK/sc-a" --quiet --no-cache); echo "$t" >> "$WORK/sc-plain"; }
  strict() { sync; read -r t _ < <(measure ./waymark build --content "$src" --out "$WORK/sc-b" --quiet --no-cache --strict); echo "$t" >> "$WORK/sc-strict"; }
  if [ $((r % 2)) = 1 ]; then plain; strict; else strict; plain; fi
  rm -rf "$WORK/sc-foreign"; cp -r "$WORK/sc-a" "$WORK/sc-foreign"; rm -f "$WORK/sc-foreign/.waymark-sources" "$WORK/sc-foreign/.waymark-manifest"
  sync; read -r t _ < <(measure ./waymark check "$WORK/sc-foreign" --severity orphan-page=off); echo "$t" >> "$WORK/sc-check"
done
echo "rounds (s): plain $(tr '\n' ' ' < "$WORK/sc-plain")| strict $(tr '\n' ' ' < "$WORK/sc-strict")| check $(tr '\n' ' ' < "$WORK/sc-check")"
p=$(median < "$WORK/sc-plain"); s=$(median < "$WORK/sc-strict"); c=$(median < "$WORK/sc-check")
printf "%6d pages  plain build %.2f s   build --strict %.2f s = %.2fx (target <= 1.1)   check, foreign copy %.2f s = %.0f%% of the build (target <= 35%%)\n" \
  "$PAGES" "$p" "$s" "$(echo "$s / $p" | bc -l)" "$c" "$(echo "100 * $c / $p" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
