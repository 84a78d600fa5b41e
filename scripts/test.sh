#!/usr/bin/env bash
# One command to run every test tier: installs what is missing (incl. redis-server and
# chromium), type-checks, lints, then runs unit, integration (real Redis + mediasoup)
# and end-to-end (real Chromium) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/setup.sh --test

log "type-check"; npx tsc -p tsconfig.json --noEmit
log "lint"; npx eslint .
log "unit + integration tests"; npx jest --selectProjects unit integration --ci
log "end-to-end tests (Chromium)"; npx jest --selectProjects e2e --ci --runInBand
