#!/usr/bin/env bash
# Many files, up and down: Ferry (-P 4) against lftp mirror --parallel=4 on the same vsftpd
# (Explicit FTPS, require_ssl_reuse=YES) in the same run. Sets: 2,000 files of 4 KiB in one folder,
# and 200 files of 1 MiB in 10 folders. Prints files/s (medians over ROUNDS) and Ferry/lftp ratios.
#   SMALL_COUNT=2000 LARGE_COUNT=200 ROUNDS=3 bash bench/many-files.sh     (QUICK=1 for a tiny run)
# RTT_MS=20 puts a long-distance line in between (bench/LatencyProxy.java on 127.0.0.2; fewer files will do:
#   RTT_MS=20 SMALL_COUNT=200 LARGE_COUNT=20 bash bench/many-files.sh), where round trips per file count.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

ROUNDS=${ROUNDS:-3}
SMALL_COUNT=${SMALL_COUNT:-2000}
LARGE_COUNT=${LARGE_COUNT:-200}
if [ -n "${QUICK:-}" ]; then ROUNDS=1; SMALL_COUNT=100; LARGE_COUNT=20; fi
[ -f target/ferry.jar ] || mvn -B -q package -DskipTests
read -r -a FERRY <<< "${FERRY:-java -jar target/ferry.jar}"
command -v lftp >/dev/null || { echo "lftp missing: apt-get install lftp" >&2; exit 2; }

