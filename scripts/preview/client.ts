// The preview page in the browser: draws the tabs as a grid, the add-on menu, the sidebar iframe, toasts and
// the outbox, and sends every action to the preview server. User data is always set as text, never as HTML.

import type { PreviewState, TabView } from "./snapshot";

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

let state: PreviewState | null = null;
let currentTab = "";
let shownSidebar = 0;
let toastsSeen = -1;
let current: { row: number; col: number } | null = null;

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

function toast(title: string, message: string, kind: "info" | "error" = "info"): void {
  const box = el("div", `toast ${kind === "error" ? "error" : ""}`);
  if (title) box.append(el("b", undefined, title));
  box.append(document.createTextNode(message));
  $("toasts").append(box);
  // Like Sheets, a few at a time: the oldest goes when a fourth arrives.
  while ($("toasts").childElementCount > 3) $("toasts").firstElementChild?.remove();
  setTimeout(() => box.remove(), kind === "error" ? 9000 : 5000);
}

function render(next: PreviewState): void {
  state = next;
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
      : [el("div", "menu-title", "(no items: onOpen did not build a menu)")]),
  );

  const active = next.workbook.activeRange;
  if (active && active.sheet !== currentTab && active.sheet === next.workbook.activeSheet) currentTab = active.sheet;
  if (!next.workbook.tabs.some((t) => t.name === currentTab)) currentTab = next.workbook.activeSheet;
  renderTabs(next);
  renderGrid(next);
  renderSidebar(next);
  renderOutbox(next);

  if (toastsSeen >= 0) for (const t of next.toasts.slice(toastsSeen)) toast(t.title, t.message);
  toastsSeen = next.toasts.length;
  if (next.notice) toast(next.notice.kind === "error" ? "Error" : "", next.notice.text, next.notice.kind);
}

function renderTabs(s: PreviewState): void {
  $("tabs").replaceChildren(
    ...s.workbook.tabs.map((t) => {
      const b = el("button", t.hidden ? "hidden-tab" : "", t.hidden ? `${t.name} (hidden)` : t.name);
      b.type = "button";
      b.setAttribute("role", "tab");
      b.dataset.tab = t.name;
      b.setAttribute("aria-selected", String(t.name === currentTab));
      b.addEventListener("click", () => {
        currentTab = t.name;
        current = null;
        renderTabs(s);
        renderGrid(s);
      });
      return b;
    }),
  );
}

function renderGrid(s: PreviewState): void {
  const tab = s.workbook.tabs.find((t) => t.name === currentTab);
  const grid = $<HTMLTableElement>("grid");
  const onlyDefault = s.workbook.tabs.length === 1 && (tab?.rows.every((r) => r.every((c) => c === "")) ?? true);
  $("empty").hidden = !onlyDefault;
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
      const td = el("td", undefined, text);
      td.dataset.a1 = `${columnLetter(c + 1)}${r + 1}`;
      if (/^-?[\d,.]+%?$/.test(text.replace(/[¥$€£\s]/g, "")) && text !== "") td.classList.add("num");
      if (text.startsWith("#") && text.endsWith("!")) td.classList.add("error");
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
      if (current && current.row === r && current.col === c) td.classList.add("current");
      td.addEventListener("click", () => selectCell(tab, r, c));
      td.addEventListener("dblclick", () => editCell(td, tab, r, c));
      tr.append(td);
    }
    body.append(tr);
  });
  grid.replaceChildren(colgroup, head, body);
}

function selectCell(tab: TabView, r: number, c: number): void {
  current = { row: r, col: c };
  for (const td of Array.from(document.querySelectorAll("td.current"))) td.classList.remove("current");
  document.querySelector(`td[data-a1="${columnLetter(c + 1)}${r + 1}"]`)?.classList.add("current");
  $("cell-ref").textContent = `${columnLetter(c + 1)}${r + 1}`;
  $("cell-content").textContent = tab.formulas[r]?.[c] || tab.rows[r]?.[c] || "";
}

function editCell(td: HTMLTableCellElement, tab: TabView, r: number, c: number): void {
  const input = el("input");
  input.value = tab.formulas[r]?.[c] || tab.rows[r]?.[c] || "";
  td.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    if (save) {
      void post("/api/edit", {
        a1: `'${tab.name.replace(/'/g, "''")}'!${columnLetter(c + 1)}${r + 1}`,
        value: input.value,
      });
    } else if (state) renderGrid(state);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") finish(true);
    if (e.key === "Escape") finish(false);
  });
  input.addEventListener("blur", () => finish(true));
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
            el("div", "mail-meta", `${m.at.slice(0, 16).replace("T", " ")} · to ${m.to} · from ${m.from}`),
            el("div", "mail-body", m.body),
          );
          return li;
        })
      : [el("li", undefined, "No mail sent yet.")]),
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
  if (confirm("Start again with an empty workbook? The current preview state is discarded.")) void post("/api/reset");
});
$("sidebar-close").addEventListener("click", () => void post("/api/close-sidebar"));
$("outbox-button").addEventListener("click", () => {
  $("outbox").hidden = !$("outbox").hidden;
});
$("outbox-close").addEventListener("click", () => {
  $("outbox").hidden = true;
});
window.addEventListener("message", (e: MessageEvent) => {
  const data = e.data as { type?: string } | null;
  if (data?.type === "preview:refresh") void refresh();
  if (data?.type === "preview:close") void post("/api/close-sidebar");
});

// Opening the document runs onOpen, as Sheets does.
void post("/api/open");
