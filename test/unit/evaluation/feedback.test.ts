// Feedback rules: a row is decoded field by field (rating a whole number 1 to 5 or blank, follow-up read in both
// languages, blank open), a row naming no known campaign is left out with a problem, and the figures per campaign
// (count, mean rating, low ratings, share of them still open) hold at their edges.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  DEFAULT_EVALUATION_SETTINGS,
  decodeFeedback,
  decodeFeedbackRows,
  evaluate,
  type Feedback,
  feedbackFigures,
} from "../../../src/domain/evaluation";
import { FeedbackSchema } from "../../../src/domain/evaluation/schemas";
import { readEvaluationSettings } from "../../../src/domain/evaluation-settings";

const row = (over: Partial<Record<keyof Feedback, unknown>> = {}) => ({
  date: "2026-03-10",
  campaign: "C-1",
  channel: "Event",
  rating: 4,
  comment: "Good talks",
  owner: "",
  state: null,
  ...over,
});

const fb = (campaign: string, rating: number | null, state: Feedback["state"] = "open"): Feedback => ({
  date: "2026-03-10",
  campaign,
  channel: "",
  rating,
  comment: "",
  owner: "",
  state,
});

describe("decodeFeedback()", () => {
  it("reads a row; a blank follow-up is open, a blank rating is no rating", () => {
    const ok = decodeFeedback(row());
    expect(ok).toEqual({ ok: true, value: { ...row(), state: "open" } });
    expect(ok.ok && z.safeParse(FeedbackSchema, ok.value).success).toBe(true);
    expect(decodeFeedback(row({ rating: null })).ok && decodeFeedback(row({ rating: null }))).toMatchObject({
      value: { rating: null },
    });
    // A decoder accepts its own output.
    if (ok.ok) expect(decodeFeedback(ok.value)).toEqual(ok);
  });

  it("reads the follow-up state by key and by label in both languages", () => {
    const states = ["progress", "In progress", "跟进中", "Done", "已完成", "none", "无需跟进", "Open", "待跟进"];
    expect(states.map((s) => decodeFeedback(row({ state: s }))).map((d) => d.ok && d.value.state)).toEqual([
      "progress",
      "progress",
      "progress",
      "done",
      "done",
      "none",
      "none",
      "open",
      "open",
    ]);
  });

  it("refuses a rating that is not a whole number from 1 to 5, naming the field and what was found", () => {
    for (const bad of [0, 6, 3.5, "great", -1]) {
      expect(decodeFeedback(row({ rating: bad }))).toEqual({
        ok: false,
        problems: [{ field: "rating", messageKey: "evaluation.problem.rating", found: bad }],
      });
    }
    expect(decodeFeedback(row({ rating: "5" })).ok).toBe(true);
  });

  it("reports every bad field of a row in column order", () => {
    const bad = decodeFeedback(row({ date: "yesterday", campaign: "", rating: 9, state: "maybe" }));
    expect(bad.ok ? [] : bad.problems.map((p) => [p.field, p.messageKey])).toEqual([
      ["date", "evaluation.problem.date"],
      ["campaign", "evaluation.problem.required"],
      ["rating", "evaluation.problem.rating"],
      ["state", "evaluation.problem.followUp"],
    ]);
  });
});

describe("decodeFeedbackRows()", () => {
  it("leaves out a row naming no known campaign, with the problem on its campaign cell, and skips blank rows", () => {
    const known = new Map([["C-1", 1]]);
    const out = decodeFeedbackRows(
      [
        { row: 2, cells: row() },
        { row: 3, cells: row({ campaign: "C-9" }) },
        { row: 4, cells: { date: null, campaign: "", rating: null } },
        { row: 5, cells: row({ rating: 7 }) },
      ],
      known,
    );
    expect(out.rows.map((r) => r.row)).toEqual([2]);
    expect(out.problems).toEqual([
      {
        tab: "feedback",
        row: 3,
        field: "campaign",
        messageKey: "evaluation.problem.unknownCampaign",
        found: "C-9",
        params: { campaign: "C-9" },
      },
      { tab: "feedback", row: 5, field: "rating", messageKey: "evaluation.problem.rating", found: 7 },
    ]);
  });
});

