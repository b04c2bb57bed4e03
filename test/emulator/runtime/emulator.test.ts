// The scenario API (see README.md), end to end over the fixture bundle: open, install, menu, run, edit, advance, save.
import { describe, expect, it } from "vitest";
import { BundleError, Emulator, MSG_AUTH_REQUIRED, ScriptError } from "../index";
import { fixtureBundle, fixtureDir, OWNER } from "./harness";

function emulator(options: Parameters<typeof Emulator.create>[0] = {}): Emulator {
  return Emulator.create({ bundle: fixtureBundle(), bundleDir: fixtureDir(), ...options });
}

function docProp(emu: Emulator, key: string): unknown {
  const raw = emu.runtime.properties.document(emu.runtime.documentId).data.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}

function scriptProp(emu: Emulator, key: string): unknown {
  const raw = emu.runtime.properties.script.data.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}

describe("the add-on's life cycle", () => {
  it("opens in AuthMode.NONE before install, without e.source; menus are built in any mode", () => {
    const emu = emulator();
    expect(emu.counter.total()).toBe(0);
    const r = emu.open();
    expect(r.authMode).toBe("NONE");
    expect(JSON.parse(r.returned as string)).toEqual({ mode: "NONE", isNone: true, user: OWNER, hasSource: false });
    expect(emu.ui.addonMenu).toEqual([
      { caption: "Show sidebar", functionName: "menuShowSidebar" },
      { caption: "More > Send mail", functionName: "menuSendMail" },
    ]);
  });

  it("keeps the document out of reach in AuthMode.NONE", () => {
    const emu = emulator();
    const none = emu.runtime.execute({
      kind: "onOpen",
      functionName: "readDocumentName",
      authMode: "NONE",
      user: OWNER,
    });
    expect(none.error?.message).toBe(
      "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly",
    );
    const limited = emu.runtime.execute({
      kind: "onOpen",
      functionName: "readDocumentName",
      authMode: "LIMITED",
      user: OWNER,
    });
    expect(limited.returned).toBe("Campaigns 2026");
  });

  it("install() runs onInstall in FULL and enables the add-on: later opens are LIMITED", () => {
    const emu = emulator();
    expect(emu.install()).toEqual({ returned: "FULL", authMode: "FULL" });
    expect(emu.enabled).toBe(true);
    const r = emu.open();
    expect(r.authMode).toBe("LIMITED");
    expect(JSON.parse(r.returned as string)).toMatchObject({ mode: "LIMITED", hasSource: true });
    expect(emu.ui.addonMenu.map((i) => i.caption)).toContain("Count opens");
  });

  it("a menu click runs in FULL, enables the add-on and records the sidebar it shows", () => {
    const emu = emulator();
    emu.open();
    expect(emu.menu("Show sidebar").authMode).toBe("FULL");
    expect(emu.enabled).toBe(true);
    expect(emu.ui.sidebar?.title).toBe("Campaigns");
    expect(emu.ui.sidebar?.width).toBe(300);
    expect(emu.ui.sidebar?.html).toContain("<h1>Plans &lt;&amp; budgets&gt;</h1>");
    expect(emu.ui.sidebar?.html).toContain('var raw = ["a","b"];');
    emu.menu("Send mail");
    expect(emu.outbox).toMatchObject([{ from: OWNER, to: "boss@example.com", subject: "Report" }]);
    expect(() => emu.menu("Nope")).toThrow('no item "Nope"');
  });

  it("a failing entry point surfaces as ScriptError with the script's message", () => {
    const emu = emulator();
    expect(() => emu.run("throws")).toThrow(ScriptError);
    expect(() => emu.run("throws")).toThrow("Campaign budget is missing");
  });
});

describe("run(): google.script.run", () => {
  it("reaches only global functions not ending in _", () => {
    const emu = emulator();
    expect(emu.run("echo", "x")).toBe("x");
    expect(() => emu.run("helper_")).toThrow("google.script.run.helper_ is not a function");
    expect(() => emu.run("App")).toThrow("google.script.run.App is not a function");
    expect(() => emu.run("missing")).toThrow("is not a function");
  });

  it("passes arguments like the bridge: undefined in arrays becomes null, Dates and functions fail", () => {
    const emu = emulator();
    expect(emu.run("echo", { list: [1, undefined, "a"], gone: undefined })).toEqual({ list: [1, null, "a"] });
    expect(emu.run("argTypes", 1, "s", null, [1], { a: 1 }, true)).toEqual([
      "number",
      "string",
      "null",
      "array",
      "object",
      "boolean",
    ]);
    expect(() => emu.run("echo", new Date())).toThrow("a Date cannot be passed");
    expect(() => emu.run("echo", { nested: [() => 1] })).toThrow("a function cannot be passed");
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => emu.run("echo", loop)).toThrow("circular");
  });

  it("returns null for a result holding a Date, as Apps Script does", () => {
    expect(emulator().run("returnsDate")).toBeNull();
  });
});

