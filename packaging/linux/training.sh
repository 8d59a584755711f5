# Sourced by make-classlist.sh and runtime.sh, which train on the app image: a display for one start of the
# window, and the demo server for the command line. The caller's EXIT trap calls stop_training.
training_xvfb="" training_server=""

# Exports DISPLAY as a new Xvfb when none is set and Xvfb is installed; false when there is no display then.
start_training_display() {
    if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
        local n display=""
        for n in $(seq 70 99); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
        Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & training_xvfb=$!
        export DISPLAY=$display
        sleep 1
    fi
    [ -n "${DISPLAY:-}" ]
}

# start_training_server CLASSPATH WORKDIR: the demo server (TrainingServer.java) in the build JDK's java (the
# packaged runtime has no compiler), running until stop_training_server. Sets training_url (ftpes://user@host:port),
# training_fingerprint, and exports FERRY_TRAINING_PASSWORD; false when it did not start.
start_training_server() {
    local cp=$1 work=$2 port="" user="" password=""
    mkfifo "$work/server.in"
    java -cp "$cp" packaging/linux/TrainingServer.java < "$work/server.in" > "$work/server.out" 2>"$work/server.err" &
    training_server=$!
    exec 3> "$work/server.in"
    for _ in $(seq 100); do [ -s "$work/server.out" ] && break; sleep 0.2; done
    training_fingerprint=""
    read -r port user password training_fingerprint _ < "$work/server.out" || true
    export FERRY_TRAINING_PASSWORD=$password
    training_url="ftpes://$user@127.0.0.1:$port"
    [ -n "$port" ]
}

# Closes the server's input, which ends it.
stop_training_server() {
    exec 3>&-
    [ -z "$training_server" ] || wait "$training_server" || true
    training_server=""
}

stop_training() {
    { [ -z "$training_xvfb" ] || kill "$training_xvfb"; [ -z "$training_server" ] || kill "$training_server"; } 2>/dev/null
    true
}
