// ScriptApp: enums, authorization status, triggers and the add-on restrictions (one per type, hourly minimum).
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { type AuthModeName, testContext, VirtualClock } from "./core";
import {
  AuthMode,
  FakeScriptApp,
  MSG_ADDON_RECURRENCE,
  msgTooManyTriggers,
  nextRun,
  type ScriptAppHost,
  TriggerTable,
} from "./script";
import { UserDirectory } from "./session";

const SHEET = { id: "doc-1" };

function setup() {
  const clock = new VirtualClock("2026-03-02T08:30:00Z");
  const host: ScriptAppHost = {
    triggers: new TriggerTable(),
    users: new UserDirectory("owner@example.com", "en"),
    clock,
    scriptId: "script-1",
    scriptTimeZone: "Europe/Berlin",
    spreadsheetIdOf: (s) => (s === SHEET ? "doc-1" : null),
  };
  const counter = new CallCounter();
  const app = (user = "owner@example.com", authMode: AuthModeName = "FULL") =>
    new FakeScriptApp(host, testContext({ user, authMode, clock }), counter);
  return { host, clock, counter, app };
}

describe("ScriptApp", () => {
  it("exposes enums whose values are compared by identity and print their names", () => {
    const { app } = setup();
    const s = app();
    expect(s.AuthMode.FULL).toBe(AuthMode.FULL);
    expect(String(s.AuthMode.LIMITED)).toBe("LIMITED");
    expect(String(s.EventType.ON_EDIT)).toBe("ON_EDIT");
    expect(JSON.stringify({ m: s.AuthMode.NONE })).toBe('{"m":"NONE"}');
  });

  it("reports authorization REQUIRED until the user authorized, and again after invalidateAuth()", () => {
    const { app, host } = setup();
    const status = () => String(app().getAuthorizationInfo(AuthMode.FULL).getAuthorizationStatus());
    expect(status()).toBe("REQUIRED");
    expect(String(app().getAuthorizationInfo(AuthMode.LIMITED).getAuthorizationStatus())).toBe("NOT_REQUIRED");
    host.users.configure("owner@example.com", { authorized: true });
    expect(status()).toBe("NOT_REQUIRED");
    app().invalidateAuth();
    expect(status()).toBe("REQUIRED");
  });

  it("creates an hourly trigger that first runs an hour later", () => {
    const { app, host, clock } = setup();
    const t = app().newTrigger("tick").timeBased().everyHours(1).create();
    expect(t.getHandlerFunction()).toBe("tick");
    expect(String(t.getEventType())).toBe("CLOCK");
    expect(host.triggers.list()[0]?.schedule?.nextRun).toBe(clock.now() + 3600_000);
  });

  it("refuses recurrences under one hour for an add-on", () => {
    const { app } = setup();
    expect(() => app().newTrigger("tick").timeBased().everyMinutes(30).create()).toThrow(MSG_ADDON_RECURRENCE);
    expect(MSG_ADDON_RECURRENCE).toBe("The recurrence interval for an Add-on trigger must be at least one hour.");
    app().newTrigger("tick").timeBased().everyHours(1).create();
  });

  it("allows one trigger of each type per user and document", () => {
    const { app } = setup();
    app().newTrigger("tick").timeBased().everyHours(2).create();
    expect(() => app().newTrigger("other").timeBased().everyDays(1).create()).toThrow(msgTooManyTriggers("CLOCK"));
    expect(msgTooManyTriggers("CLOCK")).toBe(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    app().newTrigger("edited").forSpreadsheet(SHEET).onEdit().create();
    expect(() => app().newTrigger("edited2").forSpreadsheet(SHEET).onEdit().create()).toThrow(
      msgTooManyTriggers("ON_EDIT"),
    );
    app().newTrigger("opened").forSpreadsheet(SHEET).onOpen().create();
    // Another user has a set of their own.
    app("colleague@example.com").newTrigger("tick").timeBased().everyHours(1).create();
    expect(
      app()
        .getProjectTriggers()
        .map((t) => t.getHandlerFunction()),
    ).toEqual(["tick", "edited", "opened"]);
    expect(app("colleague@example.com").getUserTriggers(SHEET)).toHaveLength(1);
  });

  it("deletes only the caller's own triggers", () => {
    const { app } = setup();
    const mine = app().newTrigger("tick").timeBased().everyHours(1).create();
    const theirs = app("colleague@example.com").newTrigger("tick").timeBased().everyHours(1).create();
    app().deleteTrigger(theirs);
    expect(app("colleague@example.com").getProjectTriggers()).toHaveLength(1);
    app().deleteTrigger(mine);
    expect(app().getProjectTriggers()).toHaveLength(0);
  });

  it("only lets the add-on create triggers for its own document", () => {
    const { app } = setup();
    expect(() => app().newTrigger("x").forSpreadsheet({ id: "elsewhere" }).onEdit()).toThrow("Invalid argument");
  });

  it.each(["NONE", "LIMITED", "CUSTOM_FUNCTION"] as const)("cannot manage triggers in AuthMode.%s", (mode) => {
    const { app } = setup();
    expect(() => app("owner@example.com", mode).newTrigger("x")).toThrow(
      "You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp",
    );
    expect(() => app("owner@example.com", mode).getProjectTriggers()).toThrow("ScriptApp.getProjectTriggers");
  });

  it("places daily triggers on the hour in the trigger's time zone, across a DST change", () => {
    const { app, host } = setup();
    app().newTrigger("daily").timeBased().everyDays(1).atHour(9).create();
    const s = host.triggers.list()[0]!.schedule!;
    // 08:30Z on 2 March is 09:30 in Berlin (UTC+1): the next 09:00 local is 3 March 08:00Z.
    expect(new Date(s.nextRun).toISOString()).toBe("2026-03-03T08:00:00.000Z");
    // Berlin switches to UTC+2 on 29 March: 09:00 local is then 07:00Z.
    expect(new Date(nextRun(s, Date.parse("2026-03-29T08:00:00Z"))).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("one-shot triggers disappear after they fire; repeating ones move on", () => {
    const { app, host, clock } = setup();
    app().newTrigger("once").timeBased().after(60_000).create();
    app("b@example.com").newTrigger("hourly").timeBased().everyHours(1).create();
    const once = host.triggers.nextDue(clock.now() + 60_000)!;
    expect(once.handler).toBe("once");
    host.triggers.reschedule(once, clock.now() + 60_000);
    const hourly = host.triggers.nextDue(clock.now() + 3600_000)!;
    host.triggers.reschedule(hourly, clock.now() + 3600_000);
    expect(host.triggers.list().map((t) => t.handler)).toEqual(["hourly"]);
    expect(hourly.schedule?.nextRun).toBe(clock.now() + 7200_000);
    const back = TriggerTable.fromJSON(JSON.parse(JSON.stringify(host.triggers.toJSON())));
    expect(back.list()).toEqual(host.triggers.list());
  });

  it("counts calls on the builders", () => {
    const { app, counter } = setup();
    app().newTrigger("tick").timeBased().everyHours(1).create();
    expect(counter.snapshot()).toEqual({
      "ClockTriggerBuilder.create": 1,
      "ClockTriggerBuilder.everyHours": 1,
      "ScriptApp.newTrigger": 1,
      "TriggerBuilder.timeBased": 1,
    });
  });
});