describe("edit()", () => {
  it("writes the cell, then runs simple onEdit in LIMITED with value and oldValue for a single cell", () => {
    const emu = emulator();
    emu.install();
    expect(emu.edit("A1", "12")).toEqual({ returned: undefined, authMode: "LIMITED" });
    expect(emu.cell("A1")).toEqual({ value: 12, display: "12", formula: "" });
    expect(docProp(emu, "lastEdit")).toEqual({ a1: "A1", value: "12", hasValue: true, mode: "LIMITED", user: OWNER });
    emu.edit("A1", "13");
    expect(docProp(emu, "lastEdit")).toMatchObject({ value: "13", oldValue: "12" });
    emu.edit("A1", [["1", "2"]]);
    expect(docProp(emu, "lastEdit")).toMatchObject({ a1: "A1:B1", hasValue: false });
  });

  it("does not run the add-on's onEdit before the add-on is enabled", () => {
    const emu = emulator();
    expect(emu.edit("A1", "x")).toBeNull();
    expect(emu.lastEdit?.ok).toBe(true);
    expect(docProp(emu, "lastEdit")).toBeUndefined();
  });

  it("hides another domain's editor from simple onEdit", () => {
    const emu = emulator();
    emu.install();
    emu.as("friend@gmail.com").edit("B2", "hi");
    expect(docProp(emu, "lastEdit")).toMatchObject({ user: "" });
  });

  it("fires installable edit triggers as their owner, for edits by anyone", () => {
    const emu = emulator();
    emu.install();
    emu.run("watchEdits");
    emu.as("colleague@example.com").edit("C3", "5");
    expect(scriptProp(emu, "installedEdit")).toMatchObject({ value: "5", effective: OWNER });
    expect(emu.executions.at(-1)).toMatchObject({
      kind: "trigger",
      functionName: "onEditInstalled",
      effectiveUser: OWNER,
    });
  });
});

describe("time-driven triggers and advance()", () => {
  it("fires an hourly trigger once per hour, in FULL, as its owner", () => {
    const emu = emulator();
    emu.install();
    emu.run("scheduleHourly");
    emu.advance(3 * 3600_000 + 1);
    expect(emu.runtime.properties.script.data.get("ticks")).toBe("3");
    expect(scriptProp(emu, "lastTick")).toMatchObject({
      hour: 11,
      mode: "FULL",
      at: "2026-03-02T11:00:00.000Z",
      who: OWNER,
    });
    expect(emu.now().toISOString()).toBe("2026-03-02T11:00:00.001Z");
  });

  it("enforces the add-on limits: hourly minimum, one trigger of each type", () => {
    const emu = emulator();
    emu.install();
    expect(() => emu.run("scheduleEveryMinutes", 15)).toThrow(
      "The recurrence interval for an Add-on trigger must be at least one hour.",
    );
    emu.run("scheduleHourly");
    expect(() => emu.run("scheduleDailyAt", 6)).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(emu.run("listTriggers")).toEqual(["tick:CLOCK"]);
    expect(emu.run("deleteAllTriggers")).toBe(0);
    emu.run("scheduleDailyAt", 6);
  });

  it("runs a one-off trigger once and forgets it", () => {
    const emu = emulator();
    emu.install();
    emu.run("scheduleOnce", 60_000);
    emu.advanceTo("2026-03-03T00:00:00Z");
    expect(emu.runtime.properties.script.data.get("ticks")).toBe("1");
    expect(emu.triggers).toEqual([]);
  });

  it("has no Ui in a time-driven trigger", () => {
    const emu = emulator();
    emu.install();
    emu.runtime.triggers.add({
      handler: "uiInTrigger",
      eventType: "CLOCK",
      owner: OWNER,
      documentId: emu.runtime.documentId,
      schedule: { unit: "after", every: 0, timeZone: "UTC", nextRun: emu.runtime.clock.now() + 1000 },
      createdAt: emu.runtime.clock.now(),
    });
    emu.advance(1000);
    expect(emu.failures.map((f) => f.message)).toEqual(["Cannot call SpreadsheetApp.getUi() from this context."]);
  });

  it("reports REQUIRED after the user revoked access, and their triggers then fail", () => {
    const emu = emulator();
    emu.install();
    expect(emu.run("authStatus")).toBe("NOT_REQUIRED");
    emu.run("scheduleHourly");
    emu.revoke(OWNER);
    emu.open();
    expect(emu.runtime.users.get(OWNER).authorized).toBe(false);
    emu.advance(3600_000);
    expect(emu.failures.map((f) => f.message)).toEqual([MSG_AUTH_REQUIRED]);
    expect(emu.runtime.properties.script.data.get("ticks")).toBeUndefined();
    // Using the add-on again (a menu click) grants access anew.
    emu.menu("Show sidebar");
    expect(emu.run("authStatus")).toBe("NOT_REQUIRED");
  });
});