RTT_MS=${RTT_MS:-0}
HOST=127.0.0.1
PROXY_PID=""
stop_all() {
    [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
    stop_vsftpd
}
trap stop_all EXIT
start_vsftpd
if [ "$RTT_MS" -gt 0 ]; then
    HOST=127.0.0.2
    java bench/LatencyProxy.java "$RTT_MS" "$PORT" "$PASV_FROM" "$PASV_TO" > "$WORK/proxy.out" 2>&1 &
    PROXY_PID=$!
    for _ in $(seq 1 100); do grep -q ready "$WORK/proxy.out" && break; sleep 0.1; done
    grep -q ready "$WORK/proxy.out" || { echo "the latency proxy did not start: $(cat "$WORK/proxy.out")" >&2; exit 1; }
fi
URL="ftpes://$FTP_USER@$HOST:$PORT"
LOCAL="$WORK/local"
echo "== $(java -version 2>&1 | head -1); $(lftp --version | head -1); vsftpd on 127.0.0.1:$PORT; $(nproc) cores"
[ "$RTT_MS" -gt 0 ] && echo "== through a line of $RTT_MS ms round trip: $HOST:$PORT"

echo "== making $SMALL_COUNT files of 4 KiB and $LARGE_COUNT files of 1 MiB"
mkdir -p "$LOCAL/small" "$LOCAL/large"
for i in $(seq 1 "$SMALL_COUNT"); do head -c 4096 /dev/urandom > "$LOCAL/small/s$i.bin"; done
for i in $(seq 1 "$LARGE_COUNT"); do
    mkdir -p "$LOCAL/large/d$((i % 10))"
    head -c 1048576 /dev/urandom > "$LOCAL/large/d$((i % 10))/l$i.bin"
done

tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
declare -A expected
expected[small]=$(tree_sum "$LOCAL/small")
expected[large]=$(tree_sum "$LOCAL/large")

# Both tools run with their defaults (TLS 1.3 where the server offers it). lftp may close an upload's
# data connection without reading vsftpd's TLS 1.3 session ticket, and vsftpd then answers 426 and
# keeps a truncated file (DESIGN §3): an incomplete result is reported as a problem, not a stop.
# To compare on TLS 1.2: LFTP_TLS="NORMAL:-VERS-TLS1.3" FERRY_ARGS="--tls-max 1.2".
LFTP_TLS=${LFTP_TLS:-}
read -r -a FERRY_ARGS <<< "${FERRY_ARGS:-}"
echo "== lftp with ${LFTP_TLS:+ssl:priority $LFTP_TLS}${LFTP_TLS:-its default TLS settings}; Ferry with ${FERRY_ARGS[*]:-its defaults}"
lftp_run() { # commands...
    local priority=""
    [ -n "$LFTP_TLS" ] && priority="set ssl:priority '$LFTP_TLS';"
    lftp -c "$priority set ftp:ssl-force true; set ftp:ssl-protect-data true; set ftp:ssl-auth TLS; set ssl:ca-file $CERT;
             set ssl:verify-certificate no; set net:max-retries 2; set net:timeout 20; set cmd:fail-exit true;
             set ftp:ignore-pasv-address yes; open -u $FTP_USER,$FTP_PASSWORD -p $PORT $HOST; $*"
}

verify() { # label folder set
    local got
    got=$(tree_sum "$2")
    if [ "$got" != "${expected[$3]}" ]; then
        local n
        n=$(find "$2" -type f | wc -l)
        echo "INCOMPLETE: $1 left $n files, not byte-exact" >&2
        echo "$1 incomplete" >> "$WORK/problems"
    fi
}

timed_soft() { # like timed, but a failure is a problem to report, not the end of the run
    local label=$1
    shift
    local t
    if ! t=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$WORK/command.err"; } 2>&1 ); then
        echo "$label failed: $(tail -1 "$WORK/command.err")" | tee -a "$WORK/problems" >&2
        t=$(echo "$t" | tail -1)
    fi
    echo "$label $t" >> "$WORK/times"
}

: > "$WORK/times"
: > "$WORK/problems"
for round in $(seq 1 "$ROUNDS"); do
    for set in small large; do
        rm -rf "${ROOT:?}"/*
        timed "ferry-put-$set" "${FERRY[@]}" put -r -P 4 -q ${FERRY_ARGS[@]+"${FERRY_ARGS[@]}"} --cacert "$CERT" --password-env FTP_PASSWORD "$LOCAL/$set" "$URL/$set"
        verify "ferry-put-$set" "$ROOT/$set" "$set"
        rm -rf "$WORK/back"
        timed "ferry-get-$set" "${FERRY[@]}" get -r -P 4 -q ${FERRY_ARGS[@]+"${FERRY_ARGS[@]}"} --cacert "$CERT" --password-env FTP_PASSWORD "$URL/$set" "$WORK/back"
        verify "ferry-get-$set" "$WORK/back" "$set"
        rm -rf "${ROOT:?}"/*
        timed_soft "lftp-put-$set" lftp_run "mirror -R --parallel=4 $LOCAL/$set /$set"
        verify "lftp-put-$set" "$ROOT/$set" "$set"
        rm -rf "$WORK/back"
        timed_soft "lftp-get-$set" lftp_run "mirror --parallel=4 /$set $WORK/back"
        verify "lftp-get-$set" "$WORK/back" "$set"
    done
    echo "round $round: $(tail -8 "$WORK/times" | awk '{printf "%s %.2fs  ", $1, $2}')"
done

echo
printf '%-16s %10s %10s\n' "" "median s" "files/s"
for set in small large; do
    count=$([ "$set" = small ] && echo "$SMALL_COUNT" || echo "$LARGE_COUNT")
    for tool in ferry lftp; do
        for dir in put get; do
            l="$tool-$dir-$set"
            w=$(awk -v l="$l" '$1==l {print $2}' "$WORK/times" | median)
            printf '%-16s %10.2f %10.1f\n' "$l" "$w" "$(echo "$count / $w" | bc -l)"
        done
    done
done
echo
for set in small large; do
    for dir in put get; do
        f=$(awk -v l="ferry-$dir-$set" '$1==l {print $2}' "$WORK/times" | median)
        t=$(awk -v l="lftp-$dir-$set" '$1==l {print $2}' "$WORK/times" | median)
        printf '%s %s: Ferry/lftp files/s %.2fx\n' "$set" "$dir" "$(echo "$t / $f" | bc -l)"
    done
done
if [ -s "$WORK/problems" ]; then
    echo; echo "problems:"; cat "$WORK/problems"
fi
