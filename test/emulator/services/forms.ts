// Emulated Forms service (the FormApp calls the org build makes): forms kept by a `FormsCloud` (a test's Google Drive),
// their questions, and the link to a spreadsheet that makes the response tab as Sheets does, plus `submit`, a respondent
// answering, which appends the row Sheets appends. A global only when the manifest asks for the forms scope.
//
// Sources: FormApp (https://developers.google.com/apps-script/reference/forms/form-app): "create(title) ... Throws an
// exception if the given title is null or empty"; Form.setDestination(FormApp.DestinationType.SPREADSHEET, id) sets the
// spreadsheet responses are saved to; ScaleItem.setBounds(lower, upper): lower 0 or 1, upper 3 to 10; Sheet.getFormUrl:
// "the URL for the form that sends its responses to this sheet, or null". Sheets names a linked form's tab "Form
// Responses 1" ("表单回复 1" in Chinese), the next free number, and writes its header row: "Timestamp" ("时间戳记"), then
// one column per question, titled as the question.
import type {
  FormAppPort,
  FormPort,
  ListItemPort,
  MultipleChoiceItemPort,
  ParagraphTextItemPort,
  ScaleItemPort,
} from "../../../src/org/ports";
import type { HookedCounter } from "../runtime";
import type { FakeSpreadsheet } from "../spreadsheet";
import { type ExecutionContext, makeEnum, permissionError, ServiceError } from "./core";

export const SCOPE_FORMS = "https://www.googleapis.com/auth/forms";

export interface StoredItem {
  type: "LIST" | "MULTIPLE_CHOICE" | "SCALE" | "PARAGRAPH_TEXT";
  title: string;
  choices: string[];
  bounds: [number, number];
  required: boolean;
}

export interface StoredForm {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly items: StoredItem[];
  /** The spreadsheet and tab (sheet id) its responses go to. */
  destination: { spreadsheetId: string; sheetId: number } | null;
}

const DestinationType = makeEnum("SPREADSHEET");

/** A test's Drive as far as forms go: every form created, by any execution. */
export class FormsCloud {
  readonly forms = new Map<string, StoredForm>();
  private next = 1;

  newId(): string {
    return `1emuForm${String(this.next++).padStart(4, "0")}x`;
  }

  editUrl(id: string): string {
    return `https://docs.google.com/forms/d/${id}/edit`;
  }

  publishedUrl(id: string): string {
    return `https://docs.google.com/forms/d/e/1FAIpQL${id}/viewform`;
  }

  /** The form a URL of either kind names, or undefined. */
  byUrl(url: string): StoredForm | undefined {
    const m = /\/forms\/d\/(?:e\/1FAIpQL)?([^/]+)\//.exec(url);
    return m ? this.forms.get(m[1] ?? "") : undefined;
  }

  /** Sheet.getFormUrl: the form sending its responses to this tab, or null. */
  formUrlOf(spreadsheetId: string, sheetId: number): string | null {
    for (const f of this.forms.values()) {
      const d = f.destination;
      if (d && d.spreadsheetId === spreadsheetId && d.sheetId === sheetId) return this.editUrl(f.id);
    }
    return null;
  }

  /** The forms linked to this spreadsheet. */
  linkedTo(spreadsheetId: string): StoredForm[] {
    return [...this.forms.values()].filter((f) => f.destination?.spreadsheetId === spreadsheetId);
  }
}

/** One execution's view of FormApp, for the one emulated spreadsheet. */
export class FakeFormApp implements FormAppPort {
  readonly DestinationType = DestinationType;

  constructor(
    private readonly cloud: FormsCloud,
    private readonly ctx: ExecutionContext,
    private readonly counter: HookedCounter,
    private readonly spreadsheet: () => FakeSpreadsheet,
  ) {}

  /** Counts the call; Forms needs an authorized execution (FULL). */
  enter(method: string): void {
    this.counter.count(method);
    if (this.ctx.authMode !== "FULL") throw permissionError(method, SCOPE_FORMS);
  }

  create(title: string): FakeForm {
    this.enter("FormApp.create");
    if (!title) throw new ServiceError("Invalid argument: title");
    const form: StoredForm = { id: this.cloud.newId(), title, owner: this.ctx.user, items: [], destination: null };
    this.cloud.forms.set(form.id, form);
    return new FakeForm(this, this.cloud, form);
  }

  openById(id: string): FakeForm {
    this.enter("FormApp.openById");
    const form = this.cloud.forms.get(id);
    if (!form) throw new ServiceError(`No item with the given ID could be found. (${id})`);
    return new FakeForm(this, this.cloud, form);
  }

  openByUrl(url: string): FakeForm {
    this.enter("FormApp.openByUrl");
    const form = this.cloud.byUrl(url);
    if (!form) throw new ServiceError("No item with the given ID could be found.");
    return new FakeForm(this, this.cloud, form);
  }

