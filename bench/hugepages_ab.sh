#!/usr/bin/env bash
# Clean builds with the launcher's transparent huge pages on and off (WAYMARK_JAVA_OPTS=-XX:-UseTransparentHugePages),
# alternated and the order reversed every other round, then Hugo on the same corpus when its folder is given.
# Usage: bash bench/hugepages_ab.sh ROUNDS WAYMARK_CORPUS [HUGO_SITE]   (corpora from bench/gen_corpus.py)
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=${1:-3}; corpus=$2; hsite=${3:-}
out=$(mktemp -d /tmp/waymark-thp.XXXXXX)
grep -q '\[\(madvise\|always\)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null \
  || echo "note: this kernel does not offer huge pages on request; both modes run without them" >&2
for r in $(seq "$n"); do
  order="on off"; [ $((r % 2)) = 0 ] && order="off on"
  for mode in $order; do
    x=""; [ "$mode" = off ] && x="-XX:-UseTransparentHugePages"
    rm -rf "$out/site"; sync
    /usr/bin/time -f "round $r $mode: wall %e s, user %U s, sys %S s, peak %M KiB" env WAYMARK_JAVA_OPTS="$x" \
      ./waymark build --content "$corpus" --out "$out/site" --no-cache --quiet 2>&1 >/dev/null | tail -1
  done
  if [ -n "$hsite" ]; then
    rm -rf "$hsite/public"; sync
    (cd "$hsite" && /usr/bin/time -f "round $r hugo: wall %e s, user %U s, sys %S s, peak %M KiB" hugo --quiet 2>&1 >/dev/null | tail -1)
  fi
done
machine
rm -rf "$out"
