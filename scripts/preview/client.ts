// The preview page in the browser: draws the tabs as a grid (with the add-on's charts, through Chart.js), the
// add-on menu, the sidebar iframe, dialogs, toasts and the outbox, in the workbook's language, and sends every action
// to the preview server. User data is always set as text, never as HTML.

import type { PreviewState, TabView } from "./snapshot";

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

let state: PreviewState | null = null;
let currentTab = "";
/** The active sheet as the server last reported it: when a script changes it, the page follows. */
let serverActive: string | null = null;
let shownSidebar = 0;
let lastToast = -1;
let current: { row: number; col: number } | null = null;
/** An open cell editor: the grid is not redrawn under it. */
let editing = false;
/** Sidebar calls in flight: while any runs, the page watches for a dialog the script opens. */
let running = 0;
let watching: number | undefined;
let shownDialog = 0;
let charts: { destroy(): void }[] = [];

async function post(path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  render((await res.json()) as PreviewState);
}

async function refresh(): Promise<void> {
  const res = await fetch("/api/state");
  render((await res.json()) as PreviewState);
}

/** A person's selection: the server makes it the active tab and range; nothing on the page needs redrawing. */
function select(sheet: string, a1?: string): void {
  serverActive = sheet;
  void fetch("/api/select", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sheet, a1 }),
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function words(): PreviewState["frame"] | null {
  return state?.frame ?? null;
}

function w(key: keyof PreviewState["frame"]): string {
  return words()?.[key] ?? "";
}

function toast(title: string, message: string, kind: "info" | "error" = "info"): void {
  const box = el("div", `toast ${kind === "error" ? "error" : ""}`);
  if (title) box.append(el("b", undefined, title));
  box.append(document.createTextNode(message));
  $("toasts").append(box);
  // Like Sheets, a few at a time: the oldest goes when a fourth arrives.
  while ($("toasts").childElementCount > 3) $("toasts").firstElementChild?.remove();
  setTimeout(() => box.remove(), kind === "error" ? 9000 : 5000);
}

