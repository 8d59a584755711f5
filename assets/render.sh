#!/usr/bin/env bash
# Renders Ferry's logo into the icon files the app and the installers use, and copies the window
# icons into the jar's resources. Needs rsvg-convert (librsvg2-bin), convert (imagemagick) and
# png2icns (icnsutils). Run it after changing ferry.svg or ferry-small.svg; commit what it writes.
set -euo pipefail
cd "$(dirname "$0")"
out=icons
res=../src/main/resources/dev/ferry/app/icons
mkdir -p "$out" "$res" ../packaging/windows ../packaging/macos ../packaging/linux
for size in 16 24 32 48 64 128 256 512; do
    # The full mark blurs below 32 px: the small drawing is made for 16 and 24.
    svg=ferry.svg
    [ "$size" -le 24 ] && svg=ferry-small.svg
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/ferry-$size.png"
done
# The window icons (Stage.getIcons) come from the jar: 16 to 256.
for size in 16 24 32 48 64 128 256; do
    cp "$out/ferry-$size.png" "$res/ferry-$size.png"
done
cp "$out/ferry-256.png" ../packaging/linux/ferry.png
convert "$out"/ferry-{16,24,32,48,64,128,256}.png ../packaging/windows/ferry.ico
png2icns ../packaging/macos/ferry.icns "$out"/ferry-{16,32,48,128,256,512}.png >/dev/null
echo "rendered: $(ls "$out" | tr '\n' ' ')"
