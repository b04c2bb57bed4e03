// The local preview: serves the workbook as grids of evaluated values, the add-on menu and its sidebars, with
// every google.script.run call and menu click executed by dist/Code.js inside the emulator, and a script's alerts
// and prompts shown as modal dialogs whose answers go back to it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import {
  type DialogRequest,
  Emulator,
  type EmulatorOptions,
  type EmulatorState,
  type UiAnswer,
} from "../../test/emulator/index";
import { loadDemoData } from "./demo";
import { FRAME_CATALOG, type FrameKey, frameLang, ft } from "./i18n";
import { type PreviewState, snapshotWorkbook } from "./snapshot";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

export const PREVIEW_USERS = [
  { email: "owner@example.com", role: "role.owner" },
  { email: "mia.marketer@example.com", role: "role.marketer" },
  { email: "leo.lead@example.com", role: "role.approver1" },
  { email: "dana.director@example.com", role: "role.approver2" },
  { email: "fay.finance@example.com", role: "role.finance" },
] as const satisfies readonly { email: string; role: FrameKey }[];

/** The buttons of a ButtonSet, in the order Sheets shows them. */
const BUTTONS: Record<string, string[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

/** Thrown into a script that shows a dialog nobody has answered yet: the execution stops and is undone. */
class DialogWaits extends Error {}

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Where the workbook is kept between restarts; undefined keeps it in memory only. */
  stateFile?: string;
  bundleDir?: string;
  /** The language of a new workbook (en_US unless given); a saved workbook keeps its own, and the page says so. */
  locale?: string;
}

export interface RunningPreview {
  url: string;
  port: number;
  emulator(): Emulator;
  /** The saved workbook's locale and the one --locale asked for, when their languages differ. */
  localeMismatch(): { saved: string; asked: string } | null;
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
          parent.postMessage({ type: "preview:running" }, "*");
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
  // The sidebar's clock is the preview's clock (as in Sheets the browser's and the server's clocks agree).
  var offset = window.__previewNow - Date.now();
  var RealDate = Date;
  function PreviewDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof PreviewDate)) return new RealDate(RealDate.now() + offset).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  PreviewDate.prototype = RealDate.prototype;
  PreviewDate.now = function () { return RealDate.now() + offset; };
  PreviewDate.parse = RealDate.parse;
  PreviewDate.UTC = RealDate.UTC;
  window.Date = PreviewDate;
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