/** The frame's words in the workbook's language: elements name their key in data-i18n (text) or data-i18n-*. */
function renderFrame(s: PreviewState): void {
  const lang = /^zh/i.test(s.workbook.locale) ? "zh-CN" : "en";
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  document.title = s.frame["page.title"];
  for (const node of Array.from(document.querySelectorAll<HTMLElement>("[data-i18n]"))) {
    const key = node.dataset.i18n as keyof PreviewState["frame"];
    if (s.frame[key] !== undefined) node.textContent = s.frame[key];
  }
  for (const attr of ["title", "aria-label"] as const) {
    for (const node of Array.from(document.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`))) {
      const key = node.getAttribute(`data-i18n-${attr}`) as keyof PreviewState["frame"];
      if (s.frame[key] !== undefined) node.setAttribute(attr, s.frame[key]);
    }
  }
  const banner = $("locale-banner");
  banner.hidden = !s.localeMismatch;
  if (s.localeMismatch) {
    const langName = (locale: string) => (/^zh/i.test(locale) ? s.frame["lang.zh"] : s.frame["lang.en"]);
    const params: Record<string, string> = {
      saved: `${langName(s.localeMismatch.saved)} (${s.localeMismatch.saved})`,
      asked: s.localeMismatch.asked,
      askedName: langName(s.localeMismatch.asked),
    };
    const fill = (t: string) => t.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
    $("locale-text").textContent = fill(s.frame["frame.localeMismatch"]);
    $("locale-switch").textContent = fill(s.frame["frame.localeSwitch"]);
  }
}

function render(next: PreviewState): void {
  state = next;
  renderFrame(next);
  $("doc-name").textContent = next.workbook.name;
  // The emulator's clock in UTC; the workbook shows its own time zone (Settings of the spreadsheet).
  $("clock").textContent = `${new Date(next.now).toISOString().replace("T", " ").slice(0, 16)} UTC`;

  const select = $<HTMLSelectElement>("user");
  select.replaceChildren(
    ...next.users.map((u) => {
      const o = el("option", undefined, `${u.email} · ${u.role}`);
      o.value = u.email;
      o.selected = u.email === next.user;
      return o;
    }),
  );

  const items = $("addon-items");
  items.replaceChildren(
    ...(next.menu.length
      ? next.menu.map((m) => {
          if (!m.caption) return el("div", "menu-sep");
          const b = el("button", "menu-item", m.caption);
          b.type = "button";
          b.setAttribute("role", "menuitem");
          b.addEventListener("click", () => {
            closeMenu();
            void post("/api/menu", { caption: m.caption });
          });
          return b;
        })
      : [el("div", "menu-title", next.frame["frame.noMenu"])]),
  );

  // The tab a person chose stays in front until a script makes another tab active (as Sheets does).
  const active = next.workbook.activeSheet;
  if (serverActive !== null && active !== serverActive && currentTab !== active) {
    currentTab = active;
    current = null;
  }
  serverActive = active;
  if (!next.workbook.tabs.some((t) => t.name === currentTab)) currentTab = active;
  renderTabs(next);
  if (!editing) renderGrid(next);
  renderSidebar(next);
  renderOutbox(next);
  renderDialog(next);

  const newest = next.toastLog.at(-1)?.id ?? 0;
  if (lastToast >= 0) for (const t of next.toastLog.filter((x) => x.id > lastToast)) toast(t.title, t.message);
  lastToast = newest;
  if (next.notice)
    toast(next.notice.kind === "error" ? next.frame["frame.error"] : "", next.notice.text, next.notice.kind);
}

function renderTabs(s: PreviewState): void {
  $("tabs").replaceChildren(
    ...s.workbook.tabs.map((t) => {
      const b = el(
        "button",
        t.hidden ? "hidden-tab" : "",
        t.hidden ? s.frame["frame.hidden"].replace("{name}", t.name) : t.name,
      );
      b.type = "button";
      b.setAttribute("role", "tab");
      b.dataset.tab = t.name;
      b.setAttribute("aria-selected", String(t.name === currentTab));
      b.addEventListener("click", () => {
        if (!state) return;
        currentTab = t.name;
        current = null;
        select(t.name);
        renderTabs(state);
        renderGrid(state);
      });
      return b;
    }),
  );
}

const NUMERIC = /^-?[\d,.]+%?$/;

function isNumeric(text: string): boolean {
  return text !== "" && NUMERIC.test(text.replace(/[¥$€£\s]/g, ""));
}

function renderGrid(s: PreviewState): void {
  const tab = s.workbook.tabs.find((t) => t.name === currentTab);
  const grid = $<HTMLTableElement>("grid");
  const onlyDefault = s.workbook.tabs.length === 1 && (tab?.rows.every((r) => r.every((c) => c === "")) ?? true);
  $("empty").hidden = !onlyDefault;
  for (const chart of charts) chart.destroy();
  charts = [];
  $("charts").replaceChildren();
  if (!tab) {
    grid.replaceChildren();
    return;
  }
  const cols = Math.max(tab.widths.length, 8);
  const colgroup = el("colgroup");
  const rowHeadWidth = 46;
  const corner = el("col");
  corner.style.width = `${rowHeadWidth}px`;
  colgroup.append(corner);
  let tableWidth = rowHeadWidth;
  for (let c = 0; c < cols; c++) {
    const col = el("col");
    const width = tab.widths[c] ?? 100;
    col.style.width = `${width}px`;
    tableWidth += width;
    colgroup.append(col);
  }
  grid.style.width = `${tableWidth}px`;
  const head = el("thead");
  const hr = el("tr");
  hr.append(el("th", "corner"));
  for (let c = 1; c <= cols; c++) hr.append(el("th", undefined, columnLetter(c)));
  head.append(hr);
  const body = el("tbody");
  const sel = s.workbook.activeRange?.sheet === tab.name ? s.workbook.activeRange : null;
  tab.rows.forEach((row, r) => {
    const tr = el("tr");
    if (r < tab.frozenRows) tr.classList.add("frozen");
    if (r === tab.frozenRows - 1) tr.classList.add("frozen-last");
    tr.append(el("th", "rowhead", String(r + 1)));
    for (let c = 0; c < cols; c++) {
      const text = row[c] ?? "";
      const td = el("td");
      td.dataset.a1 = `${columnLetter(c + 1)}${r + 1}`;
      if (text !== "") {
        const span = el("span", "text", text);
        td.append(span);
        // Text runs on into the empty cells to its right, as in Sheets; numbers and full neighbours clip it.
        if (!isNumeric(text) && (row[c + 1] ?? "") === "" && c + 1 < cols) td.classList.add("spill");
      }
      if (isNumeric(text)) td.classList.add("num");
      const error = tab.errors[td.dataset.a1];
      if ((text.startsWith("#") && text.endsWith("!")) || error) td.classList.add("error");
      if (tab.bold[r]?.[c]) td.classList.add("bold");
      const isSelected =
        sel !== null &&
        r + 1 >= sel.row &&
        r + 1 < sel.row + sel.rows &&
        c + 1 >= sel.column &&
        c + 1 < sel.column + sel.columns;
      if (isSelected) td.classList.add("selected");
      const bg = tab.backgrounds[r]?.[c];
      if (bg && bg !== "#ffffff" && !isSelected) td.style.backgroundColor = bg;
      const note = tab.notes[r]?.[c];
      if (note) {
        td.classList.add("noted");
        td.title = note;
      }
      if (error) td.title = error;
      if (current && current.row === r && current.col === c) td.classList.add("current");
      td.addEventListener("click", () => selectCell(tab, r, c));
      td.addEventListener("dblclick", () => editCell(td, tab, r, c));
      tr.append(td);
    }
    body.append(tr);
  });
  grid.replaceChildren(colgroup, head, body);
  showCell(tab);
  drawCharts(tab);
}

/** The formula bar: the selected cell's formula, or its value; an error cell also shows its message. */
function showCell(tab: TabView): void {
  const box = $("cell-error");
  if (!current) {
    $("cell-ref").textContent = "";
    $("cell-content").textContent = "";
    box.hidden = true;
    return;
  }
  const { row: r, col: c } = current;
  const a1 = `${columnLetter(c + 1)}${r + 1}`;
  $("cell-ref").textContent = a1;
  $("cell-content").textContent = tab.formulas[r]?.[c] || tab.rows[r]?.[c] || "";
  const message = tab.errors[a1];
  box.hidden = !message;
  if (message) {
    $("cell-error-title").textContent = w("frame.cellError");
    $("cell-error-text").textContent = message;
    const td = document.querySelector<HTMLElement>(`#grid td[data-a1="${a1}"]`);
    if (td) {
      box.style.left = `${td.offsetLeft}px`;
      box.style.top = `${td.offsetTop + td.offsetHeight + 2}px`;
    }
  }
}

function selectCell(tab: TabView, r: number, c: number): void {
  current = { row: r, col: c };
  for (const td of Array.from(document.querySelectorAll("td.current"))) td.classList.remove("current");
  document.querySelector(`td[data-a1="${columnLetter(c + 1)}${r + 1}"]`)?.classList.add("current");
  showCell(tab);
  select(tab.name, `${columnLetter(c + 1)}${r + 1}`);
}

function editCell(td: HTMLTableCellElement, tab: TabView, r: number, c: number): void {
  const input = el("input");
  input.value = tab.formulas[r]?.[c] || tab.rows[r]?.[c] || "";
  td.classList.remove("spill");
  td.replaceChildren(input);
  editing = true;
  input.focus();
  input.select();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    editing = false;
    if (save) {
      // The edit goes to the cell that was shown, and the cursor moves down one row, as Enter does in Sheets.
      current = { row: r + 1, col: c };
      void post("/api/edit", {
        a1: `'${tab.name.replace(/'/g, "''")}'!${columnLetter(c + 1)}${r + 1}`,
        value: input.value,
      }).then(() => select(tab.name, `${columnLetter(c + 1)}${r + 2}`));
    } else if (state) renderGrid(state);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") finish(true);
    if (e.key === "Escape") finish(false);
  });
  input.addEventListener("blur", () => finish(true));
}

