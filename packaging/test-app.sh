#!/usr/bin/env bash
# Smoke test of the installable app: builds the app image (packaging/build-app.sh, options passed on),
# then runs its launcher from another folder with a fresh data folder: --help, and a headless predict of
# the PNGs in packaging/smoke/ (named <digit>-<n>.png: MNIST test digits as 200x200 scans, dark on white,
# one inverted) whose answers must be their names' digits. Checks that the shipped models were copied into
# the data folder, that --out resolved against the caller's folder, and that the install was not written to.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/packaging/build-app.sh" "$@"
app="$here/target/app/digitloop"
launcher="$app/bin/digitloop"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/caller"
export XDG_DATA_HOME="$work/data"
cd "$work/caller"
find "$app" -type f | sort > "$work/install-before.txt"

start=$(date +%s%N)
"$launcher" --help > help.txt
end=$(date +%s%N)
grep -q "^Usage: digitloop" help.txt || { echo "FAIL: --help printed no usage:" >&2; cat help.txt >&2; exit 1; }
echo "ok: --help in $(( (end - start) / 1000000 )) ms"

models="$XDG_DATA_HOME/digitloop/models"
for f in cnn.zip cnn.json mlp.zip mlp.json; do
  [ -f "$models/$f" ] || { echo "FAIL: $models/$f was not copied from the install" >&2; exit 1; }
done
echo "ok: the shipped models are in $models"

cp -r "$here/packaging/smoke" pngs
start=$(date +%s%N)
"$launcher" predict --model "$models/cnn.zip" pngs --out preds.csv
end=$(date +%s%N)
[ -f preds.csv ] || { echo "FAIL: predict --out preds.csv did not write into the caller's folder" >&2; exit 1; }
count=0
while IFS=, read -r file label rest; do
  [ "$file" = file ] && continue
  expected="$(basename "$file" | cut -c1)"
  [ "$label" = "$expected" ] || { echo "FAIL: $file read as '$label', expected $expected" >&2; cat preds.csv >&2; exit 1; }
  count=$((count + 1))
done < preds.csv
[ "$count" -ge 5 ] || { echo "FAIL: only $count rows in preds.csv" >&2; exit 1; }
echo "ok: predict read $count PNGs right in $(( (end - start) / 1000000 )) ms"

ls "$XDG_DATA_HOME/digitloop/logs/"digitloop-*.log >/dev/null || { echo "FAIL: no log in the data folder" >&2; exit 1; }
find "$app" -type f | sort > "$work/install-after.txt"
diff -q "$work/install-before.txt" "$work/install-after.txt" >/dev/null \
  || { echo "FAIL: the run wrote into the install:" >&2; diff "$work/install-before.txt" "$work/install-after.txt" >&2; exit 1; }
echo "ok: logs in the data folder, nothing written into the install"
echo "app image: $(du -sh "$app" | cut -f1)"
