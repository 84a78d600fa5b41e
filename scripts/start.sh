#!/usr/bin/env bash
# One command to run the product: installs what is missing, builds, starts the server under
# a supervisor that restarts it after a crash. State is kept in DATA_DIR (default
# ~/.local/share/remote-support) by a private redis-server unless REDIS_URL or STATE=memory is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node server/dist/supervisor.js
