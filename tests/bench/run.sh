#!/usr/bin/env bash
# The benchmark command (README): builds both targets, runs the native benchmark, then the
# page in Chromium (first results, slider latency), and the wasm benchmark in Node against
# tfjs-wasm (installed from tests/bench/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/../.."

.ci/install-deps.sh
.ci/build.sh >/dev/null
(cd tests/bench && npm ci --no-audit --no-fund --silent)

build/native/tests/bench/forward_bench
node tests/bench/page.mjs
node tests/bench/bench.mjs build/wasm/tests/bench/forward_bench.js
