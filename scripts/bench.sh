#!/usr/bin/env bash
# Measures join time and glass-to-glass latency through the SFU; writes .bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec npx tsx test/bench/run-bench.ts "$@"
