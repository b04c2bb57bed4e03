#!/usr/bin/env bash
# `npm test`: set-up, type-check (server, sidebars, tests, conformance), lint, build, then every vitest suite
# (unit, emulator, formulas in cells, the bundle in the emulator, and the browser tests in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "== type-check and lint"
npm run --silent check
echo "== build"
npm run --silent build
echo "== tests"
npx vitest run "$@"
