// The approval log as it grows: per RPC (and onEdit) the service calls and the cells read from the log tab at 100,
// 5,000 and 50,000 log rows, the time of a decision, the full verification, and the document-property bytes at 10,
// 1,000 and 10,000 approved campaigns. The big logs are sealed with the document's key by the domain's functions and
// written with one setValues; the kept fold is then brought up to date by the full verification, as the schedule does.
import { performance } from "node:perf_hooks";
import {
  chunksOf,
  foldEventsFrom,
  foldSeal,
  foldText,
  keyedHash,
  LOG_COLUMNS,
  readFoldText,
} from "../src/domain/workflow";
import { Emulator } from "../test/emulator/index";
import {
  countLogCells,
  documentProps,
  growLog,
  logRowsOf,
  propertyBytes,
  STATE_TAB,
} from "../test/integration/log-support";
import { columnsOf, writeRecords } from "./bench-workbook";

const OWNER = "owner@example.com";
const MIA = "mia@example.com";
const LEO = "leo@example.com";

function row(label: string, ...cells: (string | number)[]): void {
  console.log(`  ${label.padEnd(44)}${cells.map((c) => String(c).padStart(14)).join("")}`);
}

function must(what: string, value: unknown): void {
  const answer = value as { ok?: boolean; message?: string; chain?: { ok: boolean } };
  if (answer.ok === false || answer.chain?.ok === false) throw new Error(`${what}: ${answer.message ?? "refused"}`);
}

function plan(id: string, budget: number) {
  return {
    id,
    name: `Campaign ${id}`,
    owner: MIA,
    objective: "Leads from small businesses",
    audience: "SMB owners",
    channels: "Email, Events",
    content: "Webinar and follow-up mails",
    place: "Online",
    start: "2026-03-01",
    end: "2026-06-30",
    budget,
    currency: "",
    kpis: "Leads 500",
  };
}

function openRequest(emu: Emulator, id: string): { id: string; version: number } {
  const inbox = emu
    .as(LEO)
    .run<{ requests: { campaignId: string; request: { id: string; version: number } }[] }>("rpcInbox", {});
  const item = inbox.requests.find((r) => r.campaignId === id);
  if (!item) throw new Error(`${id} is not waiting for Leo`);
  return item.request;
}

/** C-1 approved (one level), `pairs` made-up approved plans after it, the full verification, C-2 waiting for Leo. */
function grown(pairs: number): Emulator {
  // The first execution after a big log is grown folds it all (as the first write after an upgrade would): give it time.
  const emu = Emulator.create({ owner: OWNER, wallTimeoutMs: 900_000 });
  emu.open();
  emu.menu("Set up workbook");
  must(
    "roles",
    emu.as(OWNER).run("rpcSaveRoles", {
      admins: [],
      levels: [{ approvers: [LEO], limit: null }],
      finance: [],
      delegations: [],
    }),
  );
  writeRecords(emu, "Campaigns", [plan("C-1", 800), plan("C-2", 600)]);
  writeRecords(emu, "Budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 800 },
    { campaign: "C-2", category: "Media", month: "2026-03", planned: 600 },
  ]);
  for (const id of ["C-1", "C-2"]) {
    must(
      "submit",
      emu.as(MIA).run("rpcSubmit", { campaignId: id, type: "plan", requestId: `plan-${id}-0001`, comment: "" }),
    );
    if (id === "C-2") break;
    const open = openRequest(emu, id);
    const decision = {
      campaignId: id,
      requestId: open.id,
      seenVersion: open.version,
      decision: "approve",
      comment: "",
    };
    must("approve", emu.as(LEO).run("rpcDecide", decision));
    if (pairs > 0) growLog(emu, pairs);
  }
  return emu;
}

interface Cost {
  readonly calls: number;
  readonly logCells: number;
  readonly ms: number;
}

function measure(emu: Emulator, counting: ReturnType<typeof countLogCells>, act: () => void): Cost {
  emu.counter.reset();
  counting.reset();
  const start = performance.now();
  act();
  return { calls: emu.counter.total(), logCells: counting.cells(), ms: performance.now() - start };
}

