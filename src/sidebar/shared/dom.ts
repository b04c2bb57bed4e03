// Building DOM from data without ever parsing user text as HTML: every string goes in as textContent. Also the
// controls every sidebar makes the same way (buttons, labelled fields, error slots, the notice, the busy state).

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string; attrs?: Readonly<Record<string, string>> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`#${id} is missing from the page`);
  return node;
}

export function button(text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const node = el("button", { className: primary ? "button primary" : "button", text, attrs: { type: "button" } });
  node.addEventListener("click", onClick);
  return node;
}

/** A control with its label above it; more nodes (an error slot) may follow inside the label. */
export function field(labelText: string, ...controls: Child[]): HTMLLabelElement {
  return el("label", { className: "field" }, el("span", { text: labelText }), ...controls);
}

/** Where the server's message about `name` goes (see placeIssues); hidden while there is none. */
export function errorSlot(name: string, id?: string): HTMLParagraphElement {
  const slot = el("p", {
    className: "field-error",
    attrs: id ? { "data-error-for": name, id } : { "data-error-for": name },
  });
  slot.hidden = true;
  return slot;
}

/** Brings a message into view: after a failed save the person may be at the other end of a long form. */
export function reveal(node: Element): void {
  node.scrollIntoView?.({ block: "nearest" });
}

export function showNotice(node: HTMLElement, kind: "error" | "info" | "ok" | null, text = ""): void {
  node.hidden = kind === null;
  node.className = `notice ${kind ?? ""}`;
  node.textContent = text;
  if (kind !== null && text !== "") reveal(node);
}

let busy = false;

/** True while a write is on its way: a second click must not send it again. */
export function isBusy(): boolean {
  return busy;
}

export function setBusy(on: boolean): void {
  busy = on;
  for (const b of document.querySelectorAll<HTMLButtonElement>("button")) b.disabled = on;
  document.body.setAttribute("aria-busy", String(on));
}
