#!/usr/bin/env bash
# One command to run the product: installs what is missing, builds, starts the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --enable-source-maps server/dist/main.js
