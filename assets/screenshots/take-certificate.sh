#!/usr/bin/env bash
# Takes assets/screenshots/certificate-expired.png: the real app under Xvfb connecting to a local Apache
# FtpServer whose certificate expired 30 days ago, showing the certificate dialog.
# Needs xvfb, xdotool, imagemagick and a built jar (mvn -B -q package -DskipTests); no root.
# Usage: bash assets/screenshots/take-certificate.sh [out.png]   (DISPLAY_NUM=:81 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-assets/screenshots/certificate-expired.png}
source assets/screenshots/lib.sh
WORK=$(mktemp -d)
SERVER_PID=

cleanup() {
    stop_shots
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
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
mkdir -p "$WORK/local"
write_settings "$CONFIG" "$WORK/local"

start_display "${DISPLAY_NUM:-:81}"
start_app "$CONFIG"
quick_connect localhost "$PORT" "$FTP_USER" "$FTP_PASSWORD"
for _ in $(seq 1 50); do
    xdotool search --name 'Certificate not trusted' >/dev/null 2>&1 && break
    sleep 0.2
done
sleep "${SHOT_DELAY:-1.5}"
import -window root "$OUT"
echo "screenshot: $OUT"
key Escape                      # Cancel: nothing was trusted
