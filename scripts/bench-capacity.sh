#!/usr/bin/env bash
# Capacity: how many support sessions one node carries, ours vs bare mediasoup vs Janus on the same
# replayed load (.bench/capacity.json, .bench/capacity.svg, copied to docs/capacity.svg after a full run).
# --smoke: 2 sessions per target, 1 s clip (what CI runs through test/integration/capacity-smoke.test.ts).
# Other options: --targets=ours,bare,janus  --steps=10,20,40  --out=<folder>
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec npx tsx test/bench/capacity/run-capacity.ts "$@"
