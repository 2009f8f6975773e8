#!/usr/bin/env bash
# Installs what building and testing initlab needs on a Debian 12 machine, as root.
# Idempotent and quiet when everything is already there, so every command may call it.
set -euo pipefail

# chromium: the page's end-to-end tests (driven by playwright-core, which cannot download one).
apt_packages=(cmake make g++ clang nodejs emscripten libxsimd-dev doctest-dev chromium)

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# The machine may ship its own node (nodesource) instead of Debian's nodejs package.
if command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The page's and the JS tests' npm packages, exactly as the lock file pins them.
web=$(cd "$(dirname "$0")/../web" && pwd)
if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --silent)
fi
