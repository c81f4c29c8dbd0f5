#!/usr/bin/env bash
# Rebuilds models/gan.zip, the generator the Generate tab opens with: train-gan with its defaults (conditional
# GAN, z 64 + label embedding 16, least squares, Adam 2e-4 / beta1 0.5, batch 64, seed 1) for EPOCHS epochs (default 15,
# as shipped), about 2.2 minutes an epoch on 2 quiet cores; then its quality is measured against models/cnn.zip, recorded
# in its sidecar and written to docs/gan.md. Resumable: a stopped run continues from models/gan.checkpoint/, and a run
# asked for more epochs than the checkpoint holds carries on from it (an epoch's shuffling and noise depend only on the
# seed and the epoch, so it draws the batches and noise one uninterrupted run would).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${EPOCHS:-15}"
resume=()
if [ -f models/gan.checkpoint/state.json ]; then resume=(--resume); fi
./digitloop train-gan --epochs "$epochs" --seed 1 --out models/gan.zip "${resume[@]}"
./digitloop experiment gan-quality --model models/gan.zip --per-label 1000 --seed 1 --record
