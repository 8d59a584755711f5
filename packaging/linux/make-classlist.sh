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
. packaging/linux/training.sh
trap 'stop_training; rm -rf "$work"' EXIT
start_training_display || { echo "no display: install Xvfb or set DISPLAY" >&2; exit 2; }
java=("$image/lib/runtime/bin/java" -Xshare:off -Dferry.config.dir="$work/config" -cp "$cp")
"${java[@]}" -XX:DumpLoadedClassList="$work/window.classlist" -Dferry.startupProbe=true dev.ferry.app.Launcher

# The command line, against the demo server.
start_training_server "$cp" "$work" || { cat "$work/server.err" >&2; exit 1; }
head -c 300000 /dev/urandom > "$work/up.bin"
"${java[@]}" -XX:DumpLoadedClassList="$work/put.classlist" dev.ferry.app.Launcher put -q \
    --fingerprint "$training_fingerprint" --password-env FERRY_TRAINING_PASSWORD "$work/up.bin" "$training_url/up.bin"
"${java[@]}" -XX:DumpLoadedClassList="$work/get.classlist" dev.ferry.app.Launcher get -q \
    --fingerprint "$training_fingerprint" --password-env FERRY_TRAINING_PASSWORD "$training_url/up.bin" "$work/down.bin"
cmp "$work/up.bin" "$work/down.bin"
stop_training_server

# Lambda-proxy entries crash Java 17's static dump (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary);
# the lambdas' classes load as usual without them. The window's classes first, then those only the command line needs.
cat "$work/window.classlist" "$work/put.classlist" "$work/get.classlist" | grep -v '^@lambda-proxy' \
    | awk '!seen[$0]++' > packaging/linux/ferry.classlist
echo "packaging/linux/ferry.classlist: $(wc -l < packaging/linux/ferry.classlist) classes"
