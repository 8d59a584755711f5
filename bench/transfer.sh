#!/usr/bin/env bash
# Times `ferry get` and `ferry put` of one large file against curl on the same vsftpd
# (Explicit FTPS, require_ssl_reuse=YES) in the same run: interleaved rounds, medians, the
# Ferry/curl throughput ratio and client CPU seconds per GB.
#   SIZE_MIB=512 ROUNDS=3 FERRY="java -jar target/ferry.jar" bash bench/transfer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE_MIB=${SIZE_MIB:-512}
ROUNDS=${ROUNDS:-3}
[ -f target/ferry.jar ] || mvn -B -q package -DskipTests
read -r -a FERRY <<< "${FERRY:-java -jar target/ferry.jar}"

trap stop_vsftpd EXIT
start_vsftpd
URL="ftpes://$FTP_USER@127.0.0.1:$PORT"
CURL_URL="ftp://$FTP_USER:$FTP_PASSWORD@127.0.0.1:$PORT"
LOCAL="$WORK/local"

echo "== $(java -version 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); vsftpd on 127.0.0.1:$PORT; $(nproc) cores"
echo "== ferry: ${FERRY[*]}"
echo "== making a $SIZE_MIB MiB file"
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$LOCAL/source.bin"
cp "$LOCAL/source.bin" "$ROOT/remote.bin"
chown "$FTP_USER" "$ROOT/remote.bin"
expected=$(sha256sum < "$LOCAL/source.bin" | cut -d' ' -f1)
check() {
    local got
    got=$(sha256sum < "$1" | cut -d' ' -f1)
    [ "$got" = "$expected" ] || { echo "MISMATCH: $1 is not byte-exact" >&2; exit 1; }
    rm -f "$1"
}

: > "$WORK/times"
for round in $(seq 1 "$ROUNDS"); do
    timed ferry-get "${FERRY[@]}" get -q --cacert "$CERT" --password-env FTP_PASSWORD "$URL/remote.bin" "$LOCAL/ferry.bin"
    check "$LOCAL/ferry.bin"
    timed curl-get curl -sS --ssl-reqd --cacert "$CERT" "$CURL_URL/remote.bin" -o "$LOCAL/curl.bin"
    check "$LOCAL/curl.bin"
    timed ferry-put "${FERRY[@]}" put -q --cacert "$CERT" --password-env FTP_PASSWORD "$LOCAL/source.bin" "$URL/ferry-up.bin"
    check "$ROOT/ferry-up.bin"
    timed curl-put curl -sS --ssl-reqd --cacert "$CERT" -T "$LOCAL/source.bin" "$CURL_URL/curl-up.bin"
    check "$ROOT/curl-up.bin"
    echo "round $round: $(tail -4 "$WORK/times" | awk '{printf "%s %.2fs  ", $1, $2}')"
done

gb=$(echo "$SIZE_MIB / 1024" | bc -l)
stat() { # label field -> median
    awk -v l="$1" -v f="$2" '$1==l {print $f}' "$WORK/times" | median
}
cpu() { # label -> median user+sys
    awk -v l="$1" '$1==l {print $3+$4}' "$WORK/times" | median
}
echo
printf '%-10s %10s %12s %14s\n' "" "median s" "MiB/s" "CPU s per GB"
for l in ferry-get curl-get ferry-put curl-put; do
    w=$(stat "$l" 2)
    printf '%-10s %10.2f %12.1f %14.2f\n' "$l" "$w" "$(echo "$SIZE_MIB / $w" | bc -l)" "$(echo "$(cpu "$l") / $gb" | bc -l)"
done
echo
printf 'get: Ferry/curl throughput %.2fx\n' "$(echo "$(stat curl-get 2) / $(stat ferry-get 2)" | bc -l)"
printf 'put: Ferry/curl throughput %.2fx\n' "$(echo "$(stat curl-put 2) / $(stat ferry-put 2)" | bc -l)"
