// The execution runtime: fresh bare contexts, the virtual clock, realms, AuthModes, identity, time limits, the bridge.
import { describe, expect, it } from "vitest";
import { LIMIT_LONG_MS, LIMIT_SHORT_MS, MSG_TIME_LIMIT } from "../runtime";
import { call, fixtureRuntime, OWNER } from "./harness";

describe("each execution", () => {
  it("runs in a context with only ECMAScript, the services, Date and console", () => {
    const rt = fixtureRuntime();
    const out = call(rt, "probeGlobals");
    expect(out.error).toBeUndefined();
    expect(out.returned).toMatchObject({
      process: "undefined",
      require: "undefined",
      setTimeout: "undefined",
      setInterval: "undefined",
      fetch: "undefined",
      window: "undefined",
      Buffer: "undefined",
      module: "undefined",
      global: "undefined",
      emulatorCall: "undefined",
    });
    // SpreadsheetApp is the other half of the emulator; without a spreadsheet it is absent here.
    expect((out.returned as { services: string[] }).services).toEqual([
      "undefined",
      "object",
      "object",
      "object",
      "object",
      "object",
      "object",
      "object",
      "object",
      "object",
      "object",
    ]);
  });

  it("starts from a fresh context: globals set by one execution are gone in the next", () => {
    const rt = fixtureRuntime();
    expect(call(rt, "setGlobal").returned).toBe("changed");
    expect(call(rt, "readGlobal").returned).toEqual({ leaked: "undefined", loadedAt: "top level ran" });
    // State that must last lives in services.
    expect([call(rt, "menuCountOpens").returned, call(rt, "menuCountOpens").returned]).toEqual([1, 2]);
  });

  it("reads the virtual clock through new Date() and Date.now(); Date with arguments is ordinary", () => {
    const rt = fixtureRuntime();
    const out = call(rt, "clockRead").returned as Record<string, unknown>;
    expect(out).toEqual({
      iso: "2026-03-02T08:00:00.000Z",
      now: Date.parse("2026-03-02T08:00:00Z"),
      fixedYear: 2020,
      called: "string",
      isDate: true,
    });
    rt.clock.advance(90_000);
    expect((call(rt, "clockRead").returned as { iso: string }).iso).toBe("2026-03-02T08:01:30.000Z");
  });

  it("hands the script errors and arrays of its own realm, so instanceof works as in Apps Script", () => {
    const rt = fixtureRuntime();
    expect(call(rt, "errorShape").returned).toEqual({
      isError: true,
      name: "Exception",
      message: "Argument too large: value",
      text: "Exception: Argument too large: value",
    });
    expect(call(rt, "arrayShape").returned).toEqual({ isArray: true, sameEnum: true });
  });

  it("reports the script's exception with its message", () => {
    const rt = fixtureRuntime();
    const out = call(rt, "throws");
    expect(out.ok).toBe(false);
    expect(out.error?.message).toBe("Campaign budget is missing");
    expect(out.error?.scriptErrorName).toBe("Error");
    expect(rt.executions.at(-1)).toMatchObject({
      functionName: "throws",
      ok: false,
      error: "Campaign budget is missing",
    });
  });

  it("says so when the function does not exist", () => {
    const out = call(fixtureRuntime(), "nope");
    expect(out.error?.message).toBe("Script function not found: nope");
  });
});

describe("time limits", () => {
  it("stops an execution whose sleeps pass 6 minutes, even if the script catches the error", () => {
    const rt = fixtureRuntime();
    const t0 = rt.clock.now();
    const out = call(rt, "catchTimeLimit");
    expect(out.error?.message).toBe(MSG_TIME_LIMIT);
    expect(rt.clock.now() - t0).toBe(LIMIT_LONG_MS);
  });

  it("allows exactly 6 minutes", () => {
    const rt = fixtureRuntime();
    const out = call(rt, "sleepFor", [60_000, 6]);
    expect(out.ok).toBe(true);
    expect(out.returned).toBe("2026-03-02T08:06:00.000Z");
  });

  it("gives custom functions and simple triggers 30 seconds", () => {
    const rt = fixtureRuntime();
    const ok = call(rt, "sleepFor", [10_000, 3], { kind: "onEdit", authMode: "LIMITED" });
    expect(ok.ok).toBe(true);
    const over = call(rt, "sleepFor", [10_000, 4], { kind: "custom", authMode: "CUSTOM_FUNCTION" });
    expect(over.error?.message).toBe(MSG_TIME_LIMIT);
    expect(LIMIT_SHORT_MS).toBe(30_000);
  });

  it("guards the wall clock with vm's timeout", () => {
    const rt = fixtureRuntime({ wallTimeoutMs: 100 });
    const out = call(rt, "spin");
    expect(out.error?.message).toBe(MSG_TIME_LIMIT);
  });
});

