#!/usr/bin/env bash
# The benchmark command (README): builds both targets, runs the native benchmark, then the
# page in Chromium (first results, slider latency), and the wasm benchmark in Node against
# tfjs-wasm (installed from tests/bench/package-lock.json) and native PyTorch 1.13 on one thread
# (Debian's python3-torch, tests/bench/torch_baseline.py).
set -euo pipefail
cd "$(dirname "$0")/../.."

.ci/install-deps.sh
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi
.ci/build.sh >/dev/null
(cd tests/bench && npm ci --no-audit --no-fund --silent)

build/native/tests/bench/forward_bench
node tests/bench/page.mjs
node tests/bench/bench.mjs build/wasm/tests/bench/forward_bench.js
