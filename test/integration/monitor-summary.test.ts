// Closing the loop through the emulator: a completed campaign's summary, prefilled from its evaluation, submitted as a
// summary request; the approver accepts it, the campaign is Closed, the summary is on Summaries and its lessons on
// Lessons; the next plan with the same channels or audience finds them.
import { describe, expect, it } from "vitest";
import type { InboxResponse } from "../../src/server/approvals/api";
import type { LessonsResponse, SummaryForm } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import { campaign, LEO, LIA, MIA, makeReady, monitorWorkbook, OWNER, requestId, tabOf } from "./monitor-support";

type Written = {
  ok: boolean;
  kind?: string;
  message?: string;
  state?: string;
  duplicate?: boolean;
  issues?: { field: string; message: string }[];
};

function closedLoopWorkbook(): Emulator {
  const emu = monitorWorkbook({
    campaigns: [
      campaign("C-1", { name: "Spring webinars", channels: "Email, Events", audience: "SMB owners" }),
      campaign("C-2", {
        name: "Autumn webinars",
        channels: "Events, Social",
        audience: "SMB owners in Munich",
        start: "2026-09-01",
        end: "2026-09-30",
      }),
      campaign("C-3", {
        name: "Student promo",
        channels: "Social",
        audience: "Students",
        start: "2026-09-01",
        end: "2026-09-30",
      }),
    ],
    tasks: [["C-1", "Run the webinars", MIA, "2026-03-01", "2026-03-31", "Recordings", "Done"]],
    kpis: [
      ["C-1", "Leads", "leads", "Higher is better", 500, 450, 2, "CRM", "2026-03-31"],
      ["C-1", "CPL", "EUR", "Lower is better", 24, 20, 1, "Ads", "2026-03-31"],
    ],
  });
  makeReady(emu, "C-1");
  emu.advanceTo("2026-04-01T08:00:00Z");
  return emu;
}

const form = (emu: Emulator, who: string, campaignId = "C-1") =>
  emu.as(who).run<SummaryForm>("rpcSummaryForm", { campaignId });

function progress(emu: Emulator, who: string, operation: "start" | "complete"): Written {
  return emu.as(who).run<Written>("rpcCampaignProgress", { campaignId: "C-1", operation, comment: "" });
}

function summary(overrides: Record<string, unknown> = {}) {
  return {
    campaignId: "C-1",
    requestId: requestId(),
    goalsMet: false,
    effect: "450 leads at 20 EUR each; the webinars filled up.",
    problems: "Invitations went out late.",
    improvements: "Send invitations three weeks ahead.",
    lessons: [
      {
        lesson: "Webinar invitations need three weeks of lead time.",
        recommendation: "Plan the mailing before the venue.",
        tags: ["webinar", "B2B"],
      },
      { lesson: "", recommendation: "", tags: [] },
    ],
    comment: "Please accept.",
    ...overrides,
  };
}

function acceptAs(emu: Emulator, who: string): Written {
  const inbox = emu.as(who).run<InboxResponse>("rpcInbox", {});
  const item = inbox.requests.find((r) => r.campaignId === "C-1" && r.request.type === "summary");
  if (!item) throw new Error(`${who} has no summary to decide`);
  return emu.as(who).run<Written>("rpcDecide", {
    campaignId: "C-1",
    requestId: item.request.id,
    seenVersion: item.request.version,
    decision: "approve",
    comment: "Good lessons.",
  });
}

