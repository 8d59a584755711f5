#!/usr/bin/env bash
# Takes assets/screenshots/certificate-expired.png: the real app under Xvfb connecting to a local Apache
# FtpServer whose certificate expired 30 days ago, showing the certificate dialog.
# Needs xvfb, xdotool, imagemagick and a built jar (mvn -B -q package -DskipTests); no root.
# Usage: bash assets/screenshots/take-certificate.sh [out.png]   (DISPLAY_NUM=:81 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-assets/screenshots/certificate-expired.png}
DISPLAY_NUM=${DISPLAY_NUM:-:81}
WORK=$(mktemp -d)
XVFB_PID=
APP_PID=
SERVER_PID=

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
mkfifo "$WORK/server.in"
java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" dev.ferry.testsupport.ExpiredCertificateServer \
    <"$WORK/server.in" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
exec 3>"$WORK/server.in"        # keeps the server's input open until this script ends
for _ in $(seq 1 150); do
    grep -q '^PASSWORD=' "$WORK/server.out" 2>/dev/null && break
    sleep 0.2
done
PORT=$(sed -n 's/^PORT=//p' "$WORK/server.out")
FTP_USER=$(sed -n 's/^USER=//p' "$WORK/server.out")
FTP_PASSWORD=$(sed -n 's/^PASSWORD=//p' "$WORK/server.out")
[ -n "$PORT" ] || { echo "the test server did not start:" >&2; cat "$WORK/server.err" >&2; exit 1; }

CONFIG="$WORK/config"
mkdir -p "$CONFIG" "$WORK/local"
cat > "$CONFIG/settings.json" <<JSON
{"version": 1, "lastLocalFolder": "$WORK/local", "theme": "${THEME:-LIGHT}",
 "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}
JSON

Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY=$DISPLAY_NUM
java -Dferry.config.dir="$CONFIG" -jar target/ferry.jar >"$WORK/app.out" 2>&1 &
APP_PID=$!
for _ in $(seq 1 100); do
    xdotool search --name '^Ferry' >/dev/null 2>&1 && break
    sleep 0.2
done
sleep 2
key() { xdotool key --clearmodifiers "$@"; sleep 0.3; }
typ() { xdotool type --delay 20 "$1"; sleep 0.2; }

key ctrl+n                      # the quick-connect host field
typ localhost
key Tab; key ctrl+a; typ "$PORT"
key Tab; key Tab                # past the mode (Explicit FTPS)
typ "$FTP_USER"
key Tab; typ "$FTP_PASSWORD"
key Return
for _ in $(seq 1 50); do
    xdotool search --name 'Certificate not trusted' >/dev/null 2>&1 && break
    sleep 0.2
done
sleep "${SHOT_DELAY:-1.5}"
import -window root "$OUT"
echo "screenshot: $OUT"
key Escape                      # Cancel: nothing was trusted
