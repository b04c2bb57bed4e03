// The zod schemas of the rows monitoring and evaluation read and of their settings: the types of model.ts are
// inferred from them and tests check decoded values against them. The add-on decodes with model.ts's decoders, so
// nothing here is imported by the server (import this file directly, not through index.ts).
import * as z from "zod/mini";
import { TASK_STATUSES } from "../records";
import { EmailSchema } from "../workflow/model";
import { KPI_DIRECTIONS } from "../workflow/plan";
import { gradeScaleProblem } from "./figures";
import { FOLLOW_UPS, isEmail, isIsoDate, isIsoInstant, normalizeEmail } from "./values";

export const SCORECARD_PERIODS = ["month", "quarter"] as const;
export type ScorecardPeriod = (typeof SCORECARD_PERIODS)[number];

const text = z.string();
const required = z.string().check(z.minLength(1));
const isoDate = z.string().check(z.refine(isIsoDate));
const email = z.string().check(z.refine((s) => isEmail(s) && s === normalizeEmail(s)));

export const KpiSchema = z.object({
  campaign: required,
  indicator: required,
  unit: text,
  direction: z.enum(KPI_DIRECTIONS),
  target: z.number().check(z.gt(0)),
  /** null: not measured yet (the latest reading stands in for it in the report). */
  actual: z.nullable(z.number()),
  /** 0 keeps the KPI on the report without counting it in the score or the goals. */
  weight: z.number().check(z.gte(0)),
  source: text,
  updated: z.nullable(isoDate),
});
export type Kpi = z.infer<typeof KpiSchema>;

/** One measurement: the indicator's value as of the date (for a running total, the total to date). */
export const KpiReadingSchema = z.object({
  date: isoDate,
  campaign: required,
  indicator: required,
  value: z.number(),
});
export type KpiReading = z.infer<typeof KpiReadingSchema>;

export const SummarySchema = z.object({
  campaign: required,
  /** null: not stated yet. */
  goalsMet: z.nullable(z.boolean()),
  effect: text,
  problems: text,
  improvements: text,
  acceptedBy: z.union([z.literal(""), email]),
  /** A date, or the instant of the acceptance as the approval log holds it. */
  acceptedAt: z.nullable(z.string().check(z.refine((s) => isIsoDate(s) || isIsoInstant(s)))),
});
export type Summary = z.infer<typeof SummarySchema>;

export const LessonSchema = z.object({
  campaign: required,
  channels: z.array(required),
  audience: text,
  tags: z.array(required),
  lesson: required,
  recommendation: text,
});
export type Lesson = z.infer<typeof LessonSchema>;

export const TaskSchema = z.object({
  campaign: required,
  step: required,
  owner: z.union([z.literal(""), email]),
  start: z.nullable(isoDate),
  due: isoDate,
  deliverable: text,
  status: z.enum(TASK_STATUSES),
  /** The day the task was done; the scorecard's on-time rate compares it with the due date. */
  completed: z.nullable(isoDate),
});
export type Task = z.infer<typeof TaskSchema>;

export type FollowUp = (typeof FOLLOW_UPS)[number];

/** A participant's or customer's feedback: typed on the Feedback tab, or a response of a linked Google Form. */
export const FeedbackSchema = z.object({
  date: isoDate,
  campaign: required,
  channel: text,
  /** 1 to 5, whole; null: no rating given (the row still counts as feedback). */
  rating: z.nullable(z.int().check(z.gte(1), z.lte(5))),
  comment: text,
  owner: text,
  /** Blank reads as open: a low rating nobody has dealt with still waits for its follow-up. */
  state: z.enum(FOLLOW_UPS),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Column keys in tab order, for the workbook layer's tab specs. */
export const KPI_FIELDS = Object.keys(KpiSchema.shape) as (keyof Kpi)[];
export const READING_FIELDS = Object.keys(KpiReadingSchema.shape) as (keyof KpiReading)[];
export const SUMMARY_FIELDS = Object.keys(SummarySchema.shape) as (keyof Summary)[];
export const LESSON_FIELDS = Object.keys(LessonSchema.shape) as (keyof Lesson)[];
export const TASK_FIELDS = Object.keys(TaskSchema.shape) as (keyof Task)[];
export const FEEDBACK_FIELDS = Object.keys(FeedbackSchema.shape) as (keyof Feedback)[];

const nonNegative = z.number().check(z.gte(0));

export const GradeScaleSchema = z
  .object({
    steps: z.array(z.object({ grade: required, min: z.number() })),
    otherwise: required,
  })
  .check(z.refine((scale) => gradeScaleProblem(scale) === null));

export const EvaluationSettingsSchema = z.object({
  cap: z.number().check(z.gt(0)),
  grades: GradeScaleSchema,
  lagThreshold: z.number().check(z.gt(0)),
  lowRating: z.number().check(z.gte(1), z.lt(5)),
  levelUnits: z.array(z.string()),
  requestWaitDays: nonNegative,
  escalateAfterDays: nonNegative,
  managers: z.array(EmailSchema),
  scorecard: z
    .object({
      period: z.enum(SCORECARD_PERIODS),
      weights: z.object({ budget: nonNegative, onTime: nonNegative, attainment: nonNegative }),
      recognition: z.number(),
      improvement: z.number(),
    })
    .check(z.refine((rules) => rules.improvement <= rules.recognition)),
});
