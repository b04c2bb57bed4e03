#!/usr/bin/env bash
# `npm test`: set-up, type-check (server, sidebars, tests, conformance), lint, build, then every vitest suite
# (unit, emulator, formulas in cells, the bundle in the emulator, and the browser tests in Chromium). The self-test
# variant (dist-selftest/) and the org variant with the BigQuery export (dist-org/) are built too: their tests run
# them in the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "== type-check and lint"
npm run --silent check
echo "== build"
npm run --silent build
npm run --silent build -- --selftest
npm run --silent build -- --org
echo "== tests"
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line with the totals, whatever the reporter printed above.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' || true
exit "$status"
