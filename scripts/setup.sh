#!/usr/bin/env bash
# Installs everything the product needs on a fresh Debian 12 machine, idempotently:
# runtime libraries, npm dependencies, the mediasoup worker (built offline, cached
# outside the repo), and the built web apps + server. redis-server is a runtime dependency
# (npm start keeps its state in a private one); `--test` adds chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

WITH_TEST_DEPS=0
[ "${1:-}" = "--test" ] && WITH_TEST_DEPS=1

# Libraries the mediasoup worker links against (the build script adds its -dev packages),
# and redis-server, which keeps the state of `npm start` across restarts.
ensure_apt_packages libuv1 libssl3 libabsl20220623 libsrtp2-1 libusrsctp2 liburing2 redis-server
# Firefox ESR customers are tested too (e2e firefox-customer): its audio needs a PulseAudio sink,
# and the test puts the media server on a veth pair (iproute2). Remote control is tested on a real X
# display: Xvfb, with xdotool acting as the customer's own hand.
# Session history is tested against a real PostgreSQL server too (a throwaway one per test file).
[ "$WITH_TEST_DEPS" = 1 ] && ensure_apt_packages chromium firefox-esr pulseaudio iproute2 xvfb xdotool postgresql
# The capacity bench (npm run bench:capacity; its 2-session smoke runs in the integration tests) encodes its
# clip once with ffmpeg and runs Janus (VideoRoom) side by side with our server.
[ "$WITH_TEST_DEPS" = 1 ] && ensure_apt_packages ffmpeg janus

# npm dependencies. MEDIASOUP_WORKER_BIN stops mediasoup's postinstall from downloading
# a prebuilt worker from GitHub (unreachable); we build it below instead.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dependencies"
  # `npm install`, not `npm ci`: npm 11 misreads the optional per-platform packages of
  # unrs-resolver (a jest dependency) and refuses `npm ci` even on a fresh lock file.
  MEDIASOUP_WORKER_BIN=/dev/null PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund
fi

worker_target=node_modules/mediasoup/worker/out/Release/mediasoup-worker
worker_bin=$(bash scripts/mediasoup-worker/build.sh node_modules/mediasoup | tail -n 1)
if ! cmp -s "$worker_bin" "$worker_target" 2>/dev/null; then
  mkdir -p "$(dirname "$worker_target")"
  cp "$worker_bin" "$worker_target"
  log "mediasoup worker installed from $worker_bin"
fi

log "building web apps and server"
node scripts/build.mjs
