#!/usr/bin/env bash
# Measures join time, glass-to-glass latency, SFU CPU and recovery times (.bench/results.json),
# then what one abusive customer can cost the server (.bench/abuse.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
npx tsx test/bench/run-bench.ts "$@"
exec node --expose-gc --import tsx test/bench/abuse-figures.ts
