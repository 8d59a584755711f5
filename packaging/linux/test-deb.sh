#!/usr/bin/env bash
# Installs the .deb from target/installer/ (build it with `mvn -B -Pinstaller package -DskipTests`) and
# checks it as a user would meet it: `ferry --version` on the PATH, the command line, the window under Xvfb,
# the menu entry; then removes (and purges) the package and checks that the user's config folder is still
# there. Needs root (or sudo) and xvfb, xdotool. Leaves the package removed.
set -euo pipefail
cd "$(dirname "$0")/../.."
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_get() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "$@"; }
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

deb=$(ls target/installer/ferry_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no target/installer/ferry_*.deb: run mvn -B -Pinstaller package -DskipTests"
version=$(sed -n 's/^version=//p' target/classes/dev/ferry/app/version.properties)
echo "== $deb ($(du -h "$deb" | cut -f1)), version $version"

work=$(mktemp -d)
app_pid="" xvfb_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s%N)
if ! apt_get install -y -qq "./$deb" >"$work/apt.log" 2>&1; then
    # A dependency not in the local package lists: fetch them once and try again.
    apt_get update -qq >/dev/null 2>&1 || true
    apt_get install -y -qq "./$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install"; }
fi
runtime=$(sed -n 's/^JAVA_VERSION=//p' /opt/ferry/lib/runtime/release | tr -d '"')
if [ -f /opt/ferry/lib/app/ferry.aot ]; then
    caches="ahead-of-time caches: window $(du -h /opt/ferry/lib/app/ferry.aot | cut -f1), command line $(
        [ -f /opt/ferry/lib/app/ferry-cli.aot ] && du -h /opt/ferry/lib/app/ferry-cli.aot | cut -f1 || echo none)"
else
    caches="postinst made the class-data archive: $(
        [ -f /opt/ferry/lib/app/ferry.jsa ] && du -h /opt/ferry/lib/app/ferry.jsa | cut -f1 || echo none)"
fi
echo "== installed in $(ms "$start") ms (Java $runtime; $caches)"
# A cache made for other jars or other JVM options is silently ignored, and start-up is slow again:
# -XX:AOTMode=on makes that an error here.
strict=""
[ -f /opt/ferry/lib/app/ferry.aot ] && strict=-XX:AOTMode=on
if [ -f /opt/ferry/lib/app/ferry-cli.aot ]; then
    JAVA_TOOL_OPTIONS=-XX:AOTMode=on /usr/bin/ferry --version >"$work/aot.log" 2>&1 \
        || { cat "$work/aot.log"; fail "the command line's ahead-of-time cache does not load"; }
fi

[ -L /usr/bin/ferry ] || fail "/usr/bin/ferry is not a symlink"
start=$(date +%s%N)
out=$(/usr/bin/ferry --version)
echo "== ferry --version: '$out' in $(ms "$start") ms"
[ "$out" = "ferry $version" ] || fail "ferry --version printed '$out', expected 'ferry $version'"
start=$(date +%s%N)
out=$(/opt/ferry/bin/ferry --version)
echo "== /opt/ferry/bin/ferry --version (jpackage's launcher): '$out' in $(ms "$start") ms"
[ "$out" = "ferry $version" ] || fail "/opt/ferry/bin/ferry --version printed '$out'"
/usr/bin/ferry --help | grep -q "ferry ls" || fail "ferry --help has no usage"
set +e
/usr/bin/ferry ls --timeout 3 ftpes://nobody:secret@127.0.0.1:1/ >"$work/ls.out" 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/ls.out"; fail "ferry ls to a closed port exited $status, expected 1"; }
echo "== ferry ls to a closed port: exit 1 ($(head -1 "$work/ls.out"))"
# The native crypto provider loads its library from lib/app/native/ (Stage.java, runtime.sh), not from a copy
# it writes to the temporary folder: with none usable, and the provider required, a get still gets as far
# as the network.
set +e
JAVA_TOOL_OPTIONS="-Dferry.crypto=native -Djava.io.tmpdir=/nonexistent" /usr/bin/ferry get --timeout 3 \
    ftpes://nobody:secret@127.0.0.1:1/a "$work/a" >"$work/crypto.out" 2>&1
status=$?
set -e
if grep -q "native crypto" "$work/crypto.out" || [ "$status" -ne 1 ]; then
    cat "$work/crypto.out"
    fail "the native crypto provider does not load from /opt/ferry/lib/app/native (exit $status)"
fi
echo "== native crypto from $(ls /opt/ferry/lib/app/native/), none written to /tmp"
[ -f /usr/share/applications/ferry-ferry.desktop ] || fail "no menu entry in /usr/share/applications"
grep -q '^Icon=/opt/ferry/lib/ferry.png' /usr/share/applications/ferry-ferry.desktop || fail "menu entry has no icon"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/ferry-ferry.desktop)
[ -x "$exec_line" ] || fail "the menu entry starts $exec_line, which is not there"
[ -f /opt/ferry/lib/ferry.png ] || fail "no icon"

# The window, as a user starts it: the launcher without arguments, a config folder of its own (XDG; Java
# takes the home folder from the password database, not from $HOME), a display. The
# start-up probe (through JAVA_TOOL_OPTIONS, which every JVM reads) closes the window after its first frame,
# as a user's close does (the settings are saved), and prints the time from the JVM's start.
for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
start=$(date +%s%N)
env XDG_CONFIG_HOME="$work/config" DISPLAY="$display" JAVA_TOOL_OPTIONS="-Dferry.startupProbe=true $strict" \
    ferry >"$work/app.log" 2>&1 & app_pid=$!
seen=""
for _ in $(seq 1 1500); do
    kill -0 "$app_pid" 2>/dev/null || break
    if DISPLAY="$display" xdotool search --onlyvisible --name '^Ferry' >/dev/null 2>&1; then seen=yes; break; fi
    sleep 0.04
done
[ -n "$seen" ] || { cat "$work/app.log"; fail "no Ferry window within 60 s"; }
echo "== window mapped $(ms "$start") ms after the start"
for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$app_pid" 2>/dev/null && { cat "$work/app.log"; fail "the app did not quit after its first frame"; }
wait "$app_pid" || { cat "$work/app.log"; fail "the app exited with $?"; }
app_pid=""
grep -q '^startup: ' "$work/app.log" || { cat "$work/app.log"; fail "no start-up probe line"; }
echo "== $(grep '^startup: ' "$work/app.log")"
config="$work/config/ferry"
[ -d "$config" ] || { cat "$work/app.log"; fail "the app made no config folder $config"; }
echo "== config folder: $(ls "$config" | tr '\n' ' ')"

apt_get remove -y -qq ferry >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get remove"; }
[ ! -e /usr/bin/ferry ] || fail "/usr/bin/ferry is still there after remove"
[ ! -e /usr/share/applications/ferry-ferry.desktop ] || fail "the menu entry is still there after remove"
[ -d "$config" ] || fail "remove deleted the user's config folder"
apt_get purge -y -qq ferry >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get purge"; }
[ ! -e /opt/ferry ] || fail "/opt/ferry is still there after purge: $(find /opt/ferry | head)"
[ -d "$config" ] && [ -n "$(ls -A "$config")" ] || fail "purge deleted the user's config folder"
echo "== removed and purged: /usr/bin/ferry, the menu entry and /opt/ferry are gone, $config is kept"
echo "test-deb: OK"
