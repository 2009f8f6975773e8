#!/usr/bin/env bash
# The README's first command: installs what is missing (Debian packages, npm packages from the
# lock file), builds everything (native and wasm, the page), and serves the playground on
# localhost at the printed URL. PORT=9000 web/serve.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps.sh
.ci/build.sh
exec node web/serve.mjs build/wasm/web "${PORT:-8765}"
