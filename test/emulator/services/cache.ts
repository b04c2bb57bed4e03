// Emulated CacheService: script, document and per-user caches that expire on the virtual clock.
import type { CachePort, CacheServicePort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { asString, type ExecutionContext, permissionError, ServiceError, utf8Length, type VirtualClock } from "./core";

/** Cache reference: keys up to 250 characters, 100 KB per value, default 600 s, at most 21600 s (6 hours). */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
/**
 * Cache reference (Class Cache): "The cap for cached items is 1,000. If more than 1,000 items are written, the cache
 * stores the 900 items farthest from expiration."
 */
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;
export const MSG_KEY_TOO_LARGE = "Argument too large: key";
export const MSG_CACHE_VALUE_TOO_LARGE = "Argument too large: value";

interface Entry {
  value: string;
  expiresAt: number;
}

export class CacheStore {
  readonly data = new Map<string, Entry>();

  get(key: string, now: number): string | null {
    const e = this.data.get(key);
    if (!e) return null;
    if (e.expiresAt <= now) {
      this.data.delete(key);
      return null;
    }
    return e.value;
  }

  put(key: string, value: string, expiresAt: number): void {
    this.data.delete(key);
    this.data.set(key, { value, expiresAt });
    if (this.data.size <= CACHE_ITEM_CAP) return;
    // Farthest from expiry first; among equals the later write wins (a stable sort of the reversed insertion order).
    const kept = [...this.data.entries()]
      .reverse()
      .sort((a, b) => b[1].expiresAt - a[1].expiresAt)
      .slice(0, CACHE_ITEMS_KEPT);
    const keep = new Set(kept.map(([k]) => k));
    for (const k of [...this.data.keys()]) if (!keep.has(k)) this.data.delete(k);
  }

  toJSON(): Record<string, Entry> {
    return Object.fromEntries(this.data);
  }

  static fromJSON(json: Record<string, Entry> | undefined): CacheStore {
    const s = new CacheStore();
    for (const [k, e] of Object.entries(json ?? {})) s.data.set(k, { ...e });
    return s;
  }
}

export class CacheStores {
  readonly script = new CacheStore();
  readonly documents = new Map<string, CacheStore>();
  readonly users = new Map<string, CacheStore>();

  document(id: string): CacheStore {
    return getOrCreate(this.documents, id);
  }

  user(email: string): CacheStore {
    return getOrCreate(this.users, email);
  }

  toJSON(): CacheStoresState {
    return {
      script: this.script.toJSON(),
      documents: Object.fromEntries([...this.documents].map(([k, s]) => [k, s.toJSON()])),
      users: Object.fromEntries([...this.users].map(([k, s]) => [k, s.toJSON()])),
    };
  }

  static fromJSON(json: CacheStoresState | undefined): CacheStores {
    const s = new CacheStores();
    if (!json) return s;
    for (const [k, e] of Object.entries(json.script)) s.script.data.set(k, { ...e });
    for (const [id, d] of Object.entries(json.documents)) s.documents.set(id, CacheStore.fromJSON(d));
    for (const [id, d] of Object.entries(json.users)) s.users.set(id, CacheStore.fromJSON(d));
    return s;
  }
}

export interface CacheStoresState {
  script: Record<string, Entry>;
  documents: Record<string, Record<string, Entry>>;
  users: Record<string, Record<string, Entry>>;
}

function getOrCreate(map: Map<string, CacheStore>, key: string): CacheStore {
  let s = map.get(key);
  if (!s) {
    s = new CacheStore();
    map.set(key, s);
  }
  return s;
}

export class FakeCache implements CachePort {
  constructor(
    private readonly store: CacheStore,
    private readonly clock: VirtualClock,
    private readonly counter: CallCounter,
  ) {}

  get(key: string): string | null {
    this.counter.count("Cache.get");
    return this.store.get(checkKey(key), this.clock.now());
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.counter.count("Cache.getAll");
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const v = this.store.get(checkKey(k), this.clock.now());
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.counter.count("Cache.put");
    this.write([[key, value]], expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.counter.count("Cache.putAll");
    this.write(Object.entries(values), expirationInSeconds);
  }

  remove(key: string): void {
    this.counter.count("Cache.remove");
    this.store.data.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.counter.count("Cache.removeAll");
    for (const k of keys) this.store.data.delete(checkKey(k));
  }

  private write(entries: [string, unknown][], expirationInSeconds: number | undefined): void {
    const checked = entries.map(([k, v]): [string, string] => {
      const value = asString(v);
      if (utf8Length(value) > CACHE_VALUE_LIMIT) throw new ServiceError(MSG_CACHE_VALUE_TOO_LARGE);
      return [checkKey(k), value];
    });
    // Beyond the documented range the reference says nothing; the emulator keeps values within it.
    const seconds = Math.min(Math.max(expirationInSeconds ?? CACHE_DEFAULT_SECONDS, 1), CACHE_MAX_SECONDS);
    const expiresAt = this.clock.now() + seconds * 1000;
    for (const [k, v] of checked) this.store.put(k, v, expiresAt);
  }
}

function checkKey(key: unknown): string {
  const k = asString(key);
  if (k.length > CACHE_KEY_LIMIT) throw new ServiceError(MSG_KEY_TOO_LARGE);
  return k;
}

export class FakeCacheService implements CacheServicePort {
  constructor(
    private readonly stores: CacheStores,
    private readonly ctx: ExecutionContext,
    private readonly clock: VirtualClock,
    private readonly counter: CallCounter,
  ) {}

  getDocumentCache(): FakeCache | null {
    this.enter("getDocumentCache");
    if (this.ctx.documentId === null) return null;
    return new FakeCache(this.stores.document(this.ctx.documentId), this.clock, this.counter);
  }

  getScriptCache(): FakeCache {
    this.enter("getScriptCache");
    return new FakeCache(this.stores.script, this.clock, this.counter);
  }

  getUserCache(): FakeCache {
    this.enter("getUserCache");
    return new FakeCache(this.stores.user(this.ctx.effectiveUser), this.clock, this.counter);
  }

  private enter(method: string): void {
    this.counter.count(`CacheService.${method}`);
    if (this.ctx.authMode === "NONE") throw permissionError(`CacheService.${method}`);
  }
}
