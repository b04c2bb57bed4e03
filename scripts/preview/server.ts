// The local preview: serves the workbook as grids of evaluated values, the add-on menu and its sidebars, with
// every google.script.run call and menu click executed by dist/Code.js inside the emulator.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Emulator, type EmulatorOptions } from "../../test/emulator/index";
import { loadDemoData } from "./demo";
import { type PreviewState, snapshotWorkbook } from "./snapshot";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

export const PREVIEW_USERS = [
  { email: "owner@example.com", role: "Admin (spreadsheet owner)" },
  { email: "mia.marketer@example.com", role: "Marketer" },
  { email: "leo.lead@example.com", role: "Approver, level 1" },
  { email: "dana.director@example.com", role: "Approver, level 2" },
  { email: "fay.finance@example.com", role: "Finance" },
] as const;

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Where the workbook is kept between restarts; undefined keeps it in memory only. */
  stateFile?: string;
  bundleDir?: string;
  locale?: string;
}

export interface RunningPreview {
  url: string;
  port: number;
  emulator(): Emulator;
  close(): Promise<void>;
}

interface SidebarView {
  id: number;
  title: string;
  /** The page as served: the sidebar's HTML with the bridge below, joined once when it opens. */
  html: string;
  kind: "sidebar" | "dialog";
}

/** The google.script.run bridge a sidebar finds in Apps Script, here posting to the preview server. */
const BRIDGE = `<script>(function () {
  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  }
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, onFailure, userObject); };
        if (name === "withFailureHandler") return function (f) { return runner(onSuccess, f, userObject); };
        if (name === "withUserObject") return function (o) { return runner(onSuccess, onFailure, o); };
        if (typeof name !== "string") return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          post("/api/run", { fn: name, args: args }).then(function (res) {
            parent.postMessage({ type: "preview:refresh" }, "*");
            if (res.ok) { if (onSuccess) onSuccess(res.value, userObject); }
            else if (onFailure) { var err = new Error(res.error); err.name = "ScriptError"; onFailure(err, userObject); }
            else { console.error(res.error); }
          });
        };
      },
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: {
      close: function () { parent.postMessage({ type: "preview:close" }, "*"); },
      editor: { focus: function () {} },
      setHeight: function () {}, setWidth: function () {},
    },
  } };
})();</script>`;

async function bundleClient(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(here, "client.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 5_000_000) reject(new Error("request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error("request body is not JSON"));
      }
    });
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