interface ChartLibrary {
  new (canvas: HTMLCanvasElement, config: unknown): { destroy(): void };
}

const CHART_TYPES: Record<string, { type: string; indexAxis?: "y"; fill?: boolean }> = {
  LINE: { type: "line" },
  AREA: { type: "line", fill: true },
  COLUMN: { type: "bar" },
  BAR: { type: "bar", indexAxis: "y" },
  PIE: { type: "pie" },
  SCATTER: { type: "scatter" },
};
const COLORS = ["#4285f4", "#ea4335", "#fbbc04", "#34a853", "#ff6d01", "#46bdc6"];

/** The add-on's charts, drawn with Chart.js where Sheets would put them: at their anchor cell, 600 × 371 px. */
function drawCharts(tab: TabView): void {
  const layer = $("charts");
  const Chart = (window as unknown as { Chart?: ChartLibrary }).Chart;
  for (const view of tab.charts) {
    const anchor = document.querySelector<HTMLElement>(
      `#grid td[data-a1="${columnLetter(view.anchor.column)}${view.anchor.row}"]`,
    );
    const box = el("figure", "chart");
    box.dataset.chart = String(view.id);
    box.dataset.type = view.type;
    box.setAttribute("aria-label", view.title);
    box.style.left = `${(anchor?.offsetLeft ?? 0) + view.anchor.offsetX}px`;
    box.style.top = `${(anchor?.offsetTop ?? 0) + view.anchor.offsetY}px`;
    const canvas = el("canvas");
    canvas.width = 600;
    canvas.height = 371;
    box.append(canvas);
    layer.append(box);
    if (!Chart) {
      box.append(el("figcaption", undefined, `${view.title} (chart library not loaded)`));
      continue;
    }
    const kind = CHART_TYPES[view.type] ?? { type: "line" };
    charts.push(
      new Chart(canvas, {
        type: kind.type,
        data: {
          labels: view.labels,
          datasets: view.series.map((series, i) => ({
            label: series.name,
            data: series.values,
            borderColor: COLORS[i % COLORS.length],
            backgroundColor: COLORS[i % COLORS.length],
            fill: kind.fill ?? false,
            spanGaps: true,
          })),
        },
        options: {
          responsive: false,
          animation: false,
          indexAxis: kind.indexAxis ?? "x",
          plugins: { title: { display: view.title !== "", text: view.title }, legend: { position: "bottom" } },
        },
      }),
    );
  }
}

