#!/usr/bin/env bash
# Measures the built app image (packaging/build-app.sh first): its size, the wall time of `--help` (five
# runs, each figure printed), and under Xvfb the wall time from launch to the window being visible and to
# the engine (data + model) being ready, from the app's own start-up probe (-Ddigitloop.startupProbe,
# the one `./digitloop bench` uses). MNIST is linked into the fresh data folder from datasets/mnist so
# the first start does not fetch it. Run it as: xvfb-run -a packaging/measure-app.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$here/target/app/digitloop"
[ -x "$app/bin/digitloop" ] || { echo "error: no app image in $app: run packaging/build-app.sh first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_DATA_HOME/digitloop/datasets"
ln -s "$(readlink -f "$here/datasets/mnist")" "$XDG_DATA_HOME/digitloop/datasets/mnist"
cd "$work"
echo "app image: $(du -sm "$app" | cut -f1) MiB ($app); runtime $(du -sm "$app/lib/runtime" | cut -f1) MiB, libraries $(du -sm "$app/lib/app/lib" | cut -f1) MiB"
for deb in "$here"/target/app/*.deb; do [ -f "$deb" ] && echo "deb: $(du -sm "$deb" | cut -f1) MiB ($deb)"; done
for i in 1 2 3 4 5; do
  start=$(date +%s%N); "$app/bin/digitloop" --help > /dev/null; end=$(date +%s%N)
  echo "--help run $i: $(( (end - start) / 1000000 )) ms"
done
if [ -n "${DISPLAY:-}" ]; then
  start=$(date +%s%N)
  JAVA_TOOL_OPTIONS=-Ddigitloop.startupProbe=true "$app/bin/digitloop" 2>/dev/null | while read -r tag what rest; do
    [ "$tag" = STARTUP ] || continue
    now=$(date +%s%N)
    case "$what" in
      window|engine) echo "launch to $what: $(( (now - start) / 1000000 )) ms wall ($rest ms after the JVM started)" ;;
      resident) echo "resident 20 s after the engine was ready: $rest MiB (current, peak)" ;;
    esac
  done
else
  echo "no DISPLAY: run under xvfb-run -a for the time to the window"
fi
