// `npm start`'s server: the local preview on localhost. PORT (or --port N) picks the port, 0 = any free one;
// the workbook is kept in .preview/state.json between restarts (--fresh starts over, --locale zh_CN for Chinese).
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { startPreview } from "./preview/server";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const stateFile = resolve(process.cwd(), ".preview", "state.json");
if (process.argv.includes("--fresh")) rmSync(stateFile, { force: true });
const port = Number(arg("port") ?? process.env.PORT ?? 8787);

const locale = arg("locale");
if (process.argv.includes("--locale") && !locale) {
  console.error("--locale needs a value: npm start -- --locale zh_CN");
  process.exit(1);
}

startPreview({ port, stateFile, locale })
  .then((preview) => {
    console.log(`Campaign Control preview: ${preview.url}`);
    console.log(`  workbook state: ${join(".preview", "state.json")} (npm start -- --fresh to start over)`);
    const mismatch = preview.localeMismatch();
    if (mismatch) {
      console.log(
        `  note: the saved workbook is in ${mismatch.saved}, not ${mismatch.asked}: the page offers a new workbook ` +
          `in ${mismatch.asked}, or run npm start -- --fresh --locale ${mismatch.asked}`,
      );
    }
    console.log("  Ctrl+C stops it.");
  })
  .catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    if (e?.code === "EADDRINUSE")
      console.error(`Port ${port} is taken: try PORT=0 npm start or npm start -- --port 8788`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
