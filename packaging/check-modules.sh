#!/usr/bin/env bash
# Fails when the trimmed runtime would miss a JDK module that Ferry or one of its libraries uses:
# compares what jdeps finds in target/ferry.jar + target/lib with --add-modules in jpackage.cfg.
# (jdeps cannot see modules loaded as services or by name; jpackage.cfg lists those by hand.)
set -euo pipefail
cd "$(dirname "$0")/.."
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ -n "${1:-}" ] && jdk_bin="$1/bin/"
[ -f target/ferry.jar ] || { echo "check-modules: build first (mvn package)" >&2; exit 2; }

# AtlantaFX's classes are compiled for Java 21 (jdeps 17 cannot read them); Ferry uses only its CSS.
jars=()
for j in target/lib/*.jar; do
    case "$(basename "$j")" in atlantafx-*) ;; *) jars+=("$j") ;; esac
done
cp=$(IFS=:; echo "${jars[*]}")
needed=$("${jdk_bin}jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$cp" target/ferry.jar "${jars[@]}")
listed=$(sed -n 's/^--add-modules[[:space:]]*//p' jpackage.cfg | tr -d '"' | tr ',' '\n')

# The modules behind the security providers java.security names: without one of them the JDK falls back to
# instantiating every provider on the class path (Bouncy Castle's: about 1 CPU-second at each start).
providers="java.xml.crypto,java.smartcardio,jdk.security.jgss,jdk.crypto.cryptoki,jdk.crypto.ec"

missing=()
for m in ${needed//,/ } ${providers//,/ }; do
    grep -qx "$m" <<<"$listed" || missing+=("$m")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "check-modules: jpackage.cfg --add-modules lacks: ${missing[*]} (jdeps finds: $needed)" >&2
    exit 1
fi
echo "check-modules: jpackage.cfg has all modules jdeps finds ($needed) and the security providers' ($providers)"
