// The editor add-on "Authorization modes" table: what AuthMode.NONE and LIMITED may and may not call.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { type AuthModeName, testContext, VirtualClock } from "./core";
import { FakeHtmlService } from "./html";
import { FakeSession, UserDirectory } from "./session";
import { FakeUi, UiRecorder } from "./ui";

function services(authMode: AuthModeName) {
  const counter = new CallCounter();
  const ctx = testContext({ authMode });
  const recorder = new UiRecorder();
  const clock = new VirtualClock("2026-03-02T08:00:00Z");
  return {
    recorder,
    ui: new FakeUi(recorder, ctx, counter),
    html: new FakeHtmlService({ readFile: () => "<p>x</p>", compile: () => () => "" }, counter, ctx),
    session: new FakeSession(
      ctx,
      new UserDirectory("owner@example.com", "zh_CN"),
      "Etc/UTC",
      "s",
      () => clock.now(),
      counter,
    ),
  };
}

describe("AuthMode.NONE: only menus, the user's locale, Logger and Utilities", () => {
  it("refuses alerts, prompts, HtmlService and the users' identities", () => {
    const { ui, html, session } = services("NONE");
    expect(() => ui.alert("hello")).toThrow("You do not have permission to call Ui.alert");
    expect(() => ui.prompt("name?")).toThrow("You do not have permission to call Ui.prompt");
    expect(() => html.createHtmlOutput("<p>")).toThrow(
      "You do not have permission to call HtmlService.createHtmlOutput",
    );
    expect(() => html.createHtmlOutputFromFile("i18n-en")).toThrow("HtmlService.createHtmlOutputFromFile");
    expect(() => html.createTemplate("<p>")).toThrow("HtmlService.createTemplate");
    expect(() => session.getEffectiveUser()).toThrow("You do not have permission to call Session.getEffectiveUser");
    expect(() => session.getActiveUser()).toThrow("Session.getActiveUser");
    expect(() => session.getTemporaryActiveUserKey()).toThrow("Session.getTemporaryActiveUserKey");
  });

  it("allows the add-on menu and the user's locale", () => {
    const { ui, session, recorder } = services("NONE");
    ui.createAddonMenu().addItem("Open", "openIt").addToUi();
    expect(recorder.addonMenu).toEqual([{ caption: "Open", functionName: "openIt" }]);
    expect(session.getActiveUserLocale()).toBe("zh_CN");
  });
});

describe("AuthMode.LIMITED: the bound document, but no alerts, prompts or HtmlService UI", () => {
  it("refuses alerts, prompts and sidebars; reads project files and the user", () => {
    const { ui, html, session } = services("LIMITED");
    expect(() => ui.alert("hello")).toThrow("You do not have permission to call Ui.alert");
    expect(() => ui.prompt("name?")).toThrow("You do not have permission to call Ui.prompt");
    expect(() => ui.showSidebar(html.createHtmlOutput("<p>"))).toThrow("Ui.showSidebar");
    expect(html.createHtmlOutputFromFile("i18n-en").getContent()).toBe("<p>x</p>");
    expect(session.getEffectiveUser().getEmail()).toBe("owner@example.com");
  });

  it("FULL shows them", () => {
    const { ui, recorder } = services("FULL");
    recorder.answer("OK");
    expect(String(ui.alert("hello"))).toBe("OK");
  });
});
