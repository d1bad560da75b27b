#!/usr/bin/env bash
# Social cards' cost on a clean build: cards off (`cards: false`), cards on with an empty card cache, and cards on
# with the cache warm. Never gates CI: always exits 0.
# Usage: bash bench/cards.sh            (PAGES=10000 REPEAT=1 by default)
set -uo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-10000}
REPEAT=${REPEAT:-1}
. bench/lib.sh                          # measure, median, machine, $WORK; installs /usr/bin/time, builds the jar

on="$WORK/cards-on$PAGES"; off="$WORK/cards-off$PAGES"
[ -d "$on" ] || python3 bench/gen_corpus.py --pages "$PAGES" --out "$on" --format waymark
[ -d "$off" ] || { cp -r "$on" "$off"; printf '\ncards: false\n' >> "$off/site.yaml"; }
grep -q '^cards: false' "$off/site.yaml" || { echo "cards: false missing from $off/site.yaml" >&2; exit 0; }
cache=$(mktemp -d)

machine
for r in $(seq "$REPEAT"); do
  rm -rf "$WORK/out-off" "$WORK/out-on" "$cache"/*
  read -r t m < <(measure ./waymark build --content "$off" --out "$WORK/out-off" --quiet)
  printf "%6d pages  cards off          %7.2f s %5d MiB\n" "$PAGES" "$t" $((m / 1024))
  read -r t m < <(WAYMARK_JAVA_OPTS="-Dwaymark.cards.cache=$cache" measure ./waymark build --content "$on" --out "$WORK/out-on" --quiet)
  printf "%6d pages  cards on, cold     %7.2f s %5d MiB\n" "$PAGES" "$t" $((m / 1024))
  rm -rf "$WORK/out-on"
  read -r t m < <(WAYMARK_JAVA_OPTS="-Dwaymark.cards.cache=$cache" measure ./waymark build --content "$on" --out "$WORK/out-on" --quiet)
  printf "%6d pages  cards on, warm     %7.2f s %5d MiB\n" "$PAGES" "$t" $((m / 1024))
done
echo "cards: $(find "$WORK/out-on" -name card.png | wc -l) files, $(du -sm --apparent-size "$cache" | cut -f1) MB in the card cache; output $(du -sm "$WORK/out-on" | cut -f1) MB with cards, $(du -sm "$WORK/out-off" | cut -f1) MB without"
rm -rf "$cache"
exit 0
