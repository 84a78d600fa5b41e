# Shared shell helpers for the setup, start, test and bench scripts.
# shellcheck shell=bash

log() { printf '\033[1m[remote-support]\033[0m %s\n' "$*" >&2; }

# Installs the Debian packages given that are missing (root: apt-get; else: fail with the list).
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})"
    return 1
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
}
