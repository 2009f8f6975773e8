#!/usr/bin/env bash
# The test command (README): installs what is missing, builds the core natively and as
# WebAssembly, and runs every suite: the doctest suites natively and, compiled to wasm, under
# Node through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/install-deps.sh

# Emscripten 3.1.6 runs its JS optimizer with Node and needs Debian's acorn from here.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc)

echo "== native build"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DINITLAB_WERROR=ON >/dev/null
cmake --build build/native -j "$jobs"
echo "== native tests"
ctest --test-dir build/native --output-on-failure -j "$jobs"

echo "== wasm build"
# Debian's emcmake would set the emulator to 'node --experimental-wasm-threads', which Node 20
# rejects; name plain node explicitly.
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DINITLAB_WERROR=ON \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
cmake --build build/wasm -j "$jobs"
echo "== wasm tests (Node)"
ctest --test-dir build/wasm --output-on-failure -j "$jobs"
