// The export section's server functions: read the settings and the last run, save the settings (admins only; turning
// export on puts it on the add-on's one scheduled trigger), and export now. An export holds the script lock, not the
// document lock: it reads and then waits on BigQuery, and nobody's edit should wait for that.
import type { Lang } from "../domain/i18n";
import { isAdmin, parseRoles } from "../domain/roles";
import { EmptyRequest, type FieldIssue } from "../server/shared/contract";
import { userLang } from "../server/shared/locale";
import { parseRequest } from "../server/shared/request";
import { setJob } from "../server/shared/schedule";
import { documentProperties, KEY } from "../server/shared/store";
import { ownerOf } from "../server/shared/workspace";
import { callerEmail } from "../server/shared/write";
import { type ExportView, SaveExportRequest, type SaveExportResponse } from "./api";
import {
  EXPORT_JOB,
  type ExportSettings,
  readExportSettings,
  readExportStatus,
  runExport,
  SETTINGS_KEY,
} from "./export";
import { orgT } from "./texts";

function callerIsAdmin(): boolean {
  const me = callerEmail();
  const roles = parseRoles(documentProperties().getProperty(KEY.roles));
  return me !== "" && isAdmin(roles, ownerOf(SpreadsheetApp.getActiveSpreadsheet()), me);
}

function viewOf(lang: Lang): ExportView {
  const props = documentProperties();
  const s = readExportSettings(props);
  const status = readExportStatus(props);
  let last = "";
  if (status) {
    const time = status.at.replace("T", " ").slice(0, 16);
    last = status.error
      ? orgT(lang, { key: "org.export.failed", params: { time, message: orgT(lang, status.error) } })
      : orgT(lang, {
          key: status.complete ? "org.export.done" : "org.export.partial",
          params: { time, rows: status.rows, requests: status.requests, left: status.left },
        });
  } else {
    last = orgT(lang, { key: s.enabled ? "org.export.never" : "org.export.off" });
  }
  return {
    lang,
    isAdmin: callerIsAdmin(),
    enabled: s.enabled,
    project: s.project,
    dataset: s.dataset,
    team: s.team,
    period: s.period,
    last,
    ok: status ? status.ok : true,
    problems: status?.problems ?? [],
    notes: (status?.notes ?? []).map((n) => orgT(lang, n)),
  };
}

export function rpcExportView(request: unknown): ExportView {
  const lang = userLang();
  parseRequest("rpcExportView", EmptyRequest, request, lang);
  return viewOf(lang);
}

const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const DATASET = /^[A-Za-z0-9_]{1,1024}$/;

function issue(field: string, message: string): FieldIssue {
  return { field, message, where: "", tab: "", row: 0, column: "" };
}

export function rpcExportSave(request: unknown): SaveExportResponse {
  const lang = userLang();
  const req = parseRequest("rpcExportSave", SaveExportRequest, request, lang);
  if (!callerIsAdmin()) {
    return { ok: false, message: orgT(lang, { key: "org.export.adminOnly" }), issues: [] };
  }
  const next: ExportSettings = {
    enabled: req.enabled,
    project: req.project.trim(),
    dataset: req.dataset.trim(),
    team: req.team.trim(),
    period: req.period.trim(),
  };
  const issues: FieldIssue[] = [];
  if (next.enabled || next.project !== "") {
    if (!PROJECT.test(next.project)) issues.push(issue("project", orgT(lang, { key: "org.field.project" })));
    if (!DATASET.test(next.dataset)) issues.push(issue("dataset", orgT(lang, { key: "org.field.dataset" })));
    if (next.period === "") issues.push(issue("period", orgT(lang, { key: "org.field.period" })));
  }
  if (issues.length > 0) return { ok: false, message: issues.map((i) => i.message).join(" "), issues };
  documentProperties().setProperty(SETTINGS_KEY, JSON.stringify(next));
  // On: the export runs from the add-on's one hourly trigger (made the caller's, as any schedule); off: removed.
  setJob(EXPORT_JOB, next.enabled);
  return { ok: true, view: viewOf(lang) };
}

export function rpcExportNow(request: unknown): ExportView {
  const lang = userLang();
  parseRequest("rpcExportNow", EmptyRequest, request, lang);
  if (!callerIsAdmin()) throw new Error(orgT(lang, { key: "org.export.adminOnly" }));
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(1000)) throw new Error(orgT(lang, { key: "org.export.busy" }));
  try {
    runExport();
  } finally {
    lock.releaseLock();
  }
  return viewOf(lang);
}