/** The sidebar's HTML with the bridge at the top of its head (or of the page when it has none), set to `now`. */
function withBridge(html: string, now: number): string {
  const bridge = `<script>window.__previewNow = ${now};</script>${BRIDGE}`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${bridge}`) : `${bridge}${html}`;
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
  const askedLocale = options.locale;
  if (askedLocale !== undefined && !/^[a-z]{2}(_[A-Z]{2})?$/.test(askedLocale)) {
    throw new Error(`--locale ${askedLocale} is not a locale: use en_US or zh_CN.`);
  }
  const emulatorOptions: EmulatorOptions = {
    bundleDir,
    locale: askedLocale ?? "en_US",
    owner: PREVIEW_USERS[0].email,
  };
  const stateFile = options.stateFile;
  let localeMismatch: PreviewState["localeMismatch"] = null;

  let emu = create();
  let sidebar: SidebarView | null = null;
  let seenSidebars = emu.ui.sidebars.length;
  let seenDialogs = emu.ui.dialogs.length;
  let notice: { kind: "info" | "error"; text: string } | null = null;
  let nextSidebarId = 1;
  let nextDialogId = 1;
  /** The toasts shown so far, numbered, so that a page shows each once. */
  const toastLog: PreviewState["toastLog"] = [];
  let toastsTaken = 0;
  /** An execution stopped at a dialog: undone, and run again from `before` with the answers given so far. */
  let waiting: {
    id: number;
    dialog: DialogRequest;
    answers: UiAnswer[];
    before: EmulatorState;
    action: () => unknown;
    done: (outcome: { value?: unknown; error?: unknown }) => void;
  } | null = null;

  function create(): Emulator {
    if (stateFile && existsSync(stateFile)) {
      try {
        const restored = Emulator.restore(JSON.parse(readFileSync(stateFile, "utf8")), emulatorOptions);
        const saved = restored.spreadsheet.getSpreadsheetLocale();
        if (askedLocale !== undefined && frameLang(saved) !== frameLang(askedLocale)) {
          localeMismatch = { saved, asked: askedLocale };
          console.warn(
            `preview: the saved workbook is in ${saved}; --locale ${askedLocale} applies to a new workbook ` +
              "(Reset in the page, or npm start -- --fresh --locale " +
              `${askedLocale}).`,
          );
        }
        return restored;
      } catch (err) {
        console.error(`preview: could not restore ${stateFile} (${errorMessage(err)}); starting a new workbook`);
      }
    }
    return fresh(emulatorOptions.locale);
  }

  function fresh(locale: string | undefined): Emulator {
    const created = Emulator.create({ ...emulatorOptions, locale });
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
    const now = emu.now().getTime();
    if (sidebars.length > seenSidebars) {
      const s = sidebars[sidebars.length - 1]!;
      sidebar = { id: nextSidebarId++, title: s.title, html: withBridge(s.html, now), kind: "sidebar" };
    } else if (dialogs.length > seenDialogs) {
      const d = dialogs[dialogs.length - 1]!;
      sidebar = { id: nextSidebarId++, title: d.title, html: withBridge(d.html, now), kind: "dialog" };
    }
    seenSidebars = sidebars.length;
    seenDialogs = dialogs.length;
    for (const t of emu.ui.toasts.slice(toastsTaken)) {
      toastLog.push({ id: toastLog.length + 1, message: t.message, title: t.title });
    }
    toastsTaken = emu.ui.toasts.length;
    toastLog.splice(0, Math.max(0, toastLog.length - 20));
  }

  function lang() {
    return frameLang(emu.spreadsheet.getSpreadsheetLocale());
  }

  function state(): PreviewState {
    const l = lang();
    return {
      user: emu.user,
      users: PREVIEW_USERS.map((u) => ({ email: u.email, role: ft(l, u.role) })),
      now: emu.now().toISOString(),
      workbook: snapshotWorkbook(emu),
      menu: emu.ui.addonMenu,
      sidebar: sidebar ? { id: sidebar.id, title: sidebar.title, kind: sidebar.kind } : null,
      toastLog,
      outbox: emu.outbox.slice(-50).reverse(),
      notice,
      dialog: waiting
        ? {
            id: waiting.id,
            kind: waiting.dialog.kind,
            title: waiting.dialog.title,
            prompt: waiting.dialog.prompt,
            buttons: BUTTONS[waiting.dialog.buttons] ?? ["OK"],
          }
        : null,
      localeMismatch,
      frame: FRAME_CATALOG[l],
    };
  }

  /**
   * Runs an execution that may show alerts and prompts. Apps Script holds the script while a dialog waits for the
   * person; the emulator runs a script to its end in one go, so an unanswered dialog stops the execution, the
   * workbook is put back as it was before it, and once the person answers it runs again from there with the
   * answers given so far (every dialog before the new one gets the same answer as the first time).
   */
  function interactive(
    action: () => unknown,
    done: (outcome: { value?: unknown; error?: unknown }) => void,
    answers: UiAnswer[] = [],
    before: EmulatorState = emu.save(),
  ): void {
    const ui = emu.ui;
    const lengths = [ui.toasts.length, ui.sidebars.length, ui.dialogs.length, ui.alerts.length, ui.prompts.length];
    let shown: DialogRequest | null = null;
    let outcome: { value?: unknown; error?: unknown };
    ui.clearAnswers();
    ui.answer(...answers);
    ui.onUnanswered = (dialog) => {
      shown ??= dialog;
      return new DialogWaits(`waiting for an answer to "${dialog.prompt}"`);
    };
    try {
      outcome = { value: action() };
    } catch (error) {
      outcome = { error };
    } finally {
      ui.onUnanswered = null;
      ui.clearAnswers();
    }
    if (shown) {
      // What the stopped run showed is shown again by the run that follows the answer.
      ui.toasts.length = lengths[0]!;
      ui.sidebars.length = lengths[1]!;
      ui.dialogs.length = lengths[2]!;
      ui.alerts.length = lengths[3]!;
      ui.prompts.length = lengths[4]!;
      emu.rewind(before);
      waiting = { id: nextDialogId++, dialog: shown, answers, before, action, done };
      return;
    }
    waiting = null;
    done(outcome);
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

  /** An action that runs script code (a menu item): it may wait on a dialog. */
  function actInteractive(what: () => unknown): void {
    notice = null;
    interactive(what, (outcome) => {
      if (outcome.error !== undefined) notice = { kind: "error", text: errorMessage(outcome.error) };
    });
    pickUpUi();
    if (!waiting) persist();
  }

  const page = readFileSync(join(here, "page.html"), "utf8")
    .replace("/* inline:style */", () => readFileSync(join(here, "style.css"), "utf8"))
    .replace("/* inline:script */", await bundleClient());
  // Chart.js draws the charts: the preview's page loads it, the add-on never does (dist/ has no such file).
  const chartLibrary = join(root, "node_modules", "chart.js", "dist", "chart.umd.min.js");

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => sendJson(res, 500, { error: errorMessage(err) }));
  });

  /** One request of the page or of a sidebar; a sidebar's call is answered once its execution ends (dialogs included). */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://preview.local");
    const path = url.pathname;
    if (req.method === "GET" && path === "/") return send(res, 200, "text/html; charset=utf-8", page);
    if (req.method === "GET" && path === "/api/state") return sendJson(res, 200, state());
    if (req.method === "GET" && path === "/vendor/chart.js") {
      if (!existsSync(chartLibrary)) return send(res, 404, "text/plain; charset=utf-8", "chart.js is not installed");
      return send(res, 200, "text/javascript; charset=utf-8", readFileSync(chartLibrary, "utf8"));
    }
    if (req.method === "GET" && path.startsWith("/sidebar/")) {
      if (!sidebar || String(sidebar.id) !== path.slice("/sidebar/".length)) {
        return send(res, 404, "text/plain; charset=utf-8", "This sidebar is closed.");
      }
      return send(res, 200, "text/html; charset=utf-8", sidebar.html);
    }
    if (req.method !== "POST") return send(res, 405, "text/plain; charset=utf-8", "method not allowed");

    const body = await readBody(req);
    // A modal dialog: nothing else happens in the document until it is answered.
    if (waiting && path !== "/api/dialog" && path !== "/api/open") {
      if (path === "/api/run") return sendJson(res, 200, { ok: false, error: ft(lang(), "frame.answerFirst") });
      notice = { kind: "error", text: ft(lang(), "frame.answerFirst") };
      return sendJson(res, 409, state());
    }
    switch (path) {
      case "/api/open":
        if (waiting) return sendJson(res, 200, state());
        act(() => emu.open());
        return sendJson(res, 200, state());
      case "/api/menu": {
        const caption = String(field(body, "caption") ?? "");
        actInteractive(() => emu.menu(caption));
        return sendJson(res, 200, state());
      }
      case "/api/dialog": {
        const current = waiting;
        const button = String(field(body, "button") ?? "");
        if (!current || Number(field(body, "id")) !== current.id) {
          notice = { kind: "error", text: "No dialog is waiting for that answer." };
          return sendJson(res, 409, state());
        }
        const allowed = [...(BUTTONS[current.dialog.buttons] ?? ["OK"]), "CLOSE"];
        if (!allowed.includes(button)) {
          notice = { kind: "error", text: `${button} is not a button of this dialog (${allowed.join(", ")}).` };
          return sendJson(res, 400, state());
        }
        const answer: UiAnswer =
          current.dialog.kind === "prompt"
            ? { button: button as "OK", text: String(field(body, "text") ?? "") }
            : (button as "OK");
        notice = null;
        interactive(current.action, current.done, [...current.answers, answer], current.before);
        pickUpUi();
        if (!waiting) persist();
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
      case "/api/select": {
        // A person clicks a tab or a cell: that tab and cell become the active ones, as in Sheets.
        const sheetName = String(field(body, "sheet") ?? "");
        const a1 = field(body, "a1");
        // Not saved to the state file: a click is cheap, and the next action saves the selection with the rest.
        notice = null;
        try {
          const ss = emu.spreadsheet;
          emu.runtime.counter.paused(() => {
            const sheet = ss.getSheetByName(sheetName);
            if (!sheet) throw new Error(`No tab named "${sheetName}".`);
            if (typeof a1 === "string" && a1 !== "") ss.setActiveRange(sheet.getRange(a1));
            else if (ss.getActiveSheet().getName() !== sheetName) ss.setActiveSheet(sheet);
          });
        } catch (err) {
          notice = { kind: "error", text: errorMessage(err) };
        }
        return sendJson(res, 200, state());
      }
      case "/api/edit": {
        const a1 = String(field(body, "a1") ?? "");
        const value = field(body, "value");
        actInteractive(() => {
          emu.edit(a1, value);
          if (emu.lastEdit && !emu.lastEdit.ok) throw new Error(emu.lastEdit.message ?? "The edit was refused.");
        });
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
          notice = { kind: "info", text: ft(lang(), "frame.demoLoaded", { count: added }) };
        });
        return sendJson(res, 200, state());
      case "/api/reset": {
        // A new workbook in the language asked for with --locale, else in the current workbook's language.
        const locale = localeMismatch?.asked ?? askedLocale ?? emu.spreadsheet.getSpreadsheetLocale();
        emu = fresh(locale);
        localeMismatch = null;
        sidebar = null;
        seenSidebars = emu.ui.sidebars.length;
        seenDialogs = emu.ui.dialogs.length;
        toastsTaken = emu.ui.toasts.length;
        act(() => emu.open());
        return sendJson(res, 200, state());
      }
      case "/api/keep-locale":
        localeMismatch = null;
        return sendJson(res, 200, state());
      case "/api/close-sidebar":
        sidebar = null;
        return sendJson(res, 200, state());
      case "/api/run": {
        const fn = String(field(body, "fn") ?? "");
        const args = field(body, "args");
        notice = null;
        // The reply waits while the script waits on a dialog, as google.script.run does.
        await new Promise<void>((replied) => {
          interactive(
            () => emu.run(fn, ...(Array.isArray(args) ? args : [])),
            (outcome) => {
              pickUpUi();
              persist();
              if (outcome.error !== undefined) sendJson(res, 200, { ok: false, error: errorMessage(outcome.error) });
              else sendJson(res, 200, { ok: true, value: outcome.value === undefined ? null : outcome.value });
              replied();
            },
          );
          if (waiting) pickUpUi();
        });
        return;
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
    localeMismatch: () => localeMismatch,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
