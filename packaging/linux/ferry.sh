#!/bin/sh
# `ferry` on the PATH and in the menu: starts Ferry on the packaged runtime with exactly the class path and
# JVM options of the jpackage launcher (lib/app/ferry.cfg, so the class-data archive postinst made matches),
# without that launcher's own start-up cost: on Linux it asks dpkg and rpm which package it belongs to, about
# 0.4 s at every start. /opt/ferry/bin/ferry, the launcher itself, works the same, only slower.
# The installed package: postinst wrote the whole command line (options, class path) to ferry.args; no
# process is started before java (each costs tens of milliseconds on a small machine).
# With arguments (the command line) Java 25's ahead-of-time cache made from a `ferry get` is used instead of
# the window's (lib/app/ferry-cli.aot, see runtime.sh): the later -XX:AOTCache wins. The command line also runs
# with the serial collector, as its cache was made: a short run with a small heap starts sooner and needs less
# CPU than with G1 (a 1-byte get 0.53 instead of 0.57 s, medians of 10 alternating runs; a 512 MiB get takes as
# long, with 7% less CPU); the window keeps G1's short pauses.
# A folder transfer (-r) runs a TLS handshake per file, and with C1 alone the JIT then lags behind: a third of
# its Java samples were interpreted. Compiling at a twentieth of the usual counts: 2,000 uploads of 4 KiB
# 5.15 instead of 5.64 s and 4.1 instead of 4.8 CPU-s (medians of 6 alternating runs); a single transfer
# only pays for it (a 1-byte get 0.03 s later), so only -r gets it.
args=/opt/ferry/lib/app/ferry.args
argc=$#
# cli_options APPDIR: sets cli to the command line's cache and collector, where there are arguments and the cache.
# A function, not $(...): no process before java.
cli_options() {
    cli=""
    if [ "$argc" -gt 0 ] && [ -r "$1/ferry-cli.aot" ]; then
        cli="-XX:AOTCache=$1/ferry-cli.aot -XX:+UseSerialGC"
    fi
}
cli_options /opt/ferry/lib/app
jit=""
for arg in "$@"; do
    case $arg in
        -r|--recursive) jit=-XX:CompileThresholdScaling=0.05 ;;
    esac
done
if [ -r "$args" ] && [ -x /opt/ferry/lib/runtime/bin/java ]; then
    # shellcheck disable=SC2086 # $cli and $jit are options without spaces, or nothing
    exec /opt/ferry/lib/runtime/bin/java @"$args" $cli $jit dev.ferry.app.Launcher "$@"
fi
app=$(dirname "$(readlink -f "$0")")
cli_options "$app"
cfg="$app/ferry.cfg"
cp=$(sed -n 's|^app.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd: -)
opts=$(sed -n 's|^java-options=||p' "$cfg" | sed 's|\$APPDIR|'"$app"'|g')
# C1 only (-XX:TieredStopAtLevel=1): on Linux x86-64 the crypto is native (Amazon Corretto Crypto Provider),
# and C2's compiling costs more than it gains: the window is up ~0.6 s sooner, and a 512 MiB `ferry get`
# takes less CPU and time (measured: 1.4 s user and 2.2 s wall against 1.9 s and 2.5 s).
# shellcheck disable=SC2086 # one option a line in ferry.cfg, none with spaces
exec "$app/../runtime/bin/java" $opts -XX:TieredStopAtLevel=1 $cli $jit -cp "$cp" dev.ferry.app.Launcher "$@"