describe("custom functions in cells", () => {
  it("are evaluated by the spreadsheet through the runtime, in CUSTOM_FUNCTION mode", () => {
    const emu = emulator();
    emu.edit("A1", "21");
    emu.edit("B1", "=DOUBLE(A1)");
    expect(emu.cell("B1")).toMatchObject({ value: 42, formula: "=DOUBLE(A1)" });
    expect(emu.executions.at(-1)).toMatchObject({
      kind: "custom",
      functionName: "DOUBLE",
      authMode: "CUSTOM_FUNCTION",
    });
    expect(emu.customFunction("WHO")).toBe("");
  });
});

describe("save() and restore()", () => {
  it("round-trips clock, cells, properties, triggers, outbox, users and the enabled flag through JSON", () => {
    const emu = emulator({ mailQuota: 10 });
    emu.install();
    emu.edit("A1", "7");
    emu.menu("Send mail");
    emu.run("scheduleHourly");
    emu.configureUser("friend@gmail.com", { sameDomain: true });
    emu.advance(1000);
    const state = JSON.parse(JSON.stringify(emu.save()));
    const back = Emulator.restore(state, { bundle: fixtureBundle(), bundleDir: fixtureDir(), mailQuota: 10 });
    expect(back.now().toISOString()).toBe(emu.now().toISOString());
    expect(back.cell("A1").value).toBe(7);
    expect(back.enabled).toBe(true);
    expect(back.outbox).toEqual(emu.outbox);
    expect(back.triggers).toEqual(emu.triggers);
    expect(back.runtime.users.get("friend@gmail.com").sameDomain).toBe(true);
    expect(back.run("sendTo", "a@example.com", "b@example.com")).toBe(7);
    back.advance(3600_000);
    expect(back.runtime.properties.script.data.get("ticks")).toBe("1");
    expect(back.counter.total()).toBeGreaterThan(0);
  });
});

describe("two executions at once", () => {
  it("a second user's call made while the first holds the document lock fails, and succeeds afterwards", () => {
    const emu = emulator();
    const during: unknown[] = [];
    const off = emu.onServiceCall((method, execution) => {
      if (method === "Utilities.sleep" && execution?.functionName === "lockAndSleep") {
        during.push(emu.as("li@example.com").run("tryDocumentLock", 1000));
        try {
          emu.run("waitDocumentLock", 1000);
        } catch (e) {
          during.push((e as Error).message);
        }
      }
    });
    expect(emu.as(OWNER).run("lockAndSleep", 10_000)).toBe(true);
    off();
    expect(during).toEqual([
      { got: false, has: false, at: "2026-03-02T08:00:01.000Z" },
      "Lock timeout: another process was holding the lock for too long.",
    ]);
    expect(emu.as("li@example.com").run("tryDocumentLock", 1000)).toMatchObject({ got: true, has: true });
    expect(emu.executions.map((e) => [e.functionName, e.user, e.ok])).toEqual([
      ["tryDocumentLock", "li@example.com", true],
      ["waitDocumentLock", "li@example.com", false],
      ["lockAndSleep", OWNER, true],
      ["tryDocumentLock", "li@example.com", true],
    ]);
  });
});

describe("options", () => {
  it("addonEnabled starts the document with the add-on enabled; the clock starts where asked", () => {
    const emu = emulator({ addonEnabled: true, now: "2026-06-01T12:00:00Z" });
    expect(emu.open().authMode).toBe("LIMITED");
    expect(emu.now().toISOString()).toBe("2026-06-01T12:00:00.000Z");
    expect(emu.spreadsheet.getName()).toBe("Campaigns 2026");
  });
});

describe("users", () => {
  it("as() switches the active user for the executions that follow", () => {
    const emu = emulator();
    expect(emu.user).toBe(OWNER);
    expect((emu.as("colleague@example.com").run("whoAmI") as { active: string }).active).toBe("colleague@example.com");
    emu.user = "third@example.com";
    expect(emu.user).toBe("third@example.com");
    expect(() => emu.as("nobody")).toThrow("not an e-mail address");
  });
});

describe("loading", () => {
  it("refuses a bundle whose top level calls a service", () => {
    expect(() => Emulator.create({ bundle: fixtureBundle("loads-services.js"), bundleDir: fixtureDir() })).toThrow(
      BundleError,
    );
    expect(() => Emulator.create({ bundle: fixtureBundle("loads-services.js"), bundleDir: fixtureDir() })).toThrow(
      "Code.js calls services while loading (PropertiesService.getScriptProperties)",
    );
  });
});
