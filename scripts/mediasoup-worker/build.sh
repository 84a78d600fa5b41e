#!/usr/bin/env bash
# Build mediasoup's C++ worker offline against Debian's libraries and cache the binary.
#
# Usage: bash scripts/mediasoup-worker/build.sh [<mediasoup-package-dir>]
#   <mediasoup-package-dir>  e.g. node_modules/mediasoup (its worker/ sources are used, never modified);
#                            without it, mediasoup@$DEFAULT_MEDIASOUP_VERSION is fetched with `npm pack`.
# The LAST stdout line is the absolute path of the mediasoup-worker binary; everything else goes to stderr.
# Use it as MEDIASOUP_WORKER_BIN for `npm install`/`npm ci` and at runtime.
#
# Why: mediasoup's postinstall downloads a prebuilt worker from GitHub, or pip-installs meson and
# fetches meson subprojects from GitHub/wrapdb; none of that is reachable here. So we replace every
# worker/subprojects/*.wrap with a local shim (subprojects/<name>/meson.build in this directory) that
# wraps the Debian -dev package via dependency(), plus two compat headers (libsrtp 3 API over
# libsrtp2, liburing 2.4 helpers over 2.3). No mediasoup .cpp/.hpp is changed.
#
# Env: MEDIASOUP_WORKER_CACHE  cache root (default: ~/.cache/remote-support/mediasoup-worker)
#      MEDIASOUP_WORKER_KEEP_BUILD=1  keep the temporary build dir (it is always kept on failure)
set -euo pipefail

readonly DEFAULT_MEDIASOUP_VERSION=3.19.3
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
# Everything needed to configure and compile the worker.
readonly BUILD_DEPS=(g++ make patch pkg-config meson ninja-build libssl-dev libuv1-dev libabsl-dev
  libflatbuffers-dev flatbuffers-compiler libusrsctp-dev libsrtp2-dev liburing-dev)
# Packages whose versions determine the binary (headers and libraries it links; flatc for generated code).
readonly LINKED_DEV_PKGS=(libssl-dev libuv1-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler
  libusrsctp-dev libsrtp2-dev liburing-dev)
# The binary exits with this code when MEDIASOUP_VERSION is unset, i.e. after its shared libs loaded.
readonly EXPECTED_NO_ENV_EXIT=41

WORK_DIR=""

# Keep the real stdout on fd 3 for the final path; send all other output (ours and tools') to stderr.
exec 3>&1 1>&2

log() { printf '[mediasoup-worker] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

cleanup() {
  local rc=$?
  [[ -n $WORK_DIR && -d $WORK_DIR ]] || return 0
  if [[ $rc -ne 0 || ${MEDIASOUP_WORKER_KEEP_BUILD:-0} == 1 ]]; then
    log "build dir kept at $WORK_DIR"
  else
    rm -rf "$WORK_DIR"
  fi
}

cache_root() {
  local root="${MEDIASOUP_WORKER_CACHE:-${HOME:?HOME is unset; set MEDIASOUP_WORKER_CACHE}/.cache/remote-support/mediasoup-worker}"
  mkdir -p "$root"
  (cd "$root" && pwd)
}

# Prints the packages of BUILD_DEPS that are not installed, one per line.
missing_build_deps() {
  local pkg status
  for pkg in "${BUILD_DEPS[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [[ $status == installed ]] || printf '%s\n' "$pkg"
  done
}

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 "$@"
}

