// Roles and the audit log: reading and saving the roles (admins only; the document properties are the truth, the
// Settings tab is rewritten to show them), and verifying the approval log's chain.

import { asNumber, NOT_A_NUMBER } from "../../domain/builtins";
import { type Lang, t } from "../../domain/i18n";
import { fromMinorUnits, toMinorUnits } from "../../domain/money";
import { checkRoles, isAdmin, type Roles, rightsProjection, rolesText } from "../../domain/roles";
import { RIGHTS_KEYS } from "../../domain/settings";
import { setExactValues } from "../../workbook/shared/cells";
import { columnIndex } from "../../workbook/shared/columns";
import { appendRecords, keyed } from "../../workbook/shared/rows";
import { SETTINGS_TAB } from "../../workbook/shared/settings";
import { runs } from "../../workbook/shared/setup-plan";
import { activeSpreadsheet, documentLock, userInterface } from "../shared/active";
import { EmptyRequest, type FieldIssue } from "../shared/contract";
import { healProjections } from "../shared/projection";
import { parseRequest } from "../shared/request";
import { tickSkipped } from "../shared/runtime-log";
import { registerStandingJob } from "../shared/schedule";
import { documentProperties, KEY } from "../shared/store";
import { formIssue } from "../shared/views";
import { brokenMessage, readWorkspace, recordVerdict, type Workspace } from "../shared/workspace";
import { callerEmail, refused, type Step, write } from "../shared/write";
import { type RolesView, SaveRolesRequest, type VerifyResponse } from "./api";

function rolesView(ws: Workspace, roles: Roles, me: string): RolesView {
  const currency = ws.settings.currency;
  return {
    lang: ws.lang,
    user: me,
    owner: ws.owner,
    isAdmin: isAdmin(roles, ws.owner, me),
    currency,
    admins: roles.admins,
    levels: roles.levels.map((l) => ({
      approvers: l.approvers,
      limit: l.limit === null ? null : fromMinorUnits(l.limit, currency),
    })),
    finance: roles.finance,
    delegations: roles.delegations.map((d) => ({ ...d })),
  };
}

export function rpcGetRoles(request: unknown): RolesView {
  parseRequest("rpcGetRoles", EmptyRequest, request);
  const ws = readWorkspace(activeSpreadsheet());
  return rolesView(ws, ws.roles, callerEmail());
}

/** Rewrites the rights rows of Settings (adding those it lacks) to show `roles`: one write per run of rows. */
export function projectRights(ws: Workspace, roles: Roles): void {
  const table = ws.settingsRead.table;
  if (!table) return;
  const rights = rightsProjection(roles, ws.owner, ws.settings.currency, ws.sheetLang);
  const valueColumn = columnIndex(table.layout).get("value");
  if (valueColumn === undefined) return;
  const cells = new Map(table.rows.map((r) => [r.row, r.cells[valueColumn - 1]]));
  const stale = new Map<number, unknown>();
  const missing: Record<string, unknown>[] = [];
  for (const key of RIGHTS_KEYS) {
    const row = ws.settingsRead.rows.get(key);
    if (row === undefined) missing.push({ key, value: rights[key], description: t(ws.sheetLang, `setting.${key}`) });
    else if (cells.get(row) !== rights[key]) stale.set(row, rights[key]);
  }
  for (const run of runs(stale)) {
    const range = table.sheet.getRange(run.column, valueColumn, run.values.length, 1);
    setExactValues(
      range,
      { tab: table.name, row: run.column, column: valueColumn },
      run.values.map((v) => [v]),
    );
  }
  if (missing.length > 0) appendRecords(keyed(table), SETTINGS_TAB, missing);
}

