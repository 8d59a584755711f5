#!/usr/bin/env bash
# Writes packaging/linux/ferry.classlist: the classes one start of the window loads, and those of a `ferry put`
# and `ferry get` against the demo server (TLS, the engine, the queue), which the package's postinst turns into
# a class-data archive (AppCDS) for a faster start. Only a package with the build's Java 17 runtime uses it:
# with a Java 25 runtime, runtime.sh makes ahead-of-time caches from training runs instead. Run it after
# `mvn -B -Pinstaller package` when start-up code changed much, and rebuild (a stale list still works:
# classes it does not name are loaded as usual). Needs Xvfb (or a DISPLAY).
set -euo pipefail
cd "$(dirname "$0")/../.."
image=target/installer/ferry
[ -x "$image/bin/ferry" ] || { echo "build the app image first: mvn -B -Pinstaller package -DskipTests" >&2; exit 2; }
cp=$(sed -n 's|^app.classpath=\$APPDIR|'"$PWD/$image"'/lib/app|p' "$image/lib/app/ferry.cfg" | paste -sd: -)
work=$(mktemp -d)
xvfb=""
if [ -z "${DISPLAY:-}" ]; then
    display=:$((90 + RANDOM % 9))
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
    export DISPLAY=$display
    sleep 1
fi
server=""
trap '[ -n "$xvfb" ] && kill "$xvfb"; [ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT
java=("$image/lib/runtime/bin/java" -Xshare:off -Dferry.config.dir="$work/config" -cp "$cp")
"${java[@]}" -XX:DumpLoadedClassList="$work/window.classlist" -Dferry.startupProbe=true dev.ferry.app.Launcher

# The command line: the demo server runs in the JDK's java (source-file mode: the packaged runtime has no compiler).
mkfifo "$work/server.in"
java -cp "$cp" packaging/linux/TrainingServer.java < "$work/server.in" > "$work/server.out" &
server=$!
exec 3> "$work/server.in"
for _ in $(seq 100); do [ -s "$work/server.out" ] && break; sleep 0.2; done
read -r port user password fingerprint files < "$work/server.out"
url="ftpes://$user@127.0.0.1:$port"
export FERRY_TRAINING_PASSWORD=$password
head -c 300000 /dev/urandom > "$work/up.bin"
"${java[@]}" -XX:DumpLoadedClassList="$work/put.classlist" dev.ferry.app.Launcher put -q \
    --fingerprint "$fingerprint" --password-env FERRY_TRAINING_PASSWORD "$work/up.bin" "$url/up.bin"
"${java[@]}" -XX:DumpLoadedClassList="$work/get.classlist" dev.ferry.app.Launcher get -q \
    --fingerprint "$fingerprint" --password-env FERRY_TRAINING_PASSWORD "$url/up.bin" "$work/down.bin"
cmp "$work/up.bin" "$work/down.bin"
exec 3>&-
wait "$server" || true
server=""

# Lambda-proxy entries crash Java 17's static dump (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary);
# the lambdas' classes load as usual without them. The window's classes first, then those only the command line needs.
cat "$work/window.classlist" "$work/put.classlist" "$work/get.classlist" | grep -v '^@lambda-proxy' \
    | awk '!seen[$0]++' > packaging/linux/ferry.classlist
echo "packaging/linux/ferry.classlist: $(wc -l < packaging/linux/ferry.classlist) classes"
