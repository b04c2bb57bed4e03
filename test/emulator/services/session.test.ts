// Session and the user directory: who is visible where, locales, the temporary key.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { testContext, VirtualClock } from "./core";
import { FakeSession, UserDirectory } from "./session";

function session(
  overrides: Parameters<typeof testContext>[0] = {},
  users = new UserDirectory("owner@example.com", "en"),
) {
  const clock = new VirtualClock("2026-03-02T08:00:00Z");
  const counter = new CallCounter();
  return {
    counter,
    users,
    s: new FakeSession(testContext(overrides), users, "Etc/UTC", "script-1", () => clock.now(), counter),
  };
}

describe("Session", () => {
  it("reports the e-mails the execution may see", () => {
    const { s } = session({
      user: "a@example.com",
      visibleActiveEmail: "a@example.com",
      visibleEffectiveEmail: "a@example.com",
    });
    expect(s.getActiveUser().getEmail()).toBe("a@example.com");
    expect(s.getEffectiveUser().getEmail()).toBe("a@example.com");
    const blank = session({ user: "x@gmail.com", visibleActiveEmail: "", visibleEffectiveEmail: "" }).s;
    expect(blank.getActiveUser().getEmail()).toBe("");
  });

  it("treats users of the owner's domain as same-domain unless configured otherwise", () => {
    const users = new UserDirectory("owner@example.com", "en");
    expect(users.get("colleague@example.com").sameDomain).toBe(true);
    expect(users.get("friend@gmail.com").sameDomain).toBe(false);
    users.configure("colleague@example.com", { sameDomain: false });
    expect(users.identityVisible("colleague@example.com", "owner@example.com")).toBe(false);
    expect(users.identityVisible("colleague@example.com", "colleague@example.com")).toBe(true);
  });

  it("gives each user a locale and a stable temporary key that hides the e-mail", () => {
    const users = new UserDirectory("owner@example.com", "en");
    users.configure("li@example.com", { locale: "zh_CN" });
    const li = session({ user: "li@example.com", visibleActiveEmail: "" }, users).s;
    expect(li.getActiveUserLocale()).toBe("zh_CN");
    const k1 = li.getTemporaryActiveUserKey();
    expect(k1).toBe(li.getTemporaryActiveUserKey());
    expect(k1).not.toContain("li");
    expect(session({ user: "other@example.com" }, users).s.getTemporaryActiveUserKey()).not.toBe(k1);
    expect(li.getScriptTimeZone()).toBe("Etc/UTC");
  });

  it("counts calls, including User.getEmail", () => {
    const { s, counter } = session();
    s.getActiveUser().getEmail();
    expect(counter.snapshot()).toEqual({ "Session.getActiveUser": 1, "User.getEmail": 1 });
  });

  it("round-trips the directory", () => {
    const users = new UserDirectory("owner@example.com", "en");
    users.configure("a@gmail.com", { authorized: true, sameDomain: true });
    const back = UserDirectory.fromJSON("owner@example.com", "en", JSON.parse(JSON.stringify(users.toJSON())));
    expect(back.get("a@gmail.com")).toEqual({ email: "a@gmail.com", sameDomain: true, locale: "en", authorized: true });
  });
});