  /** The response tab's header: Timestamp in the spreadsheet's language, then the questions' titles. */
  link(form: StoredForm, spreadsheetId: string): void {
    const ss = this.spreadsheet();
    if (spreadsheetId !== ss.id) throw new ServiceError("No item with the given ID could be found.");
    const zh = ss.locale.startsWith("zh");
    let n = 1;
    while (ss.sheetByName(`${zh ? "表单回复" : "Form Responses"} ${n}`)) n++;
    const sheet = this.counter.paused(() => {
      const s = ss.insertSheet(`${zh ? "表单回复" : "Form Responses"} ${n}`, 0);
      const header = [zh ? "时间戳记" : "Timestamp", ...form.items.map((i) => i.title)];
      s.getRange(1, 1, 1, header.length).setValues([header]);
      return s;
    });
    form.destination = { spreadsheetId, sheetId: sheet.model.id };
  }
}

class Item<T> {
  constructor(
    protected readonly app: FakeFormApp,
    readonly item: StoredItem,
    private readonly kind: string,
  ) {}

  protected set(method: string, change: (i: StoredItem) => void): T {
    this.app.enter(`${this.kind}.${method}`);
    change(this.item);
    return this as unknown as T;
  }

  setTitle(title: string): T {
    return this.set("setTitle", (i) => {
      i.title = title;
    });
  }

  setRequired(enabled: boolean): T {
    return this.set("setRequired", (i) => {
      i.required = enabled;
    });
  }

  setChoiceValues(values: string[]): T {
    return this.set("setChoiceValues", (i) => {
      i.choices = [...values];
    });
  }

  setBounds(lower: number, upper: number): T {
    if (lower < 0 || lower > 1 || upper < 3 || upper > 10) {
      this.app.enter(`${this.kind}.setBounds`);
      throw new ServiceError("Invalid argument: bounds");
    }
    return this.set("setBounds", (i) => {
      i.bounds = [lower, upper];
    });
  }
}

export class FakeForm implements FormPort {
  constructor(
    private readonly app: FakeFormApp,
    private readonly cloud: FormsCloud,
    readonly form: StoredForm,
  ) {}

  getId(): string {
    this.app.enter("Form.getId");
    return this.form.id;
  }

  getPublishedUrl(): string {
    this.app.enter("Form.getPublishedUrl");
    return this.cloud.publishedUrl(this.form.id);
  }

  getEditUrl(): string {
    this.app.enter("Form.getEditUrl");
    return this.cloud.editUrl(this.form.id);
  }

  getItems(): object[] {
    this.app.enter("Form.getItems");
    return this.form.items.map((i) => ({ title: i.title }));
  }

  deleteItem(index: number): void {
    this.app.enter("Form.deleteItem");
    if (index < 0 || index >= this.form.items.length) throw new ServiceError("Invalid argument: index");
    this.form.items.splice(index, 1);
  }

  private add<T>(type: StoredItem["type"], kind: string): T {
    this.app.enter(`Form.add${kind}`);
    const item: StoredItem = { type, title: "", choices: [], bounds: [1, 5], required: false };
    this.form.items.push(item);
    // A question added to a linked form adds its column to the response tab, as Sheets does; the add-on links last.
    return new Item<T>(this.app, item, kind) as unknown as T;
  }

  addListItem(): ListItemPort {
    return this.add("LIST", "ListItem");
  }

  addMultipleChoiceItem(): MultipleChoiceItemPort {
    return this.add("MULTIPLE_CHOICE", "MultipleChoiceItem");
  }

  addScaleItem(): ScaleItemPort {
    return this.add("SCALE", "ScaleItem");
  }

  addParagraphTextItem(): ParagraphTextItemPort {
    return this.add("PARAGRAPH_TEXT", "ParagraphTextItem");
  }

  setDestination(type: unknown, id: string): FakeForm {
    this.app.enter("Form.setDestination");
    if (type !== DestinationType.SPREADSHEET) throw new ServiceError("Invalid argument: type");
    this.app.link(this.form, id);
    return this;
  }
}

/**
 * A respondent submits the form: one row appended to its response tab, the timestamp then each question's answer
 * under its title (a choice must be one of the question's, a scale answer within its bounds).
 */
export function submitResponse(
  cloud: FormsCloud,
  ss: FakeSpreadsheet,
  formId: string,
  at: Date,
  answers: Readonly<Record<string, string | number>>,
): void {
  const form = cloud.forms.get(formId);
  const d = form?.destination;
  if (!form || !d || d.spreadsheetId !== ss.id) throw new Error(`form ${formId} is not linked to this spreadsheet`);
  for (const item of form.items) {
    const a = answers[item.title];
    if (a === undefined || a === "") {
      if (item.required) throw new Error(`"${item.title}" is required`);
      continue;
    }
    if ((item.type === "LIST" || item.type === "MULTIPLE_CHOICE") && !item.choices.includes(String(a))) {
      throw new Error(`"${String(a)}" is not a choice of "${item.title}"`);
    }
    if (item.type === "SCALE" && !(Number(a) >= item.bounds[0] && Number(a) <= item.bounds[1])) {
      throw new Error(`${String(a)} is outside the scale of "${item.title}"`);
    }
  }
  const model = ss.sheetById(d.sheetId);
  if (!model) throw new Error("the response tab was deleted");
  const sheet = ss.sheetApi(model);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const row = header.map((h, i) => (i === 0 ? at : (answers[String(h)] ?? "")));
  sheet.appendRow(row);
}
