// Emulated HtmlService: HTML files from the bundle folder, templates with scriptlets, and HtmlOutput.
import type { HtmlOutputPort, HtmlServicePort, HtmlTemplatePort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { type AuthModeName, makeEnum, refuseInNone, ServiceError } from "./core";

export const SandboxMode = makeEnum("EMULATED", "IFRAME", "NATIVE");
export const XFrameOptionsMode = makeEnum("ALLOWALL", "DEFAULT");

/** Where HtmlService reads files and runs template code: the runtime gives it the bundle folder and the execution. */
export interface HtmlHost {
  /** The text of `<name>.html` next to Code.js, or null when there is no such file. */
  readFile(name: string): string | null;
  /** Compiles `source` (a function expression) in the calling execution's realm, so scriptlets see its globals. */
  compile(
    source: string,
  ): (scope: Record<string, unknown>, esc: (v: unknown) => string, raw: (v: unknown) => string) => string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function show(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Turns a template into JS: `<?= e ?>` prints e escaped, `<?!= e ?>` prints it raw, `<? code ?>` runs code. Template
 * properties are in scope as variables, as in Apps Script.
 */
export function templateCode(raw: string): string {
  const body: string[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    if (m.index > last) body.push(`__out.push(${JSON.stringify(raw.slice(last, m.index))});`);
    const code = m[2] ?? "";
    if (m[1] === "=") body.push(`__out.push(__esc(${code}));`);
    else if (m[1] === "!=") body.push(`__out.push(__raw(${code}));`);
    else body.push(`${code}\n`);
    last = re.lastIndex;
  }
  if (last < raw.length) body.push(`__out.push(${JSON.stringify(raw.slice(last))});`);
  return `(function (__scope, __esc, __raw) { var __out = []; with (__scope) {\n${body.join("\n")}\n} return __out.join(""); })`;
}

export class FakeHtmlOutput implements HtmlOutputPort {
  #content: string;
  #title = "";
  #width?: number;
  #height?: number;

  constructor(
    content: string,
    private readonly counter: CallCounter,
  ) {
    this.#content = content;
  }

  getContent(): string {
    this.counter.count("HtmlOutput.getContent");
    return this.#content;
  }

  setContent(content: string): this {
    this.counter.count("HtmlOutput.setContent");
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): this {
    this.counter.count("HtmlOutput.append");
    this.#content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    this.counter.count("HtmlOutput.appendUntrusted");
    this.#content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): this {
    this.counter.count("HtmlOutput.clear");
    this.#content = "";
    return this;
  }

  setTitle(title: string): this {
    this.counter.count("HtmlOutput.setTitle");
    this.#title = String(title);
    return this;
  }

  getTitle(): string {
    this.counter.count("HtmlOutput.getTitle");
    return this.#title;
  }

  setWidth(width: number): this {
    this.counter.count("HtmlOutput.setWidth");
    this.#width = Number(width);
    return this;
  }

  getWidth(): number | undefined {
    this.counter.count("HtmlOutput.getWidth");
    return this.#width;
  }

  setHeight(height: number): this {
    this.counter.count("HtmlOutput.setHeight");
    this.#height = Number(height);
    return this;
  }

  getHeight(): number | undefined {
    this.counter.count("HtmlOutput.getHeight");
    return this.#height;
  }

  setSandboxMode(_mode: unknown): this {
    this.counter.count("HtmlOutput.setSandboxMode");
    return this;
  }

  setXFrameOptionsMode(_mode: unknown): this {
    this.counter.count("HtmlOutput.setXFrameOptionsMode");
    return this;
  }

  addMetaTag(_name: string, _content: string): this {
    this.counter.count("HtmlOutput.addMetaTag");
    return this;
  }

  setFaviconUrl(_iconUrl: string): this {
    this.counter.count("HtmlOutput.setFaviconUrl");
    return this;
  }

  /** What the Ui recorder stores, read without counting (the recorder is not the script). */
  snapshot(): { title: string; html: string; width?: number; height?: number } {
    return { title: this.#title, html: this.#content, width: this.#width, height: this.#height };
  }
}

/** Properties the script assigns (template.campaigns = ...) are own fields; the internals are private. */
export class FakeHtmlTemplate implements HtmlTemplatePort {
  readonly #raw: string;
  readonly #host: HtmlHost;
  readonly #counter: CallCounter;

  constructor(raw: string, host: HtmlHost, counter: CallCounter) {
    this.#raw = raw;
    this.#host = host;
    this.#counter = counter;
  }

  evaluate(): FakeHtmlOutput {
    this.#counter.count("HtmlTemplate.evaluate");
    const fn = this.#host.compile(templateCode(this.#raw));
    const scope = Object.fromEntries(Object.entries(this)) as Record<string, unknown>;
    const html = fn(scope, (v) => escapeHtml(show(v)), show);
    return new FakeHtmlOutput(html, this.#counter);
  }

  getRawContent(): string {
    this.#counter.count("HtmlTemplate.getRawContent");
    return this.#raw;
  }

  getCode(): string {
    this.#counter.count("HtmlTemplate.getCode");
    return templateCode(this.#raw);
  }
}

export class FakeHtmlService implements HtmlServicePort {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  /** `authMode` of the execution: HtmlService is not among what AuthMode.NONE may use (core.ts, refuseInNone). */
  constructor(
    private readonly host: HtmlHost,
    private readonly counter: CallCounter,
    private readonly ctx: { readonly authMode: AuthModeName } = { authMode: "FULL" },
  ) {}

  createHtmlOutput(html?: string): FakeHtmlOutput {
    this.counter.count("HtmlService.createHtmlOutput");
    refuseInNone(this.ctx, "HtmlService.createHtmlOutput");
    return new FakeHtmlOutput(html === undefined ? "" : String(html), this.counter);
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.counter.count("HtmlService.createHtmlOutputFromFile");
    refuseInNone(this.ctx, "HtmlService.createHtmlOutputFromFile");
    return new FakeHtmlOutput(this.read(filename), this.counter);
  }

  createTemplate(html: string): FakeHtmlTemplate {
    this.counter.count("HtmlService.createTemplate");
    refuseInNone(this.ctx, "HtmlService.createTemplate");
    return new FakeHtmlTemplate(String(html), this.host, this.counter);
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.counter.count("HtmlService.createTemplateFromFile");
    refuseInNone(this.ctx, "HtmlService.createTemplateFromFile");
    return new FakeHtmlTemplate(this.read(filename), this.host, this.counter);
  }

  private read(filename: string): string {
    const name = String(filename).replace(/\.html$/, "");
    const text = this.host.readFile(name);
    if (text === null) throw new ServiceError(`No HTML file named ${name} was found.`);
    return text;
  }
}
