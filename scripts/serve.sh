#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:8080 (or $PORT), the way a
# static host would: precompressed files and the service worker for offline use.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FOOTHOLD_ROOT"

bash scripts/setup.sh
echo "serve: trunk build --release --offline"
trunk build --release --offline
exec node scripts/serve-dist.mjs --root dist --port "${PORT:-8080}" --host 127.0.0.1
