// Shared fixtures for the workflow tests: a valid plan, two-level routing with a delegation, a keyed hash, a seeded random source and a scenario driver.

import { createHmac } from "node:crypto";
import { expect } from "vitest";
import {
  type CampaignView,
  type CommandResult,
  decide,
  foldCampaign,
  type HashFn,
  type LogEntry,
  type Outcome,
  type PlanDraft,
  type RoutingSettings,
  type Submission,
  submit,
  type TaskDraft,
} from "../../../src/domain/workflow";

export const MARKETER = "mia@example.com";
export const OWNER = "olga@example.com";
export const LEAD = "lee@example.com";
export const LEAD2 = "lin@example.com";
export const DIRECTOR = "dora@example.com";
export const CFO = "chen@example.com";
export const DEPUTY = "deng@example.com";

/** Level 1 decides up to 10,000.00 (minor units), level 2 everything above; Dora is away 10..20 May. */
export const SETTINGS: RoutingSettings = {
  levels: [
    { approvers: [LEAD, LEAD2], limit: 1_000_000 },
    { approvers: [DIRECTOR, CFO], limit: null },
  ],
  delegations: [{ approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-10", to: "2024-05-20" }],
};

export const AT = "2024-05-02T09:00:00+08:00";
export const IN_LEAVE = "2024-05-15T09:00:00+08:00";

export function validPlan(
  overrides: Partial<Record<Exclude<keyof PlanDraft, "lines">, unknown>> & Pick<PlanDraft, "lines"> = {},
): PlanDraft {
  return {
    name: "Spring launch",
    owner: OWNER,
    objective: "Launch the spring range in three cities",
    audience: "Urban professionals 25-40",
    channels: ["Email", "Social"],
    content: "Launch video, three posts a week, newsletter",
    place: "Shanghai, Beijing, Shenzhen",
    start: "2024-06-01",
    end: "2024-06-30",
    budget: 500_000,
    currency: "CNY",
    kpis: [
      { indicator: "Leads", target: 1200, unit: "leads", direction: "higher" },
      { indicator: "Cost per lead", target: 40, unit: "CNY", direction: "lower" },
    ],
    ...overrides,
  };
}

export function validTasks(): TaskDraft[] {
  return [
    { step: "Produce launch video", owner: MARKETER, start: "2024-05-20", due: "2024-05-31", deliverable: "Video" },
    { step: "Run social posts", owner: OWNER, start: "2024-06-01", due: "2024-06-30", deliverable: "Post report" },
  ];
}

export function hmac(key: string): HashFn {
  return (text) => createHmac("sha256", key).update(text).digest("hex");
}

export { rng } from "../../seeded-random";

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export function expectOk(result: CommandResult): Outcome {
  if (!result.ok) throw new Error(`refused: ${result.error.kind}`);
  return result.value;
}

export function expectRefused(result: CommandResult, kind: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.kind).toBe(kind);
}

/** Drives one campaign through the engine, appending what each accepted command returns to its own log. */
export class Scenario {
  readonly log: LogEntry[] = [];
  private counter = 0;
  constructor(
    readonly campaignId = "C-1",
    readonly settings: RoutingSettings = SETTINGS,
  ) {}

  get view(): CampaignView {
    return foldCampaign(this.log, this.campaignId);
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  apply(result: CommandResult): CommandResult {
    if (result.ok) this.log.push(...result.value.events);
    return result;
  }

  submit(submission: Submission, actor = MARKETER, comment = "", at = AT): CommandResult {
    return this.apply(
      submit({
        view: this.view,
        submission,
        requestId: this.nextId("R"),
        eventId: this.nextId("E"),
        actor,
        at,
        comment,
        settings: this.settings,
      }),
    );
  }

  /** Decides the open request at the version currently shown. */
  decide(actor: string, action: "approve" | "reject" | "request_changes", comment = "", at = AT): CommandResult {
    const request = this.view.openRequest ?? this.view.openRequests[0];
    if (request === undefined) throw new Error("no open request");
    return this.apply(
      decide({
        view: this.view,
        requestId: request.id,
        action,
        actor,
        comment,
        seenVersion: request.version,
        at,
        eventId: this.nextId("E"),
        settings: this.settings,
      }),
    );
  }

  /** Plan approved by the one level its small budget needs. */
  approvedPlan(): this {
    expectOk(this.submit({ type: "plan", plan: validPlan() }));
    expectOk(this.decide(LEAD, "approve", "Fine"));
    return this;
  }

  /** Plan and execution plan approved: the campaign is Ready. */
  ready(): this {
    this.approvedPlan();
    expectOk(this.submit({ type: "execution", tasks: validTasks() }));
    expectOk(this.decide(LEAD, "approve"));
    return this;
  }
}
