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
# The corpus report CTest wrote (it passes whenever it completes; corpus_test is what fails).
if [ -f build/native/tests/corpus/corpus_report.txt ]; then
  echo "== real-model corpus (tests/corpus/README.md)"
  cat build/native/tests/corpus/corpus_report.txt
fi
echo "== wasm tests (Node)"
ctest --test-dir build/wasm --output-on-failure -j "$jobs"
