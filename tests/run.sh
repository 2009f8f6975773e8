#!/usr/bin/env bash
# The test command (README): installs what is missing, builds the core natively and as
# WebAssembly, and runs every suite: the doctest suites natively and, compiled to wasm, under
# Node through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/install-deps.sh
.ci/build.sh

jobs=$(nproc)
echo "== native tests"
ctest --test-dir build/native --output-on-failure -j "$jobs"
echo "== wasm tests (Node)"
ctest --test-dir build/wasm --output-on-failure -j "$jobs"
