// Launches the system Chromium (Debian's package, or CHROME_PATH) for the browser tests; never a downloaded
// browser. A missing browser fails the run with a message saying how to install it.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const LAUNCH_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium for the browser tests. Install Debian's package (sudo apt-get install chromium) " +
        "or set CHROME_PATH to a Chromium/Chrome binary. `npm test` installs it when run as root.",
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_FLAGS, headless: true });
}
