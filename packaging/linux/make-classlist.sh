#!/usr/bin/env bash
# Writes packaging/linux/ferry.classlist: the classes one start of the window loads, which the package's
# postinst turns into a class-data archive (AppCDS) for a faster start. Run it after
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
trap '[ -n "$xvfb" ] && kill "$xvfb"; rm -rf "$work"' EXIT
"$image/lib/runtime/bin/java" -Xshare:off -XX:DumpLoadedClassList="$work/all.classlist" \
    -Dferry.startupProbe=true -Dferry.config.dir="$work/config" -cp "$cp" dev.ferry.app.Launcher
# Lambda-proxy entries crash Java 17's static dump (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary);
# the lambdas' classes load as usual without them.
grep -v '^@lambda-proxy' "$work/all.classlist" > packaging/linux/ferry.classlist
echo "packaging/linux/ferry.classlist: $(wc -l < packaging/linux/ferry.classlist) classes"