/** A script's alert or prompt: modal, like Sheets' dialogs; the answer goes back to the waiting script. */
function renderDialog(s: PreviewState): void {
  const overlay = $("dialog");
  const d = s.dialog;
  overlay.hidden = !d;
  if (!d) {
    shownDialog = 0;
    return;
  }
  if (shownDialog === d.id) return;
  shownDialog = d.id;
  $("dialog-title").textContent = d.title;
  $("dialog-title").hidden = d.title === "";
  $("dialog-prompt").textContent = d.prompt;
  const input = $<HTMLInputElement>("dialog-input");
  input.hidden = d.kind !== "prompt";
  input.value = "";
  input.setAttribute("aria-label", s.frame["frame.dialogText"]);
  const answer = (button: string) => void post("/api/dialog", { id: d.id, button, text: input.value });
  $("dialog-buttons").replaceChildren(
    ...d.buttons.map((name, i) => {
      const key = `button.${name}` as keyof PreviewState["frame"];
      const b = el("button", i === 0 ? "primary" : "secondary", s.frame[key] ?? name);
      b.type = "button";
      b.dataset.button = name;
      b.addEventListener("click", () => answer(name));
      return b;
    }),
  );
  $("dialog-close").onclick = () => answer("CLOSE");
  input.onkeydown = (e) => {
    if (e.key === "Enter") answer(d.buttons[0] ?? "OK");
  };
  if (d.kind === "prompt") input.focus();
  else $("dialog-buttons").querySelector<HTMLButtonElement>("button")?.focus();
}

