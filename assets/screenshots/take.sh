#!/usr/bin/env bash
# Takes the README's screenshot of the real app: Ferry under Xvfb, connected to a local vsftpd
# (require_ssl_reuse=YES, a throwaway self-signed certificate), with an upload running.
# Needs root (vsftpd's local user), vsftpd, openssl, xvfb, xdotool, imagemagick, and a built jar
# (mvn -B -q package -DskipTests). Usage: bash assets/screenshots/take.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-assets/screenshots/commander.png}
source bench/lib.sh
source assets/screenshots/lib.sh

cleanup() {
    stop_shots
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
write_settings "$CONFIG" "$LOCAL" '"confirmTransfers": false, "fileExistsPolicy": "OVERWRITE", "bottomDivider": 0.62,'

start_display "${DISPLAY_NUM:-:77}"
start_app "$CONFIG" -Dferry.speedLimit="${SPEED_LIMIT:-40000000}"
quick_connect 127.0.0.1 "$PORT" "$FTP_USER" "$FTP_PASSWORD"
sleep 3
key alt+o                       # "Trust once" in the certificate dialog: the certificate is self-signed
sleep 3
key Tab                         # from the remote pane to the local one
typ disk                        # type-ahead onto disk-image.iso
key F5                          # upload; settings.json says not to ask
sleep "${SHOT_DELAY:-5}"
import -window root "$OUT"
echo "screenshot: $OUT"
