#!/usr/bin/env bash
# Builds initlab natively (build/native) and as WebAssembly (build/wasm), Release, warnings
# as errors. Called by the test command and the benchmark command.
set -euo pipefail
cd "$(dirname "$0")/.."

# Emscripten 3.1.6 runs its JS optimizer with Node and needs Debian's acorn from here.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc)

echo "== native build"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DINITLAB_WERROR=ON >/dev/null
cmake --build build/native -j "$jobs"

echo "== wasm build"
# Debian's emcmake would set the emulator to 'node --experimental-wasm-threads', which Node 20
# rejects; name plain node explicitly.
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DINITLAB_WERROR=ON \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >/dev/null
cmake --build build/wasm -j "$jobs"
