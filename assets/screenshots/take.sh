#!/usr/bin/env bash
# Takes the README's screenshot of the real app: Ferry under Xvfb, connected to a local vsftpd
# (require_ssl_reuse=YES, a throwaway self-signed certificate), with an upload running.
# Needs root (vsftpd's local user), vsftpd, openssl, xvfb, xdotool, imagemagick, and a built jar
# (mvn -B -q package -DskipTests). Usage: bash assets/screenshots/take.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-assets/screenshots/commander.png}
source bench/lib.sh
DISPLAY_NUM=:77
XVFB_PID=
APP_PID=

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    stop_vsftpd
}
trap cleanup EXIT

start_vsftpd
mkdir -p "$ROOT/releases/2026" "$ROOT/backups" "$ROOT/www/assets"
for f in index.html about.html contact.html; do head -c 20000 /dev/urandom > "$ROOT/www/$f"; done
head -c 3500000 /dev/urandom > "$ROOT/releases/ferry-0.1.0.tar.gz"
head -c 812000 /dev/urandom > "$ROOT/notes.pdf"
echo "welcome" > "$ROOT/README.txt"
chown -R "$FTP_USER" "$ROOT"

LOCAL="$WORK/local/Projects"
mkdir -p "$LOCAL/photos" "$LOCAL/reports" "$LOCAL/site"
head -c 900000000 /dev/zero > "$LOCAL/disk-image.iso"
head -c 2400000 /dev/urandom > "$LOCAL/holiday.mp4"
head -c 48000 /dev/urandom > "$LOCAL/budget.xlsx"
head -c 5200 /dev/urandom > "$LOCAL/todo.md"
CONFIG="$WORK/config"
mkdir -p "$CONFIG"
cat > "$CONFIG/settings.json" <<JSON
{"version": 1, "lastLocalFolder": "$LOCAL", "confirmTransfers": false, "theme": "LIGHT",
 "fileExistsPolicy": "OVERWRITE", "bottomDivider": 0.62,
 "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}
JSON

Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
DISPLAY=$DISPLAY_NUM java -Dferry.config.dir="$CONFIG" -Dferry.speedLimit="${SPEED_LIMIT:-40000000}" \
    -jar target/ferry.jar >"$WORK/app.out" 2>&1 &
APP_PID=$!
for _ in $(seq 1 100); do
    DISPLAY=$DISPLAY_NUM xdotool search --name '^Ferry' >/dev/null 2>&1 && break
    sleep 0.2
done
sleep 2
export DISPLAY=$DISPLAY_NUM
key() { xdotool key --clearmodifiers "$@"; sleep 0.3; }
typ() { xdotool type --delay 20 "$1"; sleep 0.2; }

key ctrl+n                      # the quick-connect host field
typ 127.0.0.1
key Tab; key ctrl+a; typ "$PORT"
key Tab; key Tab                # past the mode (Explicit FTPS)
typ "$FTP_USER"
key Tab; typ "$FTP_PASSWORD"
key Return
sleep 3
key alt+o                       # "Trust once" in the certificate dialog: the certificate is self-signed
sleep 3
key Tab                         # from the remote pane to the local one
typ disk                        # type-ahead onto disk-image.iso
key F5                          # upload; settings.json says not to ask
sleep "${SHOT_DELAY:-5}"
import -window root "$OUT"
echo "screenshot: $OUT"