function renderSidebar(s: PreviewState): void {
  const aside = $("sidebar");
  if (!s.sidebar) {
    aside.hidden = true;
    shownSidebar = 0;
    $<HTMLIFrameElement>("sidebar-frame").removeAttribute("src");
    return;
  }
  aside.hidden = false;
  $("sidebar-title").textContent = s.sidebar.title;
  if (shownSidebar !== s.sidebar.id) {
    shownSidebar = s.sidebar.id;
    $<HTMLIFrameElement>("sidebar-frame").src = `/sidebar/${s.sidebar.id}`;
  }
}

function renderOutbox(s: PreviewState): void {
  $("outbox-count").textContent = String(s.outbox.length);
  $("outbox-list").replaceChildren(
    ...(s.outbox.length
      ? s.outbox.map((m) => {
          const li = el("li");
          li.append(
            el("div", "mail-subject", m.subject),
            el(
              "div",
              "mail-meta",
              s.frame["frame.mailMeta"]
                .replace("{at}", m.at.slice(0, 16).replace("T", " "))
                .replace("{to}", m.to)
                .replace("{from}", m.from),
            ),
            el("div", "mail-body", m.body),
          );
          return li;
        })
      : [el("li", undefined, s.frame["frame.noMail"])]),
  );
}

function closeMenu(): void {
  $("extensions-popup").hidden = true;
  $("extensions-button").setAttribute("aria-expanded", "false");
}

$("extensions-button").addEventListener("click", (e) => {
  e.stopPropagation();
  const popup = $("extensions-popup");
  popup.hidden = !popup.hidden;
  $("extensions-button").setAttribute("aria-expanded", String(!popup.hidden));
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") closeMenu();
});
document.addEventListener("click", (e) => {
  if (!$("extensions").contains(e.target as Node)) closeMenu();
});
$<HTMLSelectElement>("user").addEventListener("change", (e) => {
  void post("/api/user", { email: (e.target as HTMLSelectElement).value });
});
for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-advance]"))) {
  b.addEventListener("click", () => void post("/api/advance", { ms: Number(b.dataset.advance) }));
}
$("demo").addEventListener("click", () => void post("/api/demo"));
$("reset").addEventListener("click", () => {
  if (confirm(w("frame.resetConfirm"))) void post("/api/reset");
});
$("sidebar-close").addEventListener("click", () => void post("/api/close-sidebar"));
$("outbox-button").addEventListener("click", () => {
  $("outbox").hidden = !$("outbox").hidden;
});
$("outbox-close").addEventListener("click", () => {
  $("outbox").hidden = true;
});
$("locale-switch").addEventListener("click", () => void post("/api/reset"));
$("locale-keep").addEventListener("click", () => void post("/api/keep-locale"));
window.addEventListener("message", (e: MessageEvent) => {
  const data = e.data as { type?: string } | null;
  if (data?.type === "preview:running") {
    // The call may show a dialog while it runs: look for it until the call returns.
    running++;
    watching ??= window.setInterval(() => void refresh(), 300);
  }
  if (data?.type === "preview:refresh") {
    running = Math.max(0, running - 1);
    if (running === 0 && watching !== undefined) {
      window.clearInterval(watching);
      watching = undefined;
    }
    void refresh();
  }
  if (data?.type === "preview:close") void post("/api/close-sidebar");
});

// Opening the document runs onOpen, as Sheets does.
void post("/api/open");