# Installs missing build dependencies when running as root; otherwise fails listing them.
ensure_build_deps() {
  command -v dpkg-query >/dev/null || die "dpkg-query not found: this script expects Debian/Ubuntu"
  local missing
  mapfile -t missing < <(missing_build_deps)
  [[ ${#missing[@]} -eq 0 ]] && return 0

  if [[ $EUID -ne 0 ]]; then
    die "missing apt build dependencies: ${missing[*]}
  install them with: sudo apt-get install -y ${missing[*]}"
  fi
  log "installing missing apt build dependencies: ${missing[*]}"
  apt_install "${missing[@]}" || { apt-get update && apt_install "${missing[@]}"; } ||
    die "apt-get install failed for: ${missing[*]}"

  mapfile -t missing < <(missing_build_deps)
  [[ ${#missing[@]} -eq 0 ]] || die "still missing after apt-get install: ${missing[*]}"
}

# Absolute path of a mediasoup package dir given on the command line (must contain worker/ sources).
resolve_package_dir() {
  local dir="$1"
  [[ -f $dir/package.json && -f $dir/worker/meson.build ]] ||
    die "$dir is not a mediasoup package dir (needs package.json and worker/meson.build)"
  (cd "$dir" && pwd)
}

package_version() {
  local version
  version="$(PKG_JSON="$1/package.json" node -p 'require(process.env.PKG_JSON).version')" ||
    die "cannot read the version from $1/package.json"
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+[A-Za-z0-9.+-]*$ ]] || die "unexpected mediasoup version '$version'"
  [[ $version == "$DEFAULT_MEDIASOUP_VERSION" ]] ||
    log "warning: shims were made for mediasoup $DEFAULT_MEDIASOUP_VERSION, building $version"
  printf '%s\n' "$version"
}

# Cache key: mediasoup version + hash of the Debian -dev versions + hash of this directory's files.
cache_key() {
  local version="$1" libs_hash scripts_hash
  libs_hash="$({
    dpkg --print-architecture
    dpkg-query -W -f='${Package}=${Version}\n' "${LINKED_DEV_PKGS[@]}" | LC_ALL=C sort
  } | sha256sum | cut -c1-10)"
  scripts_hash="$(cd "$SCRIPT_DIR" && find . -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-10)"
  printf '%s-deb%s-s%s\n' "$version" "$libs_hash" "$scripts_hash"
}

# Fails unless the binary, run without any environment, exits with 41 (proves its shared libs load).
check_binary() {
  local bin="$1" rc=0
  env -i "$bin" </dev/null >/dev/null 2>&1 || rc=$?
  if [[ $rc -ne $EXPECTED_NO_ENV_EXIT ]]; then
    ldd "$bin" | grep 'not found' >&2 || true
    die "sanity check failed: '$bin' exited with $rc, expected $EXPECTED_NO_ENV_EXIT"
  fi
}

# npm-packs mediasoup@<version> into <dir> and prints the extracted package dir.
fetch_package() {
  local version="$1" dir="$2" tgz
  command -v npm >/dev/null || die "npm not found (needed to fetch mediasoup@$version)"
  log "fetching mediasoup@$version with npm pack"
  (cd "$dir" && npm pack "mediasoup@$version") >&2
  tgz="$(find "$dir" -maxdepth 1 -name 'mediasoup-*.tgz' -print -quit)"
  [[ -n $tgz ]] || die "npm pack produced no tarball"
  tar -xzf "$tgz" -C "$dir"
  printf '%s\n' "$dir/package"
}

# Debian 12's meson is 1.0.1; the worker asks for >= 1.1.0 without needing any 1.1 feature.
relax_meson_version() {
  local file="$1" required have
  required="$(sed -n "s/.*meson_version *: *'>= *\([0-9.]*\)'.*/\1/p" "$file" | head -n1)"
  have="$(meson --version)"
  [[ -z $required ]] && return 0
  dpkg --compare-versions "$have" ge "$required" && return 0
  log "relaxing meson_version '>= $required' to '>= $have' (installed meson)"
  sed -i "s/meson_version *: *'>= *$required'/meson_version: '>= $have'/" "$file"
  grep -q "meson_version: '>= $have'" "$file" || die "could not relax meson_version in $file"
}

# Copies the worker sources to <dst> and swaps every subprojects/*.wrap for our local shims.
prepare_source() {
  local src="$1" dst="$2" wrap name
  mkdir -p "$dst"
  tar -C "$src" --exclude=./out --exclude=./build --exclude=./subprojects -cf - . | tar -C "$dst" -xf -

  for wrap in "$src"/subprojects/*.wrap; do
    name="$(basename "$wrap" .wrap)"
    [[ $name == wingetopt ]] && continue # Windows only
    [[ -f $SCRIPT_DIR/subprojects/$name/meson.build ]] ||
      die "worker needs subproject '$name' but $SCRIPT_DIR/subprojects/$name has no shim"
  done
  mkdir -p "$dst/subprojects"
  cp -R "$SCRIPT_DIR/subprojects/." "$dst/subprojects/"
  apply_patches "$dst"

  relax_meson_version "$dst/meson.build"
}

# Fixes to the worker's own sources, each explained at the top of its patch (patches/*.patch).
apply_patches() {
  local dst="$1" p
  for p in "$SCRIPT_DIR"/patches/*.patch; do
    [[ -f $p ]] || continue
    log "applying $(basename "$p")"
    patch -d "$dst" -p1 --forward --silent <"$p" >&2 || die "patch $(basename "$p") does not apply to this mediasoup version"
  done
}

build_worker() {
  local dir="$1"
  log "configuring (meson $(meson --version), $(nproc) cores)"
  (cd "$dir" && meson setup --buildtype release -Db_ndebug=true --wrap-mode=nodownload build)
  # libwebrtc includes the generated FBS headers without declaring the dependency: generate them first.
  ninja -C "$dir/build" fbs/FBS
  log "compiling mediasoup-worker (takes a few minutes)"
  ninja -C "$dir/build" mediasoup-worker
  [[ -x $dir/build/mediasoup-worker ]] || die "ninja finished but build/mediasoup-worker is missing"
}

# Moves the built binary into the cache atomically (copy to a temp name in the same dir, check, rename).
install_to_cache() {
  local built="$1" dest="$2" tmp
  tmp="$(dirname "$dest")/.mediasoup-worker.tmp.$$"
  cp "$built" "$tmp"
  chmod 755 "$tmp"
  check_binary "$tmp"
  mv -f "$tmp" "$dest"
}

emit() {
  check_binary "$1"
  printf '%s\n' "$1" >&3
}

main() {
  [[ $# -le 1 ]] || die "usage: $0 [<mediasoup-package-dir>]"
  local started=$SECONDS pkg_dir="" version key root cached

  ensure_build_deps
  if [[ -n ${1:-} ]]; then
    pkg_dir="$(resolve_package_dir "$1")"
    version="$(package_version "$pkg_dir")"
  else
    version="$DEFAULT_MEDIASOUP_VERSION"
  fi

  root="$(cache_root)"
  key="$(cache_key "$version")"
  cached="$root/$key/mediasoup-worker"
  if [[ -x $cached ]]; then
    log "cache hit: $cached"
    emit "$cached"
    return 0
  fi

  # Serialize concurrent builds of the same key; the winner fills the cache for the others.
  mkdir -p "$root/$key"
  exec 9>"$root/$key/.lock"
  flock -n 9 || {
    log "another build of $key is running; waiting for it"
    flock 9
  }
  if [[ -x $cached ]]; then
    log "cache filled by a concurrent build: $cached"
    emit "$cached"
    return 0
  fi

  log "cache miss ($key): building mediasoup $version worker"
  WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-build.XXXXXX")"
  trap cleanup EXIT
  if [[ -z $pkg_dir ]]; then
    pkg_dir="$(fetch_package "$version" "$WORK_DIR")"
    [[ $(package_version "$pkg_dir") == "$version" ]] || die "npm pack returned another version"
  fi

  prepare_source "$pkg_dir/worker" "$WORK_DIR/worker"
  build_worker "$WORK_DIR/worker"
  install_to_cache "$WORK_DIR/worker/build/mediasoup-worker" "$cached"
  log "built in $((SECONDS - started)) s"
  emit "$cached"
}

main "$@"
