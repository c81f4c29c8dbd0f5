#!/usr/bin/env bash
# Builds DigitLoop as an installable app with the JDK's jpackage: an app image with its own trimmed
# runtime (jlink) and the default models, target/app/digitloop/, and with --deb also a Debian package
# (needs dpkg-deb and fakeroot: apt-get install -y dpkg fakeroot). A shell script rather than a
# subcommand of the app: it packages the app, so it must run before there is one, from a source checkout.
#
#   packaging/build-app.sh            # app image: target/app/digitloop/bin/digitloop
#   packaging/build-app.sh --deb      # also target/app/digitloop_<version>_amd64.deb
#   packaging/build-app.sh --no-build # reuse target/digitloop.jar and target/lib/ as they are
#
# The installed launcher behaves as ./digitloop: no arguments opens the window, a subcommand runs headless,
# paths resolve against the caller's folder. The app's own files live in the user's data folder
# ($XDG_DATA_HOME/digitloop, by default ~/.local/share/digitloop): files.InstalledApp copies the shipped
# models there on first start (never over a file of the same name) and the install stays read-only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
version=0.1.0
deb=false
build=true
for arg in "$@"; do
  case "$arg" in
    --deb) deb=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n 2,14p "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
for tool in jlink jpackage; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found: it comes with a full JDK 17 (not a JRE)" >&2; exit 1; }
done
if $deb; then
  for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || { echo "error: --deb needs $tool: apt-get install -y dpkg fakeroot" >&2; exit 1; }
  done
fi

if $build || [ ! -f target/digitloop.jar ]; then
  echo "Building the jar (mvn package)..." >&2
  mvn -q -B -DskipTests package >&2
fi

out=target/app
input=target/app-input
runtime=target/app-runtime
rm -rf "$out" "$input" "$runtime"
mkdir -p "$input/models" "$out"
cp target/digitloop.jar "$input/"
cp -r target/lib "$input/lib"
cp models/cnn.zip models/cnn.json models/mlp.zip models/mlp.json "$input/models/"

# The modules jdeps finds in digitloop.jar and in each library jar it can read (several of DL4J's jars carry
# module descriptors jdeps rejects, and reading the 98 jars one by one takes ~5 minutes, so the union is
# written down here), plus modules that code may load by name at run time, which jdeps cannot see; those
# (java.naming, java.scripting, jdk.crypto.ec, jdk.zipfs, java.instrument, jdk.charsets, jdk.localedata)
# are a margin, not a measured need: the smoke test (packaging/test-app.sh) is what shows the set suffices.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.net.http,java.prefs,java.rmi,java.sql,java.xml,jdk.management,jdk.unsupported,java.naming,java.scripting,jdk.crypto.ec,jdk.zipfs,java.instrument,jdk.charsets,jdk.localedata
echo "Trimming the runtime with jlink..." >&2
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

echo "Packaging the app image with jpackage..." >&2
# The launcher's options are ./digitloop's (keep the two alike); $APPDIR is the install's lib/app folder.
jpackage --type app-image --name digitloop --app-version "$version" --vendor DigitLoop \
  --description "Handwritten-digit recognition with a human in the loop" \
  --input "$input" --main-jar digitloop.jar --main-class digitloop.DigitLoopApp \
  --runtime-image "$runtime" --dest "$out" \
  --java-options '-Xmx3g' --java-options '-Dorg.bytedeco.javacpp.maxphysicalbytes=5G' \
  --java-options '-XX:+ExplicitGCInvokesConcurrent' --java-options '-Ddigitloop.app=$APPDIR'
rm -rf "$input" "$runtime"
echo "App image: $out/digitloop ($(du -sh "$out/digitloop" | cut -f1)); run $out/digitloop/bin/digitloop" >&2

if $deb; then
  echo "Packaging the .deb with jpackage (compressing takes a few minutes)..." >&2
  jpackage --type deb --app-image "$out/digitloop" --name digitloop --app-version "$version" --vendor DigitLoop \
    --description "Handwritten-digit recognition with a human in the loop" \
    --linux-package-name digitloop --linux-app-category science --linux-shortcut --dest "$out"
  echo "Debian package: $(ls "$out"/*.deb) ($(du -sh "$out"/*.deb | cut -f1)); install with sudo apt install ./$(ls "$out"/*.deb)" >&2
fi
