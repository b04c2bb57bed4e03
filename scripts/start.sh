#!/usr/bin/env bash
# `npm start`: set-up, build, then the local preview (PORT=… to choose the port; 0 picks a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node --import tsx scripts/build.ts
exec node --import tsx scripts/preview.ts "$@"
