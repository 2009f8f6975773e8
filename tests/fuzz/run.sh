#!/usr/bin/env bash
# Fuzzes the script interpreter with libFuzzer (clang, AddressSanitizer and UBSan) for the
# given number of seconds (default 60), seeded with the script cases, the example models and
# the real-model corpus (the language's new syntax: try, yield, sets, decorators, ...).
# Findings land in build/fuzz/findings/; the corpus grows in build/fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
.ci/install-deps.sh
command -v clang++ >/dev/null || { apt-get install -y -qq clang >/dev/null; }
cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DINITLAB_FUZZ=ON -DINITLAB_BUILD_TESTS=OFF \
  "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined" >/dev/null
cmake --build build/fuzz --target script_fuzz -j 2
mkdir -p build/fuzz/corpus build/fuzz/findings
cp -n tests/script/*.py examples/models/*.py tests/corpus/*.py build/fuzz/corpus/ 2>/dev/null || true
build/fuzz/tests/fuzz/script_fuzz build/fuzz/corpus -max_total_time="$seconds" -max_len=4096 \
  -dict=tests/fuzz/script.dict \
  -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/findings/ -print_final_stats=1
