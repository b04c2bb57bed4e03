// MailApp: the outbox, the daily recipients quota at its edge, validation, and no mail without authorization.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { type AuthModeName, testContext, VirtualClock } from "./core";
import { FakeMailApp, MailBox, MSG_MAIL_QUOTA, MSG_NO_RECIPIENT } from "./mail";

function mailer(
  quota = 100,
  authMode: AuthModeName = "FULL",
  box = new MailBox(quota),
  clock = new VirtualClock("2026-03-02T08:00:00Z"),
) {
  const counter = new CallCounter();
  return {
    box,
    clock,
    counter,
    mail: new FakeMailApp(box, testContext({ authMode, clock, user: "sender@example.com" }), clock, counter),
  };
}

describe("MailApp", () => {
  it("writes messages to the outbox with sender and time", () => {
    const { mail, box } = mailer();
    mail.sendEmail({
      to: "a@example.com, b@example.com",
      cc: "c@example.com",
      subject: "S",
      body: "B",
      htmlBody: "<b>B</b>",
    });
    expect(box.outbox).toEqual([
      {
        from: "sender@example.com",
        to: "a@example.com,b@example.com",
        cc: "c@example.com",
        bcc: "",
        subject: "S",
        body: "B",
        htmlBody: "<b>B</b>",
        replyTo: "",
        name: "",
        noReply: false,
        at: "2026-03-02T08:00:00.000Z",
      },
    ]);
  });

  it("accepts the (recipient, subject, body, options) form too", () => {
    const { mail, box } = mailer();
    mail.sendEmail("a@example.com", "S", "B", { name: "Campaign Control" });
    expect(box.outbox[0]).toMatchObject({ to: "a@example.com", subject: "S", body: "B", name: "Campaign Control" });
  });

  it("counts recipients against the daily quota and refuses the message that would exceed it", () => {
    const { mail, box, clock } = mailer(3);
    mail.sendEmail({ to: "a@example.com,b@example.com", subject: "1" });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail({ to: "a@example.com", bcc: "b@example.com", subject: "2" })).toThrow(MSG_MAIL_QUOTA);
    mail.sendEmail({ to: "c@example.com", subject: "3" });
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail({ to: "d@example.com", subject: "4" })).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(box.outbox.map((m) => m.subject)).toEqual(["1", "3"]);
    clock.advance(24 * 3600 * 1000);
    expect(mail.getRemainingDailyQuota()).toBe(3);
  });

  it("rejects a message without recipients and invalid addresses", () => {
    const { mail } = mailer();
    expect(() => mail.sendEmail({ to: "", subject: "x" })).toThrow(MSG_NO_RECIPIENT);
    expect(() => mail.sendEmail({ to: "not-an-address", subject: "x" })).toThrow("Invalid email: not-an-address");
  });

  it.each(["NONE", "LIMITED", "CUSTOM_FUNCTION"] as const)("is forbidden in AuthMode.%s", (mode) => {
    const { mail, box } = mailer(100, mode);
    expect(() => mail.sendEmail({ to: "a@example.com", subject: "x" })).toThrow(
      "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
    );
    expect(box.outbox).toEqual([]);
  });

  it("counts calls and round-trips its state", () => {
    const { mail, box, counter } = mailer();
    mail.sendEmail({ to: "a@example.com", subject: "x" });
    expect(counter.get("MailApp.sendEmail")).toBe(1);
    const back = MailBox.fromJSON(JSON.parse(JSON.stringify(box.toJSON())), 100);
    expect(back.outbox).toEqual(box.outbox);
    expect(back.remaining("sender@example.com", Date.parse("2026-03-02T09:00:00Z"))).toBe(99);
  });
});
