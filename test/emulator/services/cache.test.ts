// CacheService: expiry on the virtual clock (default 600 s, at most 21600 s), key and value size limits.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { CACHE_ITEM_CAP, CacheStores, FakeCacheService, MSG_CACHE_VALUE_TOO_LARGE, MSG_KEY_TOO_LARGE } from "./cache";
import { testContext, VirtualClock } from "./core";

function setup(
  user = "owner@example.com",
  stores = new CacheStores(),
  clock = new VirtualClock("2026-03-02T08:00:00Z"),
) {
  const counter = new CallCounter();
  return { clock, counter, stores, svc: new FakeCacheService(stores, testContext({ user, clock }), clock, counter) };
}

describe("CacheService", () => {
  it("expires values after 600 seconds by default", () => {
    const { svc, clock } = setup();
    const c = svc.getScriptCache();
    c.put("k", "v");
    clock.advance(599_999);
    expect(c.get("k")).toBe("v");
    clock.advance(1);
    expect(c.get("k")).toBeNull();
  });

  it("honours an explicit expiration and keeps it within 21600 seconds", () => {
    const { svc, clock } = setup();
    const c = svc.getScriptCache();
    c.put("short", "v", 5);
    c.put("long", "v", 100_000);
    clock.advance(5_000);
    expect(c.get("short")).toBeNull();
    clock.advance(21_600_000 - 5_000 - 1);
    expect(c.get("long")).toBe("v");
    clock.advance(1);
    expect(c.get("long")).toBeNull();
  });

  it("accepts keys of 250 characters and refuses 251", () => {
    const c = setup().svc.getScriptCache();
    c.put("k".repeat(250), "v");
    expect(c.get("k".repeat(250))).toBe("v");
    expect(() => c.put("k".repeat(251), "v")).toThrow(MSG_KEY_TOO_LARGE);
    expect(() => c.get("k".repeat(251))).toThrow(MSG_KEY_TOO_LARGE);
  });

  it("accepts values of exactly 100 KB and refuses one byte more", () => {
    const c = setup().svc.getScriptCache();
    c.put("edge", "x".repeat(102_400));
    expect(c.get("edge")?.length).toBe(102_400);
    expect(() => c.put("over", "x".repeat(102_401))).toThrow(MSG_CACHE_VALUE_TOO_LARGE);
    expect(() => c.putAll({ fine: "a", over: "x".repeat(102_401) })).toThrow(MSG_CACHE_VALUE_TOO_LARGE);
    expect(c.get("fine")).toBeNull();
  });

  it("getAll returns only the keys found; removeAll removes", () => {
    const c = setup().svc.getScriptCache();
    c.putAll({ a: "1", b: "2" });
    expect(c.getAll(["a", "b", "z"])).toEqual({ a: "1", b: "2" });
    c.removeAll(["a"]);
    c.remove("b");
    expect(c.getAll(["a", "b"])).toEqual({});
  });

  it("keeps user caches per user and shares the document cache", () => {
    const stores = new CacheStores();
    const clock = new VirtualClock("2026-03-02T08:00:00Z");
    const a = setup("a@example.com", stores, clock).svc;
    const b = setup("b@example.com", stores, clock).svc;
    a.getUserCache().put("k", "a");
    a.getDocumentCache()?.put("k", "doc");
    expect(b.getUserCache().get("k")).toBeNull();
    expect(b.getDocumentCache()?.get("k")).toBe("doc");
  });

  it("beyond 1,000 items keeps the 900 farthest from expiry", () => {
    const stores = new CacheStores();
    const c = setup("owner@example.com", stores).svc.getScriptCache();
    // item i expires after 1000 + i seconds, except the first 50, which live longest
    for (let i = 0; i < CACHE_ITEM_CAP; i++) c.put(`k${i}`, "v", i < 50 ? 21600 : 1000 + i);
    expect(stores.script.data.size).toBe(CACHE_ITEM_CAP);
    c.put("late", "v", 10); // the 1,001st item, nearest to expiry of all
    expect(stores.script.data.size).toBe(900);
    expect(c.get("late")).toBeNull();
    expect(c.get("k0")).toBe("v"); // written first, but farthest from expiry
    expect(c.get("k49")).toBe("v");
    expect(c.get("k50")).toBeNull(); // the 101 nearest to expiry went: late, k50 … k149
    expect(c.get("k149")).toBeNull();
    expect(c.get("k150")).toBe("v");
    expect(c.get(`k${CACHE_ITEM_CAP - 1}`)).toBe("v");
  });

  it("coerces values to strings and counts calls", () => {
    const { svc, counter } = setup();
    const c = svc.getScriptCache();
    c.put("n", 7 as unknown as string);
    expect(c.get("n")).toBe("7");
    expect(counter.get("Cache.put")).toBe(1);
    expect(counter.get("Cache.get")).toBe(1);
    expect(counter.get("CacheService.getScriptCache")).toBe(1);
  });
});
