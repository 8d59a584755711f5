#!/bin/sh
# `ferry` on the PATH and in the menu: starts Ferry on the packaged runtime with exactly the class path and
# JVM options of the jpackage launcher (lib/app/ferry.cfg, so the class-data archive postinst made matches),
# without that launcher's own start-up cost: on Linux it asks dpkg and rpm which package it belongs to, about
# 0.4 s at every start. /opt/ferry/bin/ferry, the launcher itself, works the same, only slower.
app=$(dirname "$(readlink -f "$0")")
cfg="$app/ferry.cfg"
cp=$(sed -n 's|^app.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd: -)
opts=$(sed -n 's|^java-options=||p' "$cfg" | sed 's|\$APPDIR|'"$app"'|g')
# shellcheck disable=SC2086 # one option a line in ferry.cfg, none with spaces
exec "$app/../runtime/bin/java" $opts -cp "$cp" dev.ferry.app.Launcher "$@"