/** The sidebar's HTML with the bridge at the top of its head (or of the page when it has none). */
function withBridge(html: string): string {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${BRIDGE}`) : `${BRIDGE}${html}`;
}

function field(body: unknown, key: string): unknown {
  return body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const bundleDir = options.bundleDir ?? join(root, "dist");
  if (!existsSync(join(bundleDir, "Code.js"))) {
    throw new Error(
      `${join(bundleDir, "Code.js")} is missing: run \`npm run build\` first (npm start does it for you).`,
    );
  }
  const emulatorOptions: EmulatorOptions = {
    bundleDir,
    locale: options.locale ?? "en_US",
    owner: PREVIEW_USERS[0].email,
  };
  const stateFile = options.stateFile;

  let emu = create();
  let sidebar: SidebarView | null = null;
  let seenSidebars = emu.ui.sidebars.length;
  let seenDialogs = emu.ui.dialogs.length;
  let notice: { kind: "info" | "error"; text: string } | null = null;
  let nextSidebarId = 1;

  function create(): Emulator {
    if (stateFile && existsSync(stateFile)) {
      try {
        return Emulator.restore(JSON.parse(readFileSync(stateFile, "utf8")), emulatorOptions);
      } catch (err) {
        console.error(`preview: could not restore ${stateFile} (${errorMessage(err)}); starting a new workbook`);
      }
    }
    return fresh();
  }

  function fresh(): Emulator {
    const created = Emulator.create(emulatorOptions);
    created.install();
    return created;
  }

  function persist(): void {
    if (!stateFile) return;
    mkdirSync(dirname(stateFile), { recursive: true });
    const tmp = `${stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(emu.save()));
    renameSync(tmp, stateFile);
  }

  /** A menu item or RPC may open a sidebar or dialog: show the newest one the execution recorded. */
  function pickUpUi(): void {
    const sidebars = emu.ui.sidebars;
    const dialogs = emu.ui.dialogs;
    if (sidebars.length > seenSidebars) {
      const s = sidebars[sidebars.length - 1]!;
      sidebar = { id: nextSidebarId++, title: s.title, html: withBridge(s.html), kind: "sidebar" };
    } else if (dialogs.length > seenDialogs) {
      const d = dialogs[dialogs.length - 1]!;
      sidebar = { id: nextSidebarId++, title: d.title, html: withBridge(d.html), kind: "dialog" };
    }
    seenSidebars = sidebars.length;
    seenDialogs = dialogs.length;
  }

  function state(): PreviewState {
    return {
      user: emu.user,
      users: PREVIEW_USERS,
      now: emu.now().toISOString(),
      workbook: snapshotWorkbook(emu),
      menu: emu.ui.addonMenu,
      sidebar: sidebar ? { id: sidebar.id, title: sidebar.title, kind: sidebar.kind } : null,
      toasts: emu.ui.toasts.slice(-3),
      outbox: emu.outbox.slice(-50).reverse(),
      notice,
    };
  }

  /** Runs one user action against the emulator; its failure becomes a notice, never a crashed server. */
  function act(what: () => void): void {
    notice = null;
    try {
      what();
    } catch (err) {
      notice = { kind: "error", text: errorMessage(err) };
    }
    pickUpUi();
    persist();
  }

  const page = readFileSync(join(here, "page.html"), "utf8")
    .replace("/* inline:style */", () => readFileSync(join(here, "style.css"), "utf8"))
    .replace("/* inline:script */", await bundleClient());

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, { error: errorMessage(err) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://preview.local");
    const path = url.pathname;
    if (req.method === "GET" && path === "/") return send(res, 200, "text/html; charset=utf-8", page);
    if (req.method === "GET" && path === "/api/state") return sendJson(res, 200, state());
    if (req.method === "GET" && path.startsWith("/sidebar/")) {
      if (!sidebar || String(sidebar.id) !== path.slice("/sidebar/".length)) {
        return send(res, 404, "text/plain; charset=utf-8", "This sidebar is closed.");
      }
      return send(res, 200, "text/html; charset=utf-8", sidebar.html);
    }
    if (req.method !== "POST") return send(res, 405, "text/plain; charset=utf-8", "method not allowed");

    const body = await readBody(req);
    switch (path) {
      case "/api/open":
        act(() => emu.open());
        return sendJson(res, 200, state());
      case "/api/menu": {
        const caption = String(field(body, "caption") ?? "");
        act(() => emu.menu(caption));
        return sendJson(res, 200, state());
      }
      case "/api/user": {
        const email = String(field(body, "email") ?? "");
        act(() => {
          emu.as(email);
          sidebar = null;
          emu.open();
        });
        return sendJson(res, 200, state());
      }
      case "/api/edit": {
        const a1 = String(field(body, "a1") ?? "");
        const value = field(body, "value");
        act(() => emu.edit(a1, value));
        return sendJson(res, 200, state());
      }
      case "/api/advance": {
        const ms = Number(field(body, "ms"));
        act(() => {
          if (!Number.isFinite(ms) || ms <= 0) throw new Error("advance needs a positive number of milliseconds");
          emu.advance(ms);
        });
        return sendJson(res, 200, state());
      }
      case "/api/demo":
        act(() => {
          const added = loadDemoData(emu);
          notice = { kind: "info", text: `Demo data loaded: ${added} campaigns.` };
        });
        return sendJson(res, 200, state());
      case "/api/reset":
        emu = fresh();
        sidebar = null;
        seenSidebars = emu.ui.sidebars.length;
        seenDialogs = emu.ui.dialogs.length;
        act(() => emu.open());
        return sendJson(res, 200, state());
      case "/api/close-sidebar":
        sidebar = null;
        return sendJson(res, 200, state());
      case "/api/run": {
        const fn = String(field(body, "fn") ?? "");
        const args = field(body, "args");
        notice = null;
        try {
          const value = emu.run(fn, ...(Array.isArray(args) ? args : []));
          pickUpUi();
          persist();
          return sendJson(res, 200, { ok: true, value: value === undefined ? null : value });
        } catch (err) {
          persist();
          return sendJson(res, 200, { ok: false, error: errorMessage(err) });
        }
      }
      default:
        return send(res, 404, "text/plain; charset=utf-8", "not found");
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 8787, options.host ?? "127.0.0.1", () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/`,
    port,
    emulator: () => emu,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
