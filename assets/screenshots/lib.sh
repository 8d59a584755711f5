# Shared by the screenshot scripts: a virtual display, the real app from target/ferry.jar with a config
# folder of its own, and keys typed into it as a user would. Source it from the repository's top folder;
# call stop_shots from the script's own clean-up.
SHOT_XVFB_PID=
SHOT_APP_PID=

stop_shots() {
    [ -n "$SHOT_APP_PID" ] && kill "$SHOT_APP_PID" 2>/dev/null || true
    [ -n "$SHOT_XVFB_PID" ] && kill "$SHOT_XVFB_PID" 2>/dev/null || true
    SHOT_APP_PID= SHOT_XVFB_PID=
}

start_display() { # :N
    Xvfb "$1" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
    SHOT_XVFB_PID=$!
    sleep 1
    export DISPLAY=$1
}

write_settings() { # config-folder local-folder ['"more": "json fields",']
    mkdir -p "$1"
    cat > "$1/settings.json" <<JSON
{"version": 1, ${3:-} "lastLocalFolder": "$2", "theme": "${THEME:-LIGHT}",
 "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}
JSON
}

start_app() { # config-folder [java options...]: returns once the window is on screen
    local config=$1
    shift
    java -Dferry.config.dir="$config" "$@" -jar target/ferry.jar >"$config/../app.out" 2>&1 &
    SHOT_APP_PID=$!
    for _ in $(seq 1 100); do
        xdotool search --name 'Ferry$' >/dev/null 2>&1 && break
        sleep 0.2
    done
    sleep 2
}

key() { xdotool key --clearmodifiers "$@"; sleep 0.4; }
typ() { xdotool type --delay 20 "$1"; sleep 0.2; }

quick_connect() { # host port user password: the quick-connect bar (Explicit FTPS), then Enter
    key ctrl+n
    typ "$1"
    key Tab; key ctrl+a; typ "$2"
    key Tab; key Tab                # past the mode (Explicit FTPS)
    typ "$3"
    key Tab; typ "$4"
    key Return
}
