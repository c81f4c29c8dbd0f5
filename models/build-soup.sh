#!/usr/bin/env bash
# The 99.53 % CNN that is NOT the default (README, "Default models", for why): three continuations
# of models/cnn.zip with zooms added, then the average of their weights. Resumable; writes to
# target/models/. About 40-60 min on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
steps=target/models
mkdir -p "$steps"
cont() {
  local out="$1"; shift
  if [ -f "$out" ]; then echo "$out exists; keeping it"; return; fi
  ./digitloop train --model cnn --from models/cnn.zip --augment --zoom 0.1 --batch 128 --lr 4e-4 "$@" --out "$out"
}
cont "$steps/cnn-zoom-a.zip" --epochs 8 --lr-decay 0.75 --seed 1    # measured 99.49 %
cont "$steps/cnn-zoom-b.zip" --epochs 10 --lr-decay 0.78 --seed 1   # measured 99.49 %
cont "$steps/cnn-zoom-c.zip" --epochs 8 --lr-decay 0.75 --seed 2    # measured 99.50 %
./digitloop average --out "$steps/cnn-soup.zip" "$steps/cnn-zoom-a.zip" "$steps/cnn-zoom-b.zip" "$steps/cnn-zoom-c.zip"   # measured 99.53 %
