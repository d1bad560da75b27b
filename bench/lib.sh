# The bench scripts' shared preamble: `. bench/lib.sh` from the repository root.
# measure CMD...  prints "seconds peak-KiB" for one run of CMD (its own output dropped)
# median          prints the median of the numbers on stdin, one a line
# machine         prints the cores, the load average and the Java version, to read figures against
# It also makes the scratch folder $WORK (bench/.work, git-ignored) and builds Waymark's jar if needed.
[ -x /usr/bin/time ] || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1)
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
machine() { echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"; }
WORK=bench/.work
mkdir -p "$WORK"
./waymark --version >/dev/null          # builds the jar if needed
