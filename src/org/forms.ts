// Creates a campaign's Google Form whose responses land in this workbook (org build: FormApp needs the `forms` scope):
// its questions are titled like the Feedback tab's columns, so the response tab Sheets makes when the form is linked is
// read as feedback by its headers; the tab is added to the `feedback_forms` setting and noted with the form's links.
//
// One form per campaign. Forms has no idempotency key, so the form's ID is recorded in the document properties the
// moment it exists: a retry (an execution killed anywhere, the same request sent again) opens that form and finishes it
// instead of making another. Only a kill between FormApp.create and that record leaves a form behind, unlinked and empty
// of responses; the retry then makes the one that is linked.
import { asString } from "../domain/builtins";
import { DEFAULT_FEEDBACK_FORMS } from "../domain/evaluation-settings";
import { t } from "../domain/i18n";
import { splitList } from "../domain/lists";
import { isAdmin } from "../domain/roles";
import { parseRequest } from "../server/shared/request";
import { ownerOfCampaign } from "../server/shared/rights";
import type { Workspace } from "../server/shared/workspace";
import { noCampaign, refused, type Step, write } from "../server/shared/write";
import { FEEDBACK_TAB } from "../workbook/evaluation/tabs";
import { setExactValues } from "../workbook/shared/cells";
import { columnIndex } from "../workbook/shared/columns";
import { appendRecords, keyed } from "../workbook/shared/rows";
import { SETTINGS_TAB } from "../workbook/shared/settings";
import { type ColumnSpec, label } from "../workbook/shared/spec";
import { CreateFormRequest, type FeedbackForm } from "./api";
import type { FormPort, FormSheetPort } from "./ports";
import { orgT } from "./texts";

/** Document property: campaign ID -> its form (the ID as soon as it exists, the rest once it is linked). */
export const FORMS_KEY = "cc.org.forms";

interface Recorded extends FeedbackForm {
  readonly request: string;
  readonly form: string;
}

function column(key: string): ColumnSpec {
  return FEEDBACK_TAB.columns.find((c) => c.key === key) as ColumnSpec;
}

/** The tab this form sends its responses to, or null while it sends them nowhere here. */
function responseTab(ws: Workspace, formId: string): FormSheetPort | null {
  // The real Sheet has getFormUrl (test/conformance); the add-on's own sheet port does not need it.
  for (const sheet of ws.ss.getSheets() as unknown as FormSheetPort[]) {
    const url = sheet.getFormUrl();
    if (url && FormApp?.openByUrl(url).getId() === formId) return sheet;
  }
  return null;
}

/** The questions, titled as the Feedback tab's columns in the workbook's language. */
function addQuestions(ws: Workspace, form: FormPort, id: string, channels: readonly string[]): void {
  const title = (key: string) => label(column(key), ws.sheetLang);
  // Delete what an earlier, killed attempt added, so the questions are these and only once.
  for (let i = form.getItems().length - 1; i >= 0; i--) form.deleteItem(i);
  form.addListItem().setTitle(title("campaign")).setChoiceValues([id]).setRequired(true);
  if (channels.length > 0)
    form
      .addMultipleChoiceItem()
      .setTitle(title("channel"))
      .setChoiceValues([...channels]);
  form.addScaleItem().setTitle(title("rating")).setBounds(1, 5).setRequired(true);
  form.addParagraphTextItem().setTitle(title("comment"));
}

/** Adds the tab to the `feedback_forms` setting unless the setting already reads it (its default names included). */
function readAsFeedback(ws: Workspace, tab: string): void {
  const table = ws.settingsRead.table;
  const valueColumn = table && columnIndex(table.layout).get("value");
  if (!table || !valueColumn) return;
  const row = ws.settingsRead.rows.get("feedback_forms");
  const cell = table.rows.find((r) => r.row === row)?.cells[valueColumn - 1];
  const now = asString(cell ?? "").trim() === "" ? DEFAULT_FEEDBACK_FORMS : splitList(asString(cell));
  if (now.some((name) => name.toLowerCase() === tab.toLowerCase())) return;
  const value = [...now, tab].join(", ");
  if (row === undefined) {
    appendRecords(keyed(table), SETTINGS_TAB, [
      { key: "feedback_forms", value, description: t(ws.sheetLang, "setting.feedback_forms") },
    ]);
  } else {
    setExactValues(table.sheet.getRange(row, valueColumn), { tab: table.name, row, column: valueColumn }, [[value]]);
  }
}

export function rpcCreateFeedbackForm(request: unknown) {
  const req = parseRequest("rpcCreateFeedbackForm", CreateFormRequest, request);
  return write({ needsLog: false }, (ws, { me }): Step<{ form: FeedbackForm; created: boolean }> => {
    const id = req.campaign;
    const lang = ws.lang;
    if (!ws.campaigns?.rowsById.has(id)) return noCampaign(ws, id);
    if (ownerOfCampaign(ws, id) !== me && !isAdmin(ws.roles, ws.owner, me)) {
      return refused("not_owner", orgT(lang, { key: "org.form.ownerOnly", params: { id } }));
    }
    if (!FormApp) return refused("no_service", orgT(lang, { key: "org.form.service" }));
    const all = JSON.parse(ws.props[FORMS_KEY] ?? "{}") as Record<string, Recorded>;
    const save = (r: Recorded) => ws.propsStore.setProperty(FORMS_KEY, JSON.stringify({ ...all, [id]: r }));
    let rec = all[id];
    if (rec?.tab && rec.request !== req.requestId) {
      return refused("form_exists", orgT(lang, { key: "org.form.exists", params: { id, tab: rec.tab, url: rec.url } }));
    }
    const campaign = ws.campaigns.campaigns.find((c) => c.record.id === id)?.record;
    let form: FormPort;
    if (rec) {
      form = FormApp.openById(rec.form);
    } else {
      form = FormApp.create(orgT(ws.sheetLang, { key: "org.form.title", params: { name: campaign?.name || id, id } }));
      rec = { request: req.requestId, form: form.getId(), url: "", edit: "", tab: "" };
      save(rec);
    }
    let sheet = responseTab(ws, rec.form);
    if (!sheet) {
      addQuestions(ws, form, id, campaign?.channels ?? []);
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ws.ss.getId());
      sheet = responseTab(ws, rec.form);
    }
    if (!sheet) return refused("not_linked", orgT(lang, { key: "org.form.notLinked" }));
    const done: Recorded = { ...rec, url: form.getPublishedUrl(), edit: form.getEditUrl(), tab: sheet.getName() };
    // Where anyone with the workbook finds the links later: a note on the response tab's first header.
    sheet
      .getRange(1, 1)
      .setNote(orgT(ws.sheetLang, { key: "org.form.note", params: { url: done.url, edit: done.edit } }));
    readAsFeedback(ws, done.tab);
    save(done);
    return { value: { form: { url: done.url, edit: done.edit, tab: done.tab }, created: true } };
  });
}
