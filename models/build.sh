#!/usr/bin/env bash
# Rebuilds the default models the app opens with. Resumable: every step that exists is kept unless
# --force is given (then everything is rebuilt). Intermediate models go to target/models/.
# Recipes and measured results: README.md, "Default models". About 2.5 hours on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
force="${1:-}"
steps=target/models
mkdir -p "$steps"
fresh() { [ ! -f "$1" ] || [ "$force" = "--force" ]; }
train() {
  local out="$1"; shift
  if fresh "$out"; then ./digitloop train "$@" --out "$out"; else echo "$out exists; keeping it (--force to rebuild)"; fi
}
average() {
  local out="$1"; shift
  if fresh "$out"; then ./digitloop average --out "$out" "$@"; else echo "$out exists; keeping it (--force to rebuild)"; fi
}

# CNN 32-64-128 (conv, BN, LeakyReLU, pool), dense 256, dropout 0.4.
train "$steps/cnn-base.zip" --model cnn --augment --epochs 18 --batch 128 --lr 2e-3 --lr-decay 0.85 --seed 1    # 99.44 %
# Three continuations with zooms added, then the average of their weights (a model soup).
zoom() { train "$1" --model cnn --from "$steps/cnn-base.zip" --augment --zoom 0.1 --batch 128 --lr 4e-4 "${@:2}"; }
zoom "$steps/cnn-zoom-a.zip" --epochs 8 --lr-decay 0.75 --seed 1     # 99.49 %
zoom "$steps/cnn-zoom-b.zip" --epochs 10 --lr-decay 0.78 --seed 1    # 99.49 %
zoom "$steps/cnn-zoom-c.zip" --epochs 8 --lr-decay 0.75 --seed 2     # 99.50 %
average "$steps/cnn-soup.zip" "$steps/cnn-zoom-a.zip" "$steps/cnn-zoom-b.zip" "$steps/cnn-zoom-c.zip"    # 99.53 %
# The soup calls scribbles and noise a confident 8: two short continuations that also see synthetic
# non-digits with a uniform target (outlier exposure), then their average.
expose() { train "$1" --model cnn --from "$steps/cnn-soup.zip" --augment --zoom 0.1 --non-digits 0.15 --batch 128 --lr 1e-4 --lr-decay 0.75 "${@:2}"; }
expose "$steps/cnn-soup-oe.zip" --epochs 4 --seed 4     # 99.47 %
expose "$steps/cnn-soup-oe2.zip" --epochs 3 --seed 5
average models/cnn.zip "$steps/cnn-soup-oe.zip" "$steps/cnn-soup-oe2.zip"

# MLP 512-256-128, dropout 0.3: 98.74 % on the test set.
train models/mlp.zip --model mlp --augment --epochs 20 --batch 128 --lr 1e-3 --lr-decay 0.9 --seed 1
