// Ui: menus and submenus recorded, alerts and prompts answered from the queue, sidebars need FULL.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { type AuthModeName, testContext } from "./core";
import { FakeHtmlOutput } from "./html";
import { Button, ButtonSet, FakeUi, UiRecorder } from "./ui";

function ui(authMode: AuthModeName = "FULL", recorder = new UiRecorder()) {
  const counter = new CallCounter();
  return { recorder, counter, ui: new FakeUi(recorder, testContext({ authMode }), counter) };
}

describe("Ui", () => {
  it("records the add-on menu with separators and submenus", () => {
    const { ui: u, recorder } = ui("NONE");
    u.createAddonMenu()
      .addItem("Set up", "menuSetUp")
      .addSeparator()
      .addSubMenu(u.createMenu("Reports").addItem("Weekly", "menuWeekly"))
      .addToUi();
    expect(recorder.addonMenu).toEqual([
      { caption: "Set up", functionName: "menuSetUp" },
      { caption: "Reports > Weekly", functionName: "menuWeekly" },
    ]);
    expect(recorder.addonMenuTree[1]).toEqual({ type: "separator" });
    expect(recorder.findMenuItem("Weekly")?.functionName).toBe("menuWeekly");
    recorder.resetMenus();
    expect(recorder.addonMenu).toEqual([]);
  });

  it("records custom menus by caption", () => {
    const { ui: u, recorder } = ui();
    u.createMenu("Tools").addItem("Go", "go").addToUi();
    expect(recorder.findMenuItem("Tools > Go")?.functionName).toBe("go");
  });

  it("answers alerts and prompts from the queue, in order", () => {
    const { ui: u, recorder } = ui();
    recorder.answer("YES", { button: "OK", text: "Spring sale" }, "CANCEL");
    expect(u.alert("Delete?", "Really?", ButtonSet.YES_NO)).toBe(Button.YES);
    const r = u.prompt("Name?", ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe("Spring sale");
    expect(r.getSelectedButton()).toBe(Button.OK);
    expect(u.prompt("Again?", ButtonSet.OK_CANCEL).getSelectedButton()).toBe(Button.CANCEL);
    expect(recorder.alerts).toEqual([{ title: "Delete?", prompt: "Really?", buttons: "YES_NO", answer: "YES" }]);
    expect(recorder.prompts.map((p) => p.answer)).toEqual([
      { button: "OK", text: "Spring sale" },
      { button: "CANCEL", text: "" },
    ]);
  });

  it("fails loudly when nothing was queued or the answer is not a button of the set", () => {
    const { ui: u, recorder } = ui();
    expect(() => u.alert("Hi")).toThrow("no answer was queued");
    recorder.answer("YES");
    expect(() => u.alert("Hi")).toThrow("not a button of OK");
  });

  it("hands an unanswered dialog to an interactive host, whose error stops the script", () => {
    const { ui: u, recorder } = ui();
    const seen: unknown[] = [];
    recorder.onUnanswered = (dialog) => {
      seen.push(dialog);
      return new Error("waiting for the person");
    };
    expect(() => u.prompt("Budget?", "How much?", ButtonSet.OK_CANCEL)).toThrow("waiting for the person");
    expect(seen).toEqual([{ kind: "prompt", title: "Budget?", prompt: "How much?", buttons: "OK_CANCEL" }]);
    recorder.answer("YES", "NO");
    recorder.clearAnswers();
    expect(recorder.pendingAnswers()).toBe(0);
  });

  it("records sidebars and dialogs with title and html; needs FULL for them", () => {
    const { ui: u, recorder } = ui();
    const counter = new CallCounter();
    u.showSidebar(new FakeHtmlOutput("<p>x</p>", counter).setTitle("Campaigns"));
    u.showModalDialog(new FakeHtmlOutput("<p>d</p>", counter).setWidth(400), "Approve");
    expect(recorder.sidebar).toEqual({ title: "Campaigns", html: "<p>x</p>", width: undefined, height: undefined });
    expect(recorder.dialogs[0]).toMatchObject({ title: "Approve", html: "<p>d</p>", width: 400, modal: true });
    const limited = ui("LIMITED").ui;
    expect(() => limited.showSidebar(new FakeHtmlOutput("", counter))).toThrow(
      "You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui",
    );
  });
});