describe("the post-campaign summary", () => {
  it("shows the approver the summary itself in Approvals: effect, problems, improvements, goals, lessons", () => {
    const emu = closedLoopWorkbook();
    progress(emu, MIA, "start");
    progress(emu, MIA, "complete");
    expect(emu.as(MIA).run<Written>("rpcSubmitSummary", summary())).toMatchObject({ ok: true });
    const inbox = emu.as(LEO).run<InboxResponse>("rpcInbox", {});
    const item = inbox.requests.find((r) => r.campaignId === "C-1" && r.request.type === "summary");
    expect(item?.summary).toEqual({
      goalsMet: false,
      effect: "450 leads at 20 EUR each; the webinars filled up.",
      problems: "Invitations went out late.",
      improvements: "Send invitations three weeks ahead.",
      channels: ["Email", "Events"],
      audience: expect.any(String),
      lessons: [
        {
          lesson: "Webinar invitations need three weeks of lead time.",
          recommendation: "Plan the mailing before the venue.",
          tags: ["webinar", "B2B"],
        },
      ],
    });
    // Other requests carry none.
    expect(inbox.requests.filter((r) => r.request.type !== "summary").every((r) => r.summary === null)).toBe(true);
  });

  it("is prefilled from the evaluation once the campaign is completed", () => {
    const emu = closedLoopWorkbook();
    const ready = form(emu, MIA);
    expect(ready).toMatchObject({ canSubmit: false, next: "start" });
    expect(ready.reason).toBe("C-1 is Ready: a summary is submitted once the campaign is Completed.");
    expect(progress(emu, MIA, "start").state).toBe("InProgress");
    expect(form(emu, MIA).next).toBe("complete");
    expect(progress(emu, MIA, "complete").state).toBe("Completed");
    const completed = form(emu, MIA);
    expect(completed.canSubmit).toBe(true);
    expect(completed.campaign).toMatchObject({ score: 1, grade: "A", goalsMet: false, met: 1, counted: 2 });
    // Leads 450/500 = 0.9 (weight 2), CPL 24/20 = 1.2 (weight 1): (1.8 + 1.2) / 3 = 1.
    expect(completed.prefill).toEqual({
      goalsMet: false,
      effect: "Score 100% (grade A); ROI not available; 1 of 2 goals attained.",
      problems: "",
      improvements: "",
    });
    expect(completed.channels).toEqual(["Email", "Events"]);
  });

  it("lets only the owner or an admin start and complete a campaign", () => {
    const emu = closedLoopWorkbook();
    const refused = progress(emu, LEO, "start");
    expect(refused).toMatchObject({ ok: false, kind: "not_owner" });
    expect(refused.message).toBe(`Only the campaign's owner (${MIA}) or an admin starts or completes it.`);
    expect(progress(emu, OWNER, "start").state).toBe("InProgress");
  });

  it("goes to the approver, closes the campaign when accepted, and puts its lessons on Lessons", () => {
    const emu = closedLoopWorkbook();
    progress(emu, MIA, "start");
    progress(emu, MIA, "complete");
    const request = summary();
    const sent = emu.as(MIA).run<Written>("rpcSubmitSummary", request);
    expect(sent).toMatchObject({ ok: true, state: "Completed", duplicate: false });
    expect(emu.outbox.at(-1)).toMatchObject({
      to: `${LEO},${LIA}`,
      subject: "Approval needed: Spring webinars (Summary report)",
    });
    const summaries = () =>
      emu
        .values(tabOf(emu, "summaries"))
        .slice(1)
        .filter((r) => r[0] !== "");
    expect(summaries()).toEqual([
      [
        "C-1",
        "No",
        "450 leads at 20 EUR each; the webinars filled up.",
        "Invitations went out late.",
        "Send invitations three weeks ahead.",
        "",
        "",
      ],
    ]);
    // Sent again (a double click): recognised, nothing written twice.
    expect(emu.as(MIA).run<Written>("rpcSubmitSummary", request)).toMatchObject({ ok: true, duplicate: true });
    expect(summaries()).toHaveLength(1);
    expect(form(emu, MIA).request).toMatchObject({ status: "open", submittedBy: MIA });

    const accepted = acceptAs(emu, LEO);
    expect(accepted).toMatchObject({ ok: true, state: "Closed" });
    const [row] = summaries();
    expect(row?.slice(0, 6)).toEqual([
      "C-1",
      "No",
      "450 leads at 20 EUR each; the webinars filled up.",
      "Invitations went out late.",
      "Send invitations three weeks ahead.",
      LEO,
    ]);
    // When it was accepted, in the spreadsheet's zone (Berlin: 08:00 UTC is 10:00), as people read it.
    expect(row?.[6]).toBe("1 Apr 2026, 10:00");
    expect(emu.values(tabOf(emu, "lessons")).slice(1)).toEqual([
      [
        "C-1",
        "Email, Events",
        "SMB owners",
        "webinar, B2B",
        "Webinar invitations need three weeks of lead time.",
        "Plan the mailing before the venue.",
      ],
    ]);
    expect(form(emu, MIA).request).toMatchObject({ status: "approved", acceptedBy: LEO });
    expect(
      emu.as(MIA).run<{ campaigns: { id: string; status: string }[] }>("rpcListCampaigns", {}).campaigns[0],
    ).toMatchObject({
      id: "C-1",
      status: "Closed",
    });
  });

  it("refuses a summary before completion, or without an effect, and loses nothing", () => {
    const emu = closedLoopWorkbook();
    const early = emu.as(MIA).run<Written>("rpcSubmitSummary", summary());
    expect(early).toMatchObject({ ok: false, kind: "not_completed" });
    expect(early.message).toBe("C-1 is Ready: a summary is submitted once the campaign is Completed.");
    progress(emu, MIA, "start");
    progress(emu, MIA, "complete");
    const blank = emu
      .as(MIA)
      .run<Written>(
        "rpcSubmitSummary",
        summary({ effect: "  ", lessons: [{ lesson: "", recommendation: "Do X", tags: [] }] }),
      );
    expect(blank.ok).toBe(false);
    expect(blank.issues).toEqual([
      { field: "effect", message: "Describe the campaign's effect.", where: "", tab: "", row: 0, column: "" },
      {
        field: "lessons.0.lesson",
        message: "Lesson 1: write what was learned.",
        where: "",
        tab: "",
        row: 0,
        column: "",
      },
    ]);
    expect(
      emu
        .values(tabOf(emu, "summaries"))
        .slice(1)
        .filter((r) => r[0] !== ""),
    ).toEqual([]);
  });
});

describe("lessons while drafting the next plan", () => {
  it("shows the accepted lessons of past campaigns with the same channels, audience or category", () => {
    const emu = closedLoopWorkbook();
    progress(emu, MIA, "start");
    progress(emu, MIA, "complete");
    emu.as(MIA).run("rpcSubmitSummary", summary());
    acceptAs(emu, LEO);
    const c2 = emu.as(MIA).run<LessonsResponse>("rpcLessons", { campaignId: "C-2" });
    expect(c2.drafts.map((d) => d.id)).toEqual(["C-2", "C-3"]);
    expect(c2.query).toEqual({ channels: ["Events", "Social"], audience: "SMB owners in Munich", tags: [] });
    expect(c2.lessons.map((l) => [l.campaign, l.lesson, l.matched])).toEqual([
      ["C-1", "Webinar invitations need three weeks of lead time.", { channels: ["Events"], tags: [], audience: true }],
    ]);
    // Students on Social share nothing with it, unless the drafter looks for its category.
    expect(emu.as(MIA).run<LessonsResponse>("rpcLessons", { campaignId: "C-3" }).lessons).toEqual([]);
    const byTag = emu.as(MIA).run<LessonsResponse>("rpcLessons", { campaignId: "C-3", tags: ["b2b"] });
    expect(byTag.lessons.map((l) => l.matched.tags)).toEqual([["B2B"]]);
  });
});
