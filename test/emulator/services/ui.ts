// Emulated Ui: records menus, sidebars, dialogs and toasts; answers alerts and prompts from a queue the test fills.
import type { MenuPort, PromptResponsePort, UiPort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { type AppsScriptEnum, type ExecutionContext, makeEnum, permissionError, SCOPES, ServiceError } from "./core";
import { FakeHtmlOutput } from "./html";

export const Button = makeEnum("CLOSE", "OK", "CANCEL", "YES", "NO");
export const ButtonSet = makeEnum("OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL");
export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";

const BUTTONS_OF: Record<string, ButtonName[]> = {
  OK: ["OK", "CLOSE"],
  OK_CANCEL: ["OK", "CANCEL", "CLOSE"],
  YES_NO: ["YES", "NO", "CLOSE"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL", "CLOSE"],
};

/** An alert is answered by a button; a prompt by a button and the text typed. */
export type UiAnswer = ButtonName | { button?: ButtonName; text: string };

export type MenuEntry =
  | { type: "item"; caption: string; functionName: string }
  | { type: "separator" }
  | { type: "submenu"; caption: string; entries: MenuEntry[] };

export interface MenuItemRecord {
  /** The item's caption; items of a submenu read "Submenu > Item". */
  caption: string;
  functionName: string;
}

export interface ShownHtml {
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
  answer: ButtonName;
}

export interface PromptRecord extends Omit<AlertRecord, "answer"> {
  answer: { button: ButtonName; text: string };
}

/** A dialog a script shows (an alert, a confirm as an alert with YES_NO, or a prompt), waiting for a person. */
export interface DialogRequest {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  buttons: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: string;
}

function flatten(entries: MenuEntry[], prefix = ""): MenuItemRecord[] {
  const out: MenuItemRecord[] = [];
  for (const e of entries) {
    if (e.type === "item") out.push({ caption: prefix + e.caption, functionName: e.functionName });
    if (e.type === "submenu") out.push(...flatten(e.entries, `${prefix}${e.caption} > `));
  }
  return out;
}

/** What the user would see in Sheets, across executions; the Ui of each execution writes here. */
export class UiRecorder {
  /** The add-on menu as the last addToUi() left it, separators and submenus included. */
  addonMenuTree: MenuEntry[] = [];
  /** Custom top-level menus by caption (createMenu). */
  readonly menus = new Map<string, MenuEntry[]>();
  readonly sidebars: ShownHtml[] = [];
  readonly dialogs: (ShownHtml & { modal: boolean })[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  /**
   * Set by an interactive host (the preview): a dialog with no queued answer is handed to it, and the error it
   * returns stops the execution, instead of failing the scenario.
   */
  onUnanswered: ((dialog: DialogRequest) => Error) | null = null;
  private readonly queue: UiAnswer[] = [];

  /** The add-on menu's items, flattened: [{caption, functionName}]. */
  get addonMenu(): MenuItemRecord[] {
    return flatten(this.addonMenuTree);
  }

  /** The last sidebar shown, if any. */
  get sidebar(): ShownHtml | undefined {
    return this.sidebars.at(-1);
  }

  /** Queues answers for the next alerts/prompts, in order. */
  answer(...answers: UiAnswer[]): this {
    this.queue.push(...answers);
    return this;
  }

  pendingAnswers(): number {
    return this.queue.length;
  }

  /** A fresh page load shows no menus until onOpen builds them again. */
  resetMenus(): void {
    this.addonMenuTree = [];
    this.menus.clear();
  }

  /** The function behind a menu caption ("Item" or "Submenu > Item"), in the add-on menu or a custom menu. */
  findMenuItem(caption: string): MenuItemRecord | undefined {
    const all = [...this.addonMenu, ...[...this.menus].flatMap(([c, entries]) => flatten(entries, `${c} > `))];
    return all.find((i) => i.caption === caption) ?? all.find((i) => i.caption.endsWith(` > ${caption}`));
  }

  /** Drops answers nobody used (an interactive host replays an execution with exactly the answers given). */
  clearAnswers(): void {
    this.queue.length = 0;
  }

  takeAnswer(dialog: DialogRequest): UiAnswer {
    const a = this.queue.shift();
    if (a === undefined) {
      if (this.onUnanswered) throw this.onUnanswered(dialog);
      throw new Error(
        `Ui.${dialog.kind}("${dialog.prompt}") was shown but no answer was queued: call emulator.ui.answer(...) first`,
      );
    }
    return a;
  }
}

export class FakeMenu implements MenuPort {
  readonly entries: MenuEntry[] = [];

  constructor(
    readonly caption: string,
    private readonly addon: boolean,
    private readonly recorder: UiRecorder,
    private readonly counter: CallCounter,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.counter.count("Menu.addItem");
    this.entries.push({ type: "item", caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this.counter.count("Menu.addSeparator");
    this.entries.push({ type: "separator" });
    return this;
  }

  addSubMenu(menu: MenuPort): this {
    this.counter.count("Menu.addSubMenu");
    if (!(menu instanceof FakeMenu)) throw new ServiceError("Invalid argument: menu");
    this.entries.push({ type: "submenu", caption: menu.caption, entries: structuredClone(menu.entries) });
    return this;
  }

  addToUi(): void {
    this.counter.count("Menu.addToUi");
    if (this.addon) this.recorder.addonMenuTree = structuredClone(this.entries);
    else this.recorder.menus.set(this.caption, structuredClone(this.entries));
  }
}

class FakePromptResponse implements PromptResponsePort {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
    private readonly counter: CallCounter,
  ) {}

  getResponseText(): string {
    this.counter.count("PromptResponse.getResponseText");
    return this.text;
  }

  getSelectedButton(): AppsScriptEnum {
    this.counter.count("PromptResponse.getSelectedButton");
    return Button[this.button];
  }
}

/** The Ui one execution sees (SpreadsheetApp.getUi()). */
export class FakeUi implements UiPort {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly recorder: UiRecorder,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  createAddonMenu(): FakeMenu {
    this.counter.count("Ui.createAddonMenu");
    return new FakeMenu("", true, this.recorder, this.counter);
  }

  createMenu(caption: string): FakeMenu {
    this.counter.count("Ui.createMenu");
    return new FakeMenu(String(caption), false, this.recorder, this.counter);
  }

  alert(a: string, b?: unknown, c?: unknown): AppsScriptEnum {
    this.counter.count("Ui.alert");
    this.requireContainerUi("Ui.alert");
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.recorder.takeAnswer({ kind: "alert", title, prompt, buttons });
    const button = typeof answer === "string" ? answer : (answer.button ?? "OK");
    checkButton(button, buttons, prompt);
    this.recorder.alerts.push({ title, prompt, buttons, answer: button });
    return Button[button];
  }

  prompt(a: string, b?: unknown, c?: unknown): FakePromptResponse {
    this.counter.count("Ui.prompt");
    this.requireContainerUi("Ui.prompt");
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.recorder.takeAnswer({ kind: "prompt", title, prompt, buttons });
    const resolved =
      typeof answer === "string" ? { button: answer, text: "" } : { button: answer.button ?? "OK", text: answer.text };
    checkButton(resolved.button, buttons, prompt);
    this.recorder.prompts.push({ title, prompt, buttons, answer: resolved });
    return new FakePromptResponse(resolved.button, resolved.text, this.counter);
  }

  showSidebar(userInterface: unknown): void {
    this.counter.count("Ui.showSidebar");
    this.requireContainerUi("Ui.showSidebar");
    this.recorder.sidebars.push(shown(userInterface));
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this.counter.count("Ui.showModalDialog");
    this.requireContainerUi("Ui.showModalDialog");
    this.recorder.dialogs.push({ ...shown(userInterface), title: String(title), modal: true });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this.counter.count("Ui.showModelessDialog");
    this.requireContainerUi("Ui.showModelessDialog");
    this.recorder.dialogs.push({ ...shown(userInterface), title: String(title), modal: false });
  }

  /**
   * Alerts, prompts, sidebars and dialogs need the script.container.ui grant, which simple triggers (LIMITED) and
   * AuthMode.NONE do not have (editor add-on authorization guide, "Authorization modes"). Menus need none.
   */
  private requireContainerUi(method: string): void {
    if (this.ctx.authMode !== "FULL") throw permissionError(method, SCOPES.containerUi);
  }
}

function dialogArgs(a: string, b: unknown, c: unknown): { title: string; prompt: string; buttons: string } {
  if (c !== undefined) return { title: String(a), prompt: String(b), buttons: String(c) };
  if (b !== undefined) return { title: "", prompt: String(a), buttons: String(b) };
  return { title: "", prompt: String(a), buttons: "OK" };
}

function checkButton(button: ButtonName, buttons: string, prompt: string): void {
  const allowed = BUTTONS_OF[buttons] ?? ["OK", "CLOSE"];
  if (!allowed.includes(button)) {
    throw new Error(`the queued answer ${button} is not a button of ${buttons} (dialog "${prompt}")`);
  }
}

function shown(userInterface: unknown): ShownHtml {
  if (!(userInterface instanceof FakeHtmlOutput)) throw new ServiceError("Invalid argument: userInterface");
  return userInterface.snapshot();
}