describe("identity and AuthMode", () => {
  it("shows the user in FULL executions and blanks custom functions", () => {
    const rt = fixtureRuntime();
    rt.activeUser = "colleague@example.com";
    expect(call(rt, "whoAmI").returned).toMatchObject({
      active: "colleague@example.com",
      effective: "colleague@example.com",
    });
    const custom = call(rt, "WHO", [], { kind: "custom", authMode: "CUSTOM_FUNCTION" });
    expect(custom.returned).toBe("");
  });

  it("blanks simple triggers for users outside the owner's domain, per the configured model", () => {
    const rt = fixtureRuntime();
    rt.activeUser = "friend@gmail.com";
    const simple = call(rt, "whoAmI", [], { kind: "onEdit", authMode: "LIMITED" }).returned as {
      active: string;
      key: string;
    };
    expect(simple.active).toBe("");
    expect(simple.key).not.toBe("");
    rt.activeUser = "colleague@example.com";
    expect(call(rt, "whoAmI", [], { kind: "onEdit", authMode: "LIMITED" }).returned).toMatchObject({
      active: "colleague@example.com",
    });
    rt.users.configure("colleague@example.com", { sameDomain: false });
    expect(call(rt, "whoAmI", [], { kind: "onEdit", authMode: "LIMITED" }).returned).toMatchObject({ active: "" });
  });

  it("runs installable triggers as their owner", () => {
    const rt = fixtureRuntime();
    rt.activeUser = "friend@gmail.com";
    const out = call(rt, "whoAmI", [], {
      kind: "trigger",
      triggerEvent: "ON_EDIT",
      user: "friend@gmail.com",
      effectiveUser: OWNER,
    });
    expect(out.returned).toMatchObject({ active: "", effective: OWNER });
  });

  it("forbids mail in simple triggers and custom functions", () => {
    const rt = fixtureRuntime();
    const simple = call(rt, "menuSendMail", [], { kind: "onEdit", authMode: "LIMITED" });
    expect(simple.error?.message).toBe(
      "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    );
    const custom = call(rt, "MAILER", [], { kind: "custom", authMode: "CUSTOM_FUNCTION" });
    expect(custom.error?.message).toMatch(/^You do not have permission to call MailApp.sendEmail/);
    expect(rt.mail.outbox).toEqual([]);
    expect(call(rt, "menuSendMail").ok).toBe(true);
    expect(rt.mail.outbox).toHaveLength(1);
  });

  it("has no Ui in custom functions and time-driven triggers", () => {
    const rt = fixtureRuntime();
    let seen = "";
    // The hook runs inside the execution, where SpreadsheetApp.getUi() would ask the host for a Ui.
    const off = rt.onServiceCall(() => {
      try {
        rt.ui();
        seen = "ui";
      } catch (e) {
        seen = (e as Error).message;
      }
    });
    call(rt, "WHO", [], { kind: "custom", authMode: "CUSTOM_FUNCTION" });
    expect(seen).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
    call(rt, "whoAmI", [], { kind: "trigger", triggerEvent: "CLOCK" });
    expect(seen).toBe("Cannot call SpreadsheetApp.getUi() from this context.");
    call(rt, "whoAmI", [], { kind: "trigger", triggerEvent: "ON_EDIT" });
    expect(seen).toBe("ui");
    call(rt, "whoAmI");
    expect(seen).toBe("ui");
    off();
  });
});

describe("locks across executions", () => {
  it("excludes a second execution while the first holds the document lock, and admits it afterwards", () => {
    const rt = fixtureRuntime();
    const inside: unknown[] = [];
    // Execution B starts in the middle of execution A: A holds the lock and is sleeping.
    const off = rt.onServiceCall((method, exec) => {
      if (method === "Utilities.sleep" && exec?.functionName === "lockAndSleep") {
        inside.push(call(rt, "tryDocumentLock", [2000]).returned);
        const waited = call(rt, "waitDocumentLock", [1000]);
        inside.push(waited.error?.message);
      }
    });
    const t0 = rt.clock.now();
    const a = call(rt, "lockAndSleep", [5000]);
    off();
    expect(a.returned).toBe(true); // A still held its lock after B's attempts
    expect(inside).toEqual([
      { got: false, has: false, at: new Date(t0 + 2000).toISOString() },
      "Lock timeout: another process was holding the lock for too long.",
    ]);
    // B waited 2 s and 1 s of virtual time inside A's 5 s sleep.
    expect(rt.clock.now() - t0).toBe(2000 + 1000 + 5000);
    // A ended, so its lock was released.
    expect(rt.locks.held()).toEqual([]);
    expect(call(rt, "tryDocumentLock", [0]).returned).toMatchObject({ got: true, has: true });
  });
});

describe("custom functions", () => {
  it("are the global functions not ending in _, called by upper-case name with realm-safe arrays", () => {
    const rt = fixtureRuntime();
    expect(rt.customFunctionNames()).toContain("DOUBLE");
    expect(rt.customFunctionNames()).not.toContain("HELPER_");
    expect(rt.customFunctionNames()).not.toContain("APP");
    expect(rt.callCustomFunction("DOUBLE", [4])).toBe(8);
    const grid = rt.callCustomFunction("double", [
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(grid).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(Array.isArray(grid) && Object.getPrototypeOf(grid) === Array.prototype).toBe(true);
    expect(() => rt.callCustomFunction("MAILER", [])).toThrow("You do not have permission to call MailApp.sendEmail");
    expect(rt.readOnly()).toBe(false);
  });
});

describe("HtmlService in an execution", () => {
  it("evaluates templates in the script's realm: globals and template properties are in scope", () => {
    const rt = fixtureRuntime();
    expect(call(rt, "templated", ["<b>", 3]).returned).toBe("&lt;b&gt;|<b>|xxx|g");
  });
});

describe("Logger and console", () => {
  it("collect the lines of every execution", () => {
    const rt = fixtureRuntime();
    const out = call(rt, "logSomething");
    expect(out.returned).toBe("value 1 of 2\n");
    expect(rt.logBook.lines).toEqual(["value 1 of 2", 'console {"a":1}', "bad thing"]);
  });
});

describe("service calls", () => {
  it("are counted per method, and the loading of the bundle counts none", () => {
    const rt = fixtureRuntime();
    expect(rt.counter.total()).toBe(0);
    call(rt, "digest", ["abc"]);
    expect(rt.counter.snapshot()).toEqual({ "Utilities.computeDigest": 1 });
  });
});
