#!/usr/bin/env bash
# Measures join time, screen figures per size and quality mode through the SFU next to a direct
# peer-to-peer baseline, SFU CPU and recovery times (.bench/results.json; npm run bench:table),
# then queue figures (.bench/queue.json: Accept next -> both in the session; 200 waiting and 20 agents
# accepting at once -> every customer sees their new position; server CPU), remote control on a real
# X display (control round trip, input delivery idle and under load; .bench/control.json, needs the
# built helper), session history query times at 100 000 records on memory, PGlite and PostgreSQL
# (.bench/history.json), file transfer (150 MiB peer to peer vs relay vs a bare data channel, relay CPU, page heap,
# resume cost; .bench/files.json), then what one abusive customer can cost the server (.bench/abuse.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
npx tsx test/bench/run-bench.ts "$@"
npx tsx test/bench/queue.ts
node scripts/build-helper.mjs
npx tsx test/bench/control.ts
npx tsx test/bench/history.ts
npx tsx test/bench/file-transfer.ts
exec node --expose-gc --import tsx test/bench/abuse-figures.ts
