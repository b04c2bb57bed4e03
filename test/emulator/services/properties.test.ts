// PropertiesService: the three stores, string coercion, the 9 KB value and 500 KB store limits at their edges.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { testContext } from "./core";
import {
  FakePropertiesService,
  MSG_STORE_QUOTA,
  MSG_VALUE_TOO_LARGE,
  PROPERTY_STORE_LIMIT,
  PROPERTY_VALUE_LIMIT,
  PropertyStores,
} from "./properties";

function service(overrides: Parameters<typeof testContext>[0] = {}, stores = new PropertyStores()) {
  const counter = new CallCounter();
  const ctx = testContext(overrides);
  return { stores, counter, svc: new FakePropertiesService(stores, ctx, counter, "owner@example.com") };
}

describe("PropertiesService", () => {
  it("keeps script, document and per-user stores apart", () => {
    const stores = new PropertyStores();
    const a = service({ user: "a@example.com" }, stores).svc;
    const b = service({ user: "b@example.com" }, stores).svc;
    a.getScriptProperties().setProperty("k", "script");
    a.getDocumentProperties()?.setProperty("k", "doc");
    a.getUserProperties().setProperty("k", "a's");
    expect(b.getScriptProperties().getProperty("k")).toBe("script");
    expect(b.getDocumentProperties()?.getProperty("k")).toBe("doc");
    expect(b.getUserProperties().getProperty("k")).toBeNull();
    expect(a.getUserProperties().getProperty("k")).toBe("a's");
  });

  it("stores every value as a string", () => {
    const { svc } = service();
    const p = svc.getScriptProperties();
    p.setProperty("n", 42 as unknown as string).setProperty("b", true as unknown as string);
    p.setProperties({ x: 1.5 as unknown as string });
    expect(p.getProperties()).toEqual({ n: "42", b: "true", x: "1.5" });
    expect(typeof p.getProperty("n")).toBe("string");
  });

  it("setProperties can replace the whole store; delete works per key and for all", () => {
    const p = service().svc.getScriptProperties();
    p.setProperties({ a: "1", b: "2" });
    p.setProperties({ c: "3" }, true);
    expect(p.getKeys()).toEqual(["c"]);
    p.setProperty("d", "4").deleteProperty("c");
    expect(p.getProperties()).toEqual({ d: "4" });
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  it("accepts a value of exactly 9 KB and refuses one byte more", () => {
    const p = service().svc.getScriptProperties();
    expect(PROPERTY_VALUE_LIMIT).toBe(9216);
    p.setProperty("edge", "x".repeat(9216));
    expect(p.getProperty("edge")?.length).toBe(9216);
    expect(() => p.setProperty("over", "x".repeat(9217))).toThrow(MSG_VALUE_TOO_LARGE);
    expect(p.getProperty("over")).toBeNull();
  });

  it("measures values in UTF-8 bytes (a CJK character is three)", () => {
    const p = service().svc.getScriptProperties();
    p.setProperty("zh", "预".repeat(3072));
    expect(() => p.setProperty("zh", "预".repeat(3073))).toThrow(MSG_VALUE_TOO_LARGE);
  });

  it("refuses writes past 500 KB per store with the quota message, and writes nothing of that batch", () => {
    const { svc, stores } = service();
    const p = svc.getScriptProperties();
    const value = "v".repeat(9000);
    let n = 0;
    // keys "k0".."k55": each entry is key bytes + 9000
    for (; stores.script.size() + 9000 + `k${n}`.length <= PROPERTY_STORE_LIMIT; n++) p.setProperty(`k${n}`, value);
    const room = PROPERTY_STORE_LIMIT - stores.script.size();
    expect(() => p.setProperty(`k${n}`, value)).toThrow(MSG_STORE_QUOTA);
    p.setProperty("fits", "f".repeat(room - "fits".length));
    expect(stores.script.size()).toBe(PROPERTY_STORE_LIMIT);
    expect(() => p.setProperty("one", "1")).toThrow(MSG_STORE_QUOTA);
    expect(() => p.setProperties({ a: "x", b: "y".repeat(600_000) })).toThrow(MSG_VALUE_TOO_LARGE);
    expect(p.getProperty("a")).toBeNull();
    // Overwriting a value with a smaller one frees room.
    p.setProperty("k0", "small");
    p.setProperty("one", "1");
  });

  it("gives no stores in AuthMode.NONE, the owner's user store to custom functions, null without a document", () => {
    const stores = new PropertyStores();
    stores.user("owner@example.com").data.set("pref", "owner's");
    const none = service({ authMode: "NONE" }, stores).svc;
    expect(() => none.getDocumentProperties()).toThrow(
      "You do not have permission to call PropertiesService.getDocumentProperties",
    );
    const custom = service({ authMode: "CUSTOM_FUNCTION", user: "editor@example.com" }, stores).svc;
    expect(custom.getUserProperties().getProperty("pref")).toBe("owner's");
    expect(service({ documentId: null }).svc.getDocumentProperties()).toBeNull();
  });

  it("counts every call", () => {
    const { svc, counter } = service();
    const p = svc.getScriptProperties();
    p.getProperty("a");
    p.setProperty("a", "1");
    p.getProperties();
    expect(counter.snapshot()).toEqual({
      "Properties.getProperties": 1,
      "Properties.getProperty": 1,
      "Properties.setProperty": 1,
      "PropertiesService.getScriptProperties": 1,
    });
  });

  it("survives a save and restore", () => {
    const { svc, stores } = service();
    svc.getDocumentProperties()?.setProperty("k", "v");
    const back = PropertyStores.fromJSON(JSON.parse(JSON.stringify(stores.toJSON())));
    expect(back.document("doc-1").data.get("k")).toBe("v");
  });
});
