#!/usr/bin/env bash
# Points the Linux app image's launcher at the native crypto library in lib/app/native/ (Stage.java), and
# gives the image (target/installer/ferry, made by jpackage from the build JDK) a Java 25 runtime
# and two ahead-of-time caches (JEP 483/514/515: classes loaded and linked, lambdas, method profiles), made
# by training runs of the image itself:
#   lib/app/ferry.aot      one start of the window (under Xvfb, or $DISPLAY), for `ferry` without arguments;
#   lib/app/ferry-cli.aot  one `ferry get -r` from the demo server (TrainingServer.java), for the command line
#                          (with the serial collector, as ferry.sh runs the command line).
# Measured on a 2-core machine (bench/startup.sh): the window's first frame 1.27 s after exec instead of
# 1.65 s with Java 17 and its class-data archive. The sources stay Java 17; only the packaged runtime is newer.
# A cache only works with the exact jars and JVM options it was made with, so it is made here, from the
# image that is packaged (the JVM accepts the image at another path, /opt/ferry, with the same layout).
# Without a JDK 25 or newer (FERRY_RUNTIME_JDK, else the newest under /usr/lib/jvm; FERRY_RUNTIME_JDK=none
# for none) the image keeps the build JDK's runtime and the package makes a Java 17 class-data archive at
# install time, as before.
# Usage: packaging/linux/runtime.sh target/installer/ferry
set -euo pipefail
cd "$(dirname "$0")/../.."
image=$(readlink -f "$1")
app=$image/lib/app
cfg=$app/ferry.cfg

# add_java_options OPTION...: java-options lines at the head of the launcher's [JavaOptions] ($APPDIR kept).
add_java_options() {
    printf 'java-options=%s\n' "$@" > "$image/lib/options.add"
    sed -i -e "/^\[JavaOptions\]/r $image/lib/options.add" "$cfg"
    rm "$image/lib/options.add"
}

# With any runtime: the native crypto provider loads its library from lib/app/native/, where Stage.java put
# it, instead of writing it to /tmp at every start (which fails where /tmp is mounted noexec).
if [ -f "$app/native/libamazonCorrettoCryptoProvider.so" ] && ! grep -q useExternalLib "$cfg"; then
    # shellcheck disable=SC2016 # $APPDIR is the launcher's to expand
    add_java_options -Dcom.amazon.corretto.crypto.provider.useExternalLib=true \
        '-Djava.library.path=$APPDIR/native:/usr/java/packages/lib:/usr/lib64:/lib64:/lib:/usr/lib'
fi

jdk=${FERRY_RUNTIME_JDK:-}
if [ "$jdk" = none ]; then
    jdk=""
elif [ -z "$jdk" ]; then
    best=0
    for d in /usr/lib/jvm/*/; do
        v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null || true)
        if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best" ] && [ -x "$d/bin/jlink" ]; then
            best=$v jdk=${d%/}
        fi
    done
fi
if [ -z "$jdk" ]; then
    echo "runtime: no JDK 25 or newer (FERRY_RUNTIME_JDK); the image keeps $(sed -n 's/^JAVA_VERSION=//p' "$image/lib/runtime/release")"
    exit 0
fi

# The same modules as jpackage's runtime (jpackage.cfg's --add-modules, checked by check-modules.sh).
modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release" | tr ' ' ',')
rm -rf "$image/lib/runtime.new"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --output "$image/lib/runtime.new"
rm -rf "$image/lib/runtime"
mv "$image/lib/runtime.new" "$image/lib/runtime"

# The launcher's options for Java 25: the window's cache instead of the Java 17 archive; native access for
# JavaFX's libraries and Unsafe for its rasterizer (else Java 25 warns on every start); cache messages off.
sed -i -e '/^java-options=-XX:SharedArchiveFile=/d' -e '/^java-options=-Xshare:auto/d' \
    -e '/^java-options=-Xlog:cds=off/d' "$cfg"
add_java_options -Xlog:aot=off,cds=off --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
rm -f "$app/ferry.classlist"

java=$image/lib/runtime/bin/java
cp=$(sed -n 's|^app.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd: -)
# Exactly the options ferry.sh starts Java with (postinst writes them to ferry.args): a cache is only used
# with the module options it was made with.
mapfile -t opts < <(sed -n 's|^java-options=||p' "$cfg" | sed 's|\$APPDIR|'"$app"'|g')
opts+=(-XX:TieredStopAtLevel=1)

work=$(mktemp -d)
. packaging/linux/training.sh
trap 'stop_training; rm -rf "$work"' EXIT

if start_training_display && "$java" "${opts[@]}" -XX:AOTCacheOutput="$app/ferry.aot" -Dferry.config.dir="$work/config" \
        -Dferry.startupProbe=true -cp "$cp" dev.ferry.app.Launcher >"$work/window.log" 2>&1 && [ -s "$app/ferry.aot" ]; then
    # shellcheck disable=SC2016 # $APPDIR is the launcher's to expand
    add_java_options '-XX:AOTCache=$APPDIR/ferry.aot'
    echo "runtime: window cache $(du -h "$app/ferry.aot" | cut -f1)"
else
    rm -f "$app/ferry.aot"
    echo "runtime: no window cache (no display, or the training run failed):" >&2
    tail -5 "$work/window.log" >&2 || true
fi

# The command line's cache: a download of a folder from the demo server.
head -c 300000 /dev/urandom > "$work/up.bin"
mkdir -p "$work/tree/sub" && cp "$work/up.bin" "$work/tree/a.bin" && cp "$work/up.bin" "$work/tree/sub/b.bin"
if start_training_server "$cp" "$work" \
    && "$java" "${opts[@]}" -Dferry.config.dir="$work/config" -cp "$cp" dev.ferry.app.Launcher put -r -q \
        --fingerprint "$training_fingerprint" --password-env FERRY_TRAINING_PASSWORD "$work/tree" "$training_url/tree" \
        >"$work/cli.log" 2>&1 \
    && "$java" "${opts[@]}" -XX:+UseSerialGC -XX:AOTCacheOutput="$app/ferry-cli.aot" -Dferry.config.dir="$work/config" -cp "$cp" \
        dev.ferry.app.Launcher get -r -q --fingerprint "$training_fingerprint" --password-env FERRY_TRAINING_PASSWORD \
        "$training_url/tree" "$work/back" >"$work/cli.log" 2>&1 && cmp -s "$work/up.bin" "$work/back/sub/b.bin"; then
    echo "runtime: command-line cache $(du -h "$app/ferry-cli.aot" | cut -f1)"
else
    rm -f "$app/ferry-cli.aot"
    echo "runtime: no command-line cache (the training run failed):" >&2
    tail -5 "$work/cli.log" "$work/server.err" >&2 2>/dev/null || true
fi
stop_training_server
echo "runtime: $("$java" -version 2>&1 | head -1) from $jdk"