describe("feedbackFigures()", () => {
  it("counts every row, averages the ratings given, and shares the low ones still open or in progress", () => {
    const figures = feedbackFigures(
      [fb("C-1", 5), fb("C-1", 4), fb("C-1", 1), fb("C-1", 2, "progress"), fb("C-1", 2, "done"), fb("C-1", null)],
      2,
    );
    // Ratings 5, 4, 1, 2, 2: mean 2.8; three low, two of them (open, in progress) still waiting.
    expect(figures.get("C-1")).toEqual({ feedback: 6, rating: 2.8, low: 3, lowOpen: expect.closeTo(2 / 3, 12) });
  });

  it("at the edges: no ratings, all low and open, every follow-up done or not needed", () => {
    expect(feedbackFigures([], 2).size).toBe(0);
    expect(feedbackFigures([fb("C-1", null)], 2).get("C-1")).toEqual({
      feedback: 1,
      rating: null,
      low: 0,
      lowOpen: null,
    });
    expect(feedbackFigures([fb("C-1", 1), fb("C-1", 2)], 2).get("C-1")).toEqual({
      feedback: 2,
      rating: 1.5,
      low: 2,
      lowOpen: 1,
    });
    expect(feedbackFigures([fb("C-1", 1, "done"), fb("C-1", 2, "none")], 2).get("C-1")).toMatchObject({
      low: 2,
      lowOpen: 0,
    });
    // No low rating: no share (not 0 %, which would read as "all dealt with").
    expect(feedbackFigures([fb("C-1", 5), fb("C-1", 3)], 2).get("C-1")?.lowOpen).toBeNull();
  });

  it("takes the threshold from the settings: 3 makes a 3 low; the low rating itself is low", () => {
    expect(feedbackFigures([fb("C-1", 3), fb("C-1", 4)], 3).get("C-1")).toMatchObject({ low: 1, lowOpen: 1 });
    expect(feedbackFigures([fb("C-1", 3)], 2).get("C-1")).toMatchObject({ low: 0, lowOpen: null });
  });

  it("the report carries the figures per campaign; a campaign with feedback only is on it, one without has 0", () => {
    const report = evaluate({
      kpis: [{ row: 2, cells: { campaign: "C-1", indicator: "Leads", target: 10, actual: 10 } }],
      readings: [],
      spend: new Map(),
      revenue: new Map(),
      settings: DEFAULT_EVALUATION_SETTINGS,
      feedback: feedbackFigures([fb("C-2", 1)], 2),
    });
    expect(report.campaigns.map((c) => [c.campaign, c.feedback, c.rating, c.low, c.lowOpen])).toEqual([
      ["C-1", 0, null, 0, null],
      ["C-2", 1, 1, 1, 1],
    ]);
  });
});

describe("the feedback settings", () => {
  it("low rating: a number from 1 to below 5, else the default 2 with a problem; the form tabs as a list", () => {
    const read = (low: unknown, forms: unknown = "") =>
      readEvaluationSettings(
        new Map([
          ["feedback_low_rating", { value: low, row: 20 }],
          ["feedback_forms", { value: forms, row: 21 }],
        ]),
      );
    expect(read(3).settings.lowRating).toBe(3);
    expect(read("").settings.lowRating).toBe(2);
    expect(read(5).settings.lowRating).toBe(2);
    expect(read(5).problems).toEqual([{ key: "feedback_low_rating", row: 20, found: 5, fallback: "2" }]);
    expect(read(2).feedbackForms).toEqual(["Form Responses 1", "表单回复 1"]);
    expect(read(2, "Event survey, 客户回访").feedbackForms).toEqual(["Event survey", "客户回访"]);
  });
});
