#!/usr/bin/env bash
# Takes the README's screenshots of the site manager and of the session dialog (New site) from the real app
# under Xvfb, with a throwaway config folder seeded with a few sites in folders. No server is needed.
# Needs xvfb, xdotool, imagemagick and a built jar (mvn -B -q package -DskipTests).
# Usage: bash assets/screenshots/take-site-manager.sh [site-manager.png] [session-dialog.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-assets/screenshots/site-manager.png}
OUT_SESSION=${2:-assets/screenshots/session-dialog.png}
source assets/screenshots/lib.sh
WORK=$(mktemp -d)

cleanup() {
    stop_shots
    rm -rf "$WORK"
}
trap cleanup EXIT

CONFIG="$WORK/config"
mkdir -p "$WORK/home"
write_settings "$CONFIG" "$WORK/home"
site() { # id name folder mode host port user passwordMode remote comment
    local typed=false; [ "$6" != 21 ] && [ "$6" != 990 ] && typed=true
    printf '{"id": "%s", "name": "%s", "folder": "%s", "mode": "%s", "host": "%s", "port": %s, "portTyped": %s,
      "user": "%s", "passwordMode": "%s", "dataMode": "PASSIVE", "tlsMinimum": "TLS_1_2", "remoteFolder": "%s",
      "localFolder": "", "parallel": 2, "encoding": "UTF-8", "comment": "%s"}' "$1" "$2" "$3" "$4" "$5" "$6" "$typed" \
      "$7" "$8" "$9" "${10}"
}
cat > "$CONFIG/sites.json" <<JSON
{"version": 1, "folders": ["Clients", "Clients/Acme", "Clients/Globex", "Home", "Work"],
 "sites": [
  $(site 1 "Acme production" "Clients/Acme" EXPLICIT ftp.acme.example 21 deploy STORED /var/www "Deploys on Fridays only"),
  $(site 2 "Acme staging" "Clients/Acme" EXPLICIT staging.acme.example 2121 deploy STORED /var/www ""),
  $(site 3 "Globex reports" "Clients/Globex" IMPLICIT files.globex.example 990 reports ASK /outgoing ""),
  $(site 4 "Initech archive" "Clients" EXPLICIT archive.initech.example 21 ann ASK "" ""),
  $(site 5 "NAS" "Home" EXPLICIT nas.local 21 me STORED /photos ""),
  $(site 6 "Build server" "Work" EXPLICIT build.internal.example 21 ci STORED /artifacts ""),
  $(site 7 "Public mirror" "" EXPLICIT mirror.example.org 21 anonymous ANONYMOUS /pub "")
 ]}
JSON

start_display "${DISPLAY_NUM:-:83}"
start_app "$CONFIG"

key ctrl+shift+s                # the site manager
sleep 2
for _ in 1 2 3 4; do key Down; done   # My sites > Clients > Acme > Acme production
sleep 1
WIN=$(xdotool search --name '^Site manager$' | head -1)
import -window "$WIN" "$OUT"
echo "screenshot: $OUT"

key ctrl+n                      # New site, in the selected site's folder
sleep 2
typ "Wiki"
key Tab; key Tab; typ "wiki.acme.example"
key Tab; key Tab; typ "editor"
sleep 1
WIN=$(xdotool search --name '^New site$' | head -1)
import -window "$WIN" "$OUT_SESSION"
echo "screenshot: $OUT_SESSION"
