#!/usr/bin/env bash
# Start-up time of the installed app (the .deb: `apt-get install ./target/installer/ferry_*.deb`):
# runs `ferry` N times under Xvfb and prints the medians of
#   window: wall clock from exec to the window's first frame (the app's probe prints the frame's wall-clock
#           time; one `xdotool search --sync` checks that the window really was mapped), and
#   probe:  the app's own -Dferry.startupProbe=true, from the JVM's start to the first frame, and
#   CPU:    user + system seconds of the whole run (start, a second on screen, close): a number the load of
#           a shared machine changes less than the wall clock.
# Usage: bench/startup.sh [--no-cds] [N]    (default N=7)
#   --no-cds   moves the window's class cache aside for the run: Java 25's ahead-of-time cache the package
#              brings (/opt/ferry/lib/app/ferry.aot), or the Java 17 class-data archive its postinst made
#              (ferry.jsa); needs root, put back at the end
#   FERRY=/path/to/launcher   another launcher (default: ferry on the PATH)
#   EXTRA_JAVA="-XX:..."      more JVM options (through JAVA_TOOL_OPTIONS)
# Needs xvfb, xdotool and time (/usr/bin/time).
set -euo pipefail
no_cds=false
if [ "${1:-}" = --no-cds ]; then no_cds=true; shift; fi
runs=${1:-7}
ferry=${FERRY:-$(command -v ferry || true)}
[ -x "$ferry" ] || { echo "no installed ferry: apt-get install ./target/installer/ferry_*.deb" >&2; exit 2; }
real=$(readlink -f "$ferry")
case "$real" in
    */lib/app/ferry.sh) appdir=$(dirname "$real") ;;   # /usr/bin/ferry, the menu entry
    *) appdir=$(dirname "$real")/../lib/app ;;          # jpackage's launcher, bin/ferry
esac
jsa=$appdir/ferry.aot kind="Java 25's ahead-of-time cache"
[ -f "$jsa" ] || jsa=$appdir/ferry.jsa kind="the class-data archive"

work=$(mktemp -d)
xvfb="" app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    [ -f "$work/cache" ] && mv "$work/cache" "$jsa"
    rm -rf "$work"
}
trap cleanup EXIT
if $no_cds && [ -f "$jsa" ]; then mv "$jsa" "$work/cache"; fi
cds=$([ -f "$jsa" ] && echo "with $kind" || echo "without a class cache")

for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
walls=() probes=() cpus=()
for i in $(seq 1 "$runs"); do
    sleep 3   # let the previous run's exit and the machine settle
    start=$(date +%s%3N)
    XDG_CONFIG_HOME="$work/config" DISPLAY="$display" \
        JAVA_TOOL_OPTIONS="-Dferry.startupProbe=true ${EXTRA_JAVA:-}" \
        /usr/bin/time -f 'cpu %U %S' -o "$work/cpu" "$ferry" >"$work/out" 2>&1 & app=$!
    # One xdotool that waits for the window (it checks twice a second): polling the X server every few
    # milliseconds from here would take CPU from the start being measured.
    DISPLAY="$display" timeout 30 xdotool search --sync --onlyvisible --name '^Ferry' >"$work/seen" 2>/dev/null &
    seen=$!
    wait "$app" || true
    app=""
    wait "$seen" || true
    probe=$(sed -n 's/^startup: \([0-9]*\) ms.*/\1/p' "$work/out")
    frame_at=$(sed -n 's/^startup: .*(at \([0-9]*\)).*/\1/p' "$work/out")
    [ -s "$work/seen" ] && [ -n "$probe" ] && [ -n "$frame_at" ] \
        || { cat "$work/out"; echo "run $i: no window or no probe line" >&2; exit 1; }
    wall=$(( frame_at - start ))
    cpu=$(awk '/^cpu/ {printf "%d", ($2 + $3) * 1000}' "$work/cpu")
    echo "run $i: first frame $wall ms after exec ($probe ms after the JVM's start), $cpu ms CPU in all"
    walls+=("$wall") probes+=("$probe") cpus+=("$cpu")
done
echo "median of $runs ($cds${EXTRA_JAVA:+, $EXTRA_JAVA}; load $(cut -d' ' -f1-3 /proc/loadavg)):" \
    "first frame $(printf '%s\n' "${walls[@]}" | median) ms, probe $(printf '%s\n' "${probes[@]}" | median) ms," \
    "CPU $(printf '%s\n' "${cpus[@]}" | median) ms (start, 1 s on screen, close)"
