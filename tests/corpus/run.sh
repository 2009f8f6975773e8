#!/usr/bin/env bash
# The real-model corpus report (tests/corpus/README.md): builds the corpus_report program in the native
# build if needed (configuring build/native first when it does not exist yet), then runs it on
# tests/corpus/: one line per file, the first errors ranked by how many files each blocks, and
# `N/M real model files run and match PyTorch`. Extra arguments go to corpus_report (--out FILE).
# INITLAB_BUILD_DIR overrides the build directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${INITLAB_BUILD_DIR:-$root/build/native}
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target corpus_report -j 2 >/dev/null
exec "$build/tests/corpus/corpus_report" "$root/tests/corpus" "$@"
