// Emulated PropertiesService: script, document and per-user stores with the documented size quotas.
import type { PropertiesPort, PropertiesServicePort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { asString, type ExecutionContext, permissionError, ServiceError, utf8Length } from "./core";

/** Quotas for Google Services: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const MSG_VALUE_TOO_LARGE = "Argument too large: value";
export const MSG_STORE_QUOTA =
  "You have exceeded the property storage quota. Please remove some properties and try again.";

/** One store's data; lives as long as the emulator (and in its saved state). */
export class PropertyStore {
  readonly data = new Map<string, string>();

  /** Keys and values both count toward the 500 KB, as they do in Apps Script. */
  size(): number {
    let n = 0;
    for (const [k, v] of this.data) n += utf8Length(k) + utf8Length(v);
    return n;
  }

  /** Writes all entries or none: checks the value limit and the store quota first. */
  write(entries: [string, string][], deleteAllOthers: boolean): void {
    for (const [, v] of entries) if (utf8Length(v) > PROPERTY_VALUE_LIMIT) throw new ServiceError(MSG_VALUE_TOO_LARGE);
    const next = new Map(deleteAllOthers ? [] : this.data);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += utf8Length(k) + utf8Length(v);
    if (total > PROPERTY_STORE_LIMIT) throw new ServiceError(MSG_STORE_QUOTA);
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.data);
  }

  static fromJSON(json: Record<string, string> | undefined): PropertyStore {
    const s = new PropertyStore();
    for (const [k, v] of Object.entries(json ?? {})) s.data.set(k, v);
    return s;
  }
}

/** Every store of the project: one script store, one per document, one per user. */
export class PropertyStores {
  readonly script = new PropertyStore();
  readonly documents = new Map<string, PropertyStore>();
  readonly users = new Map<string, PropertyStore>();

  document(id: string): PropertyStore {
    return getOrCreate(this.documents, id);
  }

  user(email: string): PropertyStore {
    return getOrCreate(this.users, email);
  }

  toJSON(): PropertyStoresState {
    return {
      script: this.script.toJSON(),
      documents: mapToJSON(this.documents),
      users: mapToJSON(this.users),
    };
  }

  static fromJSON(json: PropertyStoresState | undefined): PropertyStores {
    const s = new PropertyStores();
    if (!json) return s;
    for (const [k, v] of Object.entries(json.script)) s.script.data.set(k, v);
    for (const [id, d] of Object.entries(json.documents)) s.documents.set(id, PropertyStore.fromJSON(d));
    for (const [id, d] of Object.entries(json.users)) s.users.set(id, PropertyStore.fromJSON(d));
    return s;
  }
}

export interface PropertyStoresState {
  script: Record<string, string>;
  documents: Record<string, Record<string, string>>;
  users: Record<string, Record<string, string>>;
}

function getOrCreate(map: Map<string, PropertyStore>, key: string): PropertyStore {
  let s = map.get(key);
  if (!s) {
    s = new PropertyStore();
    map.set(key, s);
  }
  return s;
}

function mapToJSON(map: Map<string, PropertyStore>): Record<string, Record<string, string>> {
  return Object.fromEntries([...map].map(([k, s]) => [k, s.toJSON()]));
}

export class FakeProperties implements PropertiesPort {
  constructor(
    private readonly store: PropertyStore,
    private readonly counter: CallCounter,
  ) {}

  getProperty(key: string): string | null {
    this.counter.count("Properties.getProperty");
    return this.store.data.get(asString(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this.counter.count("Properties.getProperties");
    return Object.fromEntries(this.store.data);
  }

  getKeys(): string[] {
    this.counter.count("Properties.getKeys");
    return [...this.store.data.keys()];
  }

  setProperty(key: string, value: string): FakeProperties {
    this.counter.count("Properties.setProperty");
    this.store.write([[asString(key), asString(value)]], false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): FakeProperties {
    this.counter.count("Properties.setProperties");
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, asString(v)]);
    this.store.write(entries, deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.counter.count("Properties.deleteProperty");
    this.store.data.delete(asString(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.counter.count("Properties.deleteAllProperties");
    this.store.data.clear();
    return this;
  }
}

/**
 * AuthMode.NONE gets no stores (the AuthMode reference: properties "don't work in AuthMode.NONE"). Custom functions
 * read the spreadsheet owner's user store (custom-function guide: getUserProperties() "only gets the properties of
 * the spreadsheet owner").
 */
export class FakePropertiesService implements PropertiesServicePort {
  constructor(
    private readonly stores: PropertyStores,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
    private readonly documentOwner: string,
  ) {}

  getDocumentProperties(): FakeProperties | null {
    this.enter("getDocumentProperties");
    if (this.ctx.documentId === null) return null;
    return new FakeProperties(this.stores.document(this.ctx.documentId), this.counter);
  }

  getUserProperties(): FakeProperties {
    this.enter("getUserProperties");
    const owner = this.ctx.authMode === "CUSTOM_FUNCTION" ? this.documentOwner : this.ctx.effectiveUser;
    return new FakeProperties(this.stores.user(owner), this.counter);
  }

  getScriptProperties(): FakeProperties {
    this.enter("getScriptProperties");
    return new FakeProperties(this.stores.script, this.counter);
  }

  private enter(method: string): void {
    this.counter.count(`PropertiesService.${method}`);
    if (this.ctx.authMode === "NONE") throw permissionError(`PropertiesService.${method}`);
  }
}