export function rpcSaveRoles(request: unknown) {
  const req = parseRequest("rpcSaveRoles", SaveRolesRequest, request);
  return write({ needsLog: false }, (ws, { me }): Step<{ roles: RolesView }> => {
    if (!isAdmin(ws.roles, ws.owner, me)) return refused("not_admin", t(ws.lang, "rpc.notAdmin", { owner: ws.owner }));
    const currency = ws.settings.currency;
    const limitIssues: FieldIssue[] = [];
    const levels = req.levels.map((level, i) => {
      const text = (level.limit ?? "").replace(/[,\s]/g, "");
      if (text === "") return { approvers: level.approvers, limit: null };
      const n = /^\d+(\.\d+)?$/.test(text) ? toMinorUnits(asNumber(text), currency) : null;
      if (n === null) limitIssues.push(formIssue(ws.lang, `levels.${i}.limit`, "roles.limitInvalid"));
      // NaN fails the engine's limit rules without moving "the limit below" for the next level.
      return { approvers: level.approvers, limit: n ?? NOT_A_NUMBER };
    });
    const checked = checkRoles({
      admins: req.admins,
      levels,
      finance: req.finance,
      delegations: req.delegations,
    });
    const flagged = new Set(limitIssues.map((i) => i.field));
    const issues = [
      ...limitIssues,
      ...(checked.ok ? [] : checked.issues)
        .filter((i) => !flagged.has(i.field))
        .map((i) => formIssue(ws.lang, i.field, i.messageKey, i.params)),
    ];
    if (issues.length > 0 || !checked.ok) {
      return refused("invalid_input", t(ws.lang, "workflow.refusal.invalidInput"), issues);
    }
    const roles = checked.roles;
    return {
      apply: () => {
        const text = rolesText(roles);
        if (ws.props[KEY.roles] !== text) ws.propsStore.setProperty(KEY.roles, text);
        projectRights(ws, roles);
      },
      value: { roles: rolesView(ws, roles, me) },
    };
  });
}

function verification(lang?: Lang): VerifyResponse {
  const ws = verifyWholeLog(lang);
  const message = ws.chain.ok ? t(ws.lang, "verify.ok", { count: ws.chain.count }) : brokenMessage(ws);
  return { lang: ws.lang, chain: ws.chain, message };
}

/**
 * The full verification: every row of the log against its seal, under the document lock when it is free. A break is
 * recorded, so every read and write sees it from then on (they read only the rows after the kept fold); an intact log
 * clears an earlier record and brings the kept fold and guard data up to date. Runs from the menu and on every tick
 * of the schedule, whichever jobs are on.
 */
const LOCK_MS = 10_000;

function verifyWholeLog(lang?: Lang): Workspace {
  const lock = documentLock();
  const locked = lock?.tryLock(LOCK_MS) ?? false;
  try {
    const ws = readWorkspace(activeSpreadsheet(), { wholeLog: true }, lang);
    if (locked && recordVerdict(ws)) healProjections(ws);
    return ws;
  } finally {
    if (locked) lock?.releaseLock();
  }
}

/** The UTC day the scheduled full verification last ran (a few bytes in the document properties). */
const VERIFIED_DAY_KEY = "cc.verified.day";

// A tick whose monitoring found nothing new to run (no edit, no new row, no event since) verifies the whole log once a
// day only: an in-place edit of an old log row by a person fires onEdit, which makes the next tick a full one.
registerStandingJob("verifyLog", () => {
  const day = new Date().toISOString().slice(0, 10);
  const props = documentProperties();
  if (tickSkipped() && props.getProperty(VERIFIED_DAY_KEY) === day) return;
  verifyWholeLog();
  props.setProperty(VERIFIED_DAY_KEY, day);
});

export function rpcVerifyLog(request: unknown): VerifyResponse {
  parseRequest("rpcVerifyLog", EmptyRequest, request);
  return verification();
}

/** "Verify audit log": the verdict in an alert, naming the first row that was edited, deleted or inserted. */
export function menuVerifyAuditLog(): void {
  const result = verification();
  userInterface().alert(t(result.lang, "verify.title"), result.message, userInterface().ButtonSet.OK);
}
