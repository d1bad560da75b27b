#!/usr/bin/env bash
# The build-time highlighter's cost: the same corpus built as it is (fenced code tagged `python`, highlighted) and
# with the language names removed from every fence (plain code, the highlighter is not called). Reports build time,
# peak memory and the HTML's page weight (raw and gzip -9). Never gates CI: always exits 0.
# Usage: bash bench/highlight.sh        (PAGES=10000 REPEAT=3 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-10000}
REPEAT=${REPEAT:-3}
. bench/lib.sh                          # measure, median, machine, $WORK; installs /usr/bin/time, builds the jar

on="$WORK/hl-on$PAGES"; off="$WORK/hl-off$PAGES"
# cards off on both sides: their cost is measured by cards.sh, and would swamp this one
[ -d "$on" ] || { python3 bench/gen_corpus.py --pages "$PAGES" --out "$on" --format waymark; printf '\ncards: false\n' >> "$on/site.yaml"; }
if [ ! -d "$off" ]; then
  cp -r "$on" "$off"
  find "$off" -name '*.md' -exec sed -i -E 's/^```[A-Za-z0-9_+-]+$/```/' {} +
fi
machine
echo "fences with a language: $(grep -rhc '^```[a-z]' "$on" | paste -sd+ | bc) highlighted, $(grep -rhc '^```[a-z]' "$off" | paste -sd+ | bc) in the plain copy"
for mode in off on; do
  : > "$WORK/hl-t-$mode"; : > "$WORK/hl-m-$mode"
done
for r in $(seq "$REPEAT"); do
  for mode in off on; do   # alternate, so a change in machine load hits both sides
    src="$WORK/hl-$mode$PAGES"; out="$WORK/hl-out-$mode"
    rm -rf "$out"
    read -r t m < <(measure ./waymark build --content "$src" --out "$out" --quiet)
    echo "$t" >> "$WORK/hl-t-$mode"; echo "$m" >> "$WORK/hl-m-$mode"
  done
done
for mode in off on; do
  out="$WORK/hl-out-$mode"
  raw=$(find "$out" -name '*.html' -exec cat {} + | wc -c)
  gz=$(find "$out" -name '*.html' -exec cat {} + | gzip -9 | wc -c)
  printf "%6d pages  highlighting %-3s  median %6.2f s  %5d MiB   HTML %6.1f MB raw, %5.1f MB gzip\n" "$PAGES" "$mode" \
    "$(median < "$WORK/hl-t-$mode")" $(( $(median < "$WORK/hl-m-$mode") / 1024 )) \
    "$(echo "$raw / 1000000" | bc -l)" "$(echo "$gz / 1000000" | bc -l)"
done
css=$(cat themes/default/assets/*.css | wc -c)
echo "per page: one python block of 2 lines; the theme's token colours are part of the CSS ($css bytes for all theme CSS)"
exit 0
