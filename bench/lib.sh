# Shared by the benchmarks: a vsftpd with require_ssl_reuse=YES on 127.0.0.1, with a local test
# user, a self-signed certificate and a fresh folder. Source it, then call start_vsftpd.
# Sets: WORK, ROOT, PORT, PASV_FROM, PASV_TO, CERT, FTP_USER, FTP_PASSWORD (exported), VSFTPD_PID.

FTP_USER=ferrytest
FTP_PASSWORD=ferry-vsftpd-secret
export FTP_PASSWORD

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

ensure_pam() {
    # Debian's "vsftpd" PAM service also wants a shell listed in /etc/shells; the test user has none.
    [ -f /etc/pam.d/ferry-vsftpd-test ] || printf 'auth required pam_unix.so\naccount required pam_unix.so\nsession required pam_permit.so\n' > /etc/pam.d/ferry-vsftpd-test
}

ensure_user() {
    ensure_pam
    if ! id "$FTP_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir / --shell /usr/sbin/nologin "$FTP_USER"
    fi
    usermod --home / "$FTP_USER" 2>/dev/null || true
    echo "$FTP_USER:$FTP_PASSWORD" | chpasswd
}

start_vsftpd() {
    [ "$(id -u)" -eq 0 ] || { echo "run as root: vsftpd needs a local user" >&2; exit 2; }
    command -v vsftpd >/dev/null || [ -x /usr/sbin/vsftpd ] || { echo "vsftpd missing: apt-get install vsftpd" >&2; exit 2; }
    ensure_user
    WORK=$(mktemp -d /tmp/ferry-bench.XXXXXX)
    chmod 755 "$WORK"
    ROOT="$WORK/root"
    mkdir -p "$ROOT" "$WORK/empty" "$WORK/local"
    chown "$FTP_USER" "$ROOT"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 2 \
        -subj "/CN=localhost" -addext "subjectAltName=IP:127.0.0.1,IP:127.0.0.2,DNS:localhost" 2>/dev/null
    CERT="$WORK/cert.pem"
    PORT=$(free_port)
    PASV_FROM=$(free_port)
    PASV_TO=$((PASV_FROM + 300 > 65535 ? 65535 : PASV_FROM + 300))
    cat > "$WORK/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$PORT
background=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
secure_chroot_dir=$WORK/empty
allow_writeable_chroot=YES
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
chroot_local_user=YES
local_root=$ROOT
pam_service_name=ferry-vsftpd-test
ssl_enable=YES
require_ssl_reuse=YES
force_local_logins_ssl=YES
force_local_data_ssl=YES
ssl_tlsv1=NO
ssl_sslv2=NO
ssl_sslv3=NO
ssl_ciphers=HIGH
rsa_cert_file=$WORK/cert.pem
rsa_private_key_file=$WORK/key.pem
pasv_enable=YES
pasv_address=127.0.0.1
pasv_min_port=$PASV_FROM
pasv_max_port=$PASV_TO
max_clients=0
max_per_ip=0
utf8_filesystem=YES
xferlog_enable=NO
CONF
    vsftpd "$WORK/vsftpd.conf" > "$WORK/vsftpd.out" 2>&1 &
    VSFTPD_PID=$!
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "vsftpd did not start: $(cat "$WORK/vsftpd.out")" >&2
    exit 1
}

stop_vsftpd() {
    if [ -n "${VSFTPD_PID:-}" ]; then
        kill "$VSFTPD_PID" 2>/dev/null || true
        wait "$VSFTPD_PID" 2>/dev/null || true
    fi
    if [ -n "${WORK:-}" ]; then
        rm -rf "$WORK"
    fi
    return 0
}

median() {
    sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'
}

# timed LABEL COMMAND...: runs COMMAND (output discarded), appends "LABEL wall user sys" to $WORK/times
timed() {
    local label=$1
    shift
    local t
    if ! t=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$WORK/command.err"; } 2>&1 ); then
        echo "$label failed: $(cat "$WORK/command.err")" >&2
        exit 1
    fi
    echo "$label $t" >> "$WORK/times"
}
