#!/usr/bin/env bash
# The original system's hypothesis, checked: the noise's share of the generator's input against the label's decides
# variety against fidelity. Trains one GAN per variant for EPOCHS epochs (default 3; the same seed, data and recipe
# as models/build-gan.sh otherwise) into target/gan-hypothesis/eEPOCHS/, then measures each with gan-quality (1,000
# digits per label) into docs/gan/hypothesis-eEPOCHS.md and copies its last sample grid to
# docs/gan/hypothesis-eEPOCHS-NAME.png. VARIANTS="z16 z64" picks some (default: all five).
# Resumable: a trained variant is kept, a stopped one continues from its checkpoint, a measured one is not measured again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${EPOCHS:-3}"
wanted=" ${VARIANTS:-z16 z64 z256 z64-bce z64-naming} "
dir="target/gan-hypothesis/e$epochs"
table="docs/gan/hypothesis-e$epochs.md"
mkdir -p "$dir" docs/gan
variant() {
  local name="$1"; shift
  [[ "$wanted" == *" $name "* ]] || return 0
  local out="$dir/$name.zip"
  if [ ! -f "$out" ]; then
    local resume=()
    if [ -f "$dir/$name.checkpoint/state.json" ]; then resume=(--resume); fi
    ./digitloop train-gan --epochs "$epochs" --seed 1 --out "$out" "$@" "${resume[@]}"
  fi
  if ! grep -q "gan-quality $name.zip: begin" "$table" 2>/dev/null; then
    ./digitloop experiment gan-quality --model "$out" --per-label 1000 --seed 1 --out "$table"
  fi
  if [ -f "$dir/$name-samples/epoch-$(printf %02d "$epochs").png" ]; then
    cp "$dir/$name-samples/epoch-$(printf %02d "$epochs").png" "docs/gan/hypothesis-e$epochs-$name.png"
  fi
}
# The noise's share: z 16, 64 and 256 beside a label embedding of 16.
variant z16 --z 16 --embedding 16
variant z64 --z 64 --embedding 16
variant z256 --z 256 --embedding 16
# The loss at the default ratio, and the discriminator that also names the digit (auxiliary classifier, weight 1).
variant z64-bce --z 64 --embedding 16 --loss BCE
variant z64-naming --z 64 --embedding 16 --class-weight 1