function colA1(column: number, r: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${r}`;
}

export function benchLog(): void {
  console.log("\nThe approval log as it grows: each RPC reads the kept fold and only the log rows after it");
  const sizes = (process.env.LOG_SIZES ?? "100,5000,50000").split(",").map(Number);
  const results = new Map<number, Record<string, Cost | number>>();
  const counting = countLogCells();
  try {
    for (const size of sizes) {
      // C-1's two rows, the made-up pairs, then C-2's submission: `size` rows in all.
      const emu = grown(Math.round((size - 3) / 2));
      let verifyMs = 0;
      const verify = measure(emu, counting, () => {
        const start = performance.now();
        const res = emu.as(LEO).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {});
        verifyMs = performance.now() - start;
        if (!res.chain.ok) throw new Error("the grown log does not verify");
      });
      const logRows = logRowsOf(emu).length;
      const stateChars = emu.values(STATE_TAB).reduce((n, r) => n + String(r[0] ?? "").length, 0);
      const mine = measure(emu, counting, () => emu.as(MIA).run("rpcMyCampaigns", {}));
      let open = { id: "", version: 0 };
      const inbox = measure(emu, counting, () => {
        open = openRequest(emu, "C-2");
      });
      const decide = measure(emu, counting, () =>
        must(
          "decide",
          emu.as(LEO).run("rpcDecide", {
            campaignId: "C-2",
            requestId: open.id,
            seenVersion: open.version,
            decision: "approve",
            comment: "",
          }),
        ),
      );
      const draft = {
        date: "2026-03-10",
        campaign: "C-1",
        category: "Media",
        vendor: "Print shop",
        description: "Flyers",
        amount: "100",
        currency: "",
        kind: "actual",
        receiptLink: "https://drive.example.com/receipt-1",
        reimbursable: false,
      };
      const expense = measure(emu, counting, () =>
        must("expense", emu.as(MIA).run("rpcRecordExpense", { draft, requestId: `expense-${size}-0001` })),
      );
      const budget = columnsOf(emu).get("Campaigns")?.get("budget") ?? 0;
      const onEdit = measure(emu, counting, () => emu.as(MIA).edit(`Campaigns!${colA1(budget, 2)}`, 900));
      // The decision's own computation, without the emulator: open the kept fold (seal and parse), fold one new row,
      // write the kept fold again (text and seal).
      const hash = keyedHash(documentProps(emu)["cc.secret"]);
      const values = emu.values(STATE_TAB);
      const unmark = (v: unknown) => String(v ?? "").replace(/^\|/, "");
      const text = values
        .slice(1, 1 + Number(unmark(values[0]?.[2])))
        .map((r) => unmark(r[0]))
        .join("");
      const start = performance.now();
      const kept = readFoldText(text, unmark(values[0]?.[1]), hash);
      if (!kept) throw new Error("the kept fold does not open");
      const last = logRowsOf(emu).at(-1);
      const fold = foldEventsFrom(kept.fold, last ? [last] : [], kept.count);
      const again = foldText({ ...kept, fold });
      chunksOf(again);
      foldSeal(again, hash);
      const compute = performance.now() - start;
      results.set(size, { verify, verifyMs, logRows, stateChars, mine, inbox, decide, expense, onEdit, compute });
    }
  } finally {
    counting.stop();
  }
  const at = (size: number, key: string) => results.get(size)?.[key];
  const cost = (size: number, key: string) => at(size, key) as Cost;
  row("log rows", ...sizes.map((s) => (at(s, "logRows") as number).toLocaleString("en")));
  for (const [key, label] of [
    ["mine", "rpcMyCampaigns"],
    ["inbox", "rpcInbox"],
    ["decide", "rpcDecide"],
    ["expense", "rpcRecordExpense"],
    ["onEdit", "onEdit (an approved budget edited)"],
  ] as const) {
    row(`${label}: service calls`, ...sizes.map((s) => cost(s, key).calls));
    row("  cells read from the log tab", ...sizes.map((s) => cost(s, key).logCells.toLocaleString("en")));
    row("  emulator wall time", ...sizes.map((s) => `${cost(s, key).ms.toFixed(0)} ms`));
  }
  row(
    "a decision's computation (kept fold in and out)",
    ...sizes.map((s) => `${(at(s, "compute") as number).toFixed(0)} ms`),
  );
  row(
    "kept fold in the state tab (characters)",
    ...sizes.map((s) => (at(s, "stateChars") as number).toLocaleString("en")),
  );
  row("full verification (menu, schedule): calls", ...sizes.map((s) => cost(s, "verify").calls));
  row("  cells read from the log tab", ...sizes.map((s) => cost(s, "verify").logCells.toLocaleString("en")));
  row("  emulator wall time", ...sizes.map((s) => `${(at(s, "verifyMs") as number).toFixed(0)} ms`));
  const same = (key: string) => sizes.every((s) => cost(s, key).calls === cost(sizes[0] ?? 0, key).calls);
  const flat = ["mine", "inbox", "decide", "expense", "onEdit"].every(same);
  console.log(`  same service calls at every size for every RPC above: ${flat ? "yes" : "NO"}`);
  console.log(
    `  log columns: ${LOG_COLUMNS.length} (a read of the header and the kept fold's last row: ${2 * LOG_COLUMNS.length} cells)`,
  );

  console.log("\nDocument properties (quota 500 KB; bound kept: 64 KB) by approved, open campaigns");
  const counts = (process.env.PROP_COUNTS ?? "10,1000,10000").split(",").map(Number);
  const bytes: string[] = [];
  const keys: number[] = [];
  for (const n of counts) {
    const emu = grown(n - 1);
    must("verify", emu.as(LEO).run("rpcVerifyLog", {}));
    bytes.push(`${propertyBytes(emu).toLocaleString("en")} B`);
    keys.push(Object.keys(documentProps(emu)).length);
  }
  row("approved campaigns", ...counts.map((n) => n.toLocaleString("en")));
  row("document-property bytes", ...bytes);
  row("document-property keys", ...keys);
}
