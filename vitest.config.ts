// One vitest run for every suite; the browser tests share the machine's two cores with the rest.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // src/ code run in Node reads its texts from the source catalogs (Code.js reads dist/i18n-*.html).
    setupFiles: ["test/catalog-from-source.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
