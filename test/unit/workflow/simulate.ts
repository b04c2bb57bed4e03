// A seeded random walk through the engine over several campaigns: the logs it builds feed the property tests of the fold and the chain.

import {
  type CampaignState,
  type CommandResult,
  decide,
  decidersFor,
  foldCampaign,
  type LogEntry,
  operate,
  type RoutingSettings,
  submit,
  withdraw,
} from "../../../src/domain/workflow";
import { CFO, DEPUTY, DIRECTOR, LEAD, LEAD2, MARKETER, OWNER, pick, rng, validPlan, validTasks } from "./fixtures";

const PEOPLE = [MARKETER, OWNER, LEAD, LEAD2, DIRECTOR, CFO, DEPUTY];

// Lee sits on both levels and Deng stands in for Dora, so the walk keeps running into the segregation rules.
export const SIM_SETTINGS: RoutingSettings = {
  levels: [
    { approvers: [LEAD, LEAD2, DIRECTOR], limit: 1_000_000 },
    { approvers: [DIRECTOR, CFO, LEAD], limit: null },
  ],
  delegations: [{ approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-10", to: "2024-05-20" }],
};

const NATURAL_NEXT: Record<CampaignState, "plan" | "execution" | "change" | "summary"> = {
  Draft: "plan",
  PlanSubmitted: "plan",
  PlanApproved: "execution",
  ExecutionSubmitted: "execution",
  Ready: "change",
  InProgress: "change",
  Completed: "summary",
  Closed: "summary",
  Cancelled: "plan",
};

export interface Simulation {
  readonly log: LogEntry[];
  readonly campaigns: readonly string[];
  readonly refusals: number;
}

/** Every accepted command's events go to the log in order, as the server would append them. */
export function simulate(seed: number, steps: number, campaignCount = 3): Simulation {
  const random = rng(seed);
  const log: LogEntry[] = [];
  const campaigns = Array.from({ length: campaignCount }, (_, i) => `C-${seed}-${i + 1}`);
  let counter = 0;
  let refusals = 0;
  const id = (prefix: string) => `${prefix}-${seed}-${++counter}`;

  for (let step = 0; step < steps; step += 1) {
    const campaignId = pick(random, campaigns);
    const view = foldCampaign(log, campaignId);
    const open = pick(random, view.openRequests.length > 0 ? view.openRequests : [null]);
    // Mostly someone entitled to act, sometimes anyone: both the happy paths and the refusals get exercised.
    const entitled = open === null ? [] : decidersFor(SIM_SETTINGS, open.currentLevel, "2024-05-15T10:00:00+08:00");
    const actor = entitled.length > 0 && random() < 0.6 ? pick(random, entitled).actor : pick(random, PEOPLE);
    const day = 1 + Math.floor(random() * 28);
    const at = `2024-05-${String(day).padStart(2, "0")}T10:00:00+08:00`;
    const budget = pick(random, [200_000, 500_000, 2_500_000]);
    const comment = pick(random, ["", "Noted", "Please revise the goals"]);
    const kind = pick(random, ["submit", "submit", "decide", "decide", "decide", "withdraw", "operate"] as const);
    let result: CommandResult;
    if (kind === "decide" && open !== null) {
      result = decide({
        view,
        requestId: open.id,
        action: pick(random, ["approve", "approve", "reject", "request_changes"] as const),
        actor,
        comment,
        seenVersion: random() < 0.9 ? open.version : open.version - 1,
        at,
        eventId: id("E"),
        settings: SIM_SETTINGS,
      });
    } else if (kind === "withdraw" && open !== null) {
      result = withdraw({ view, requestId: open.id, actor, seenVersion: open.version, at, eventId: id("E") });
    } else if (kind === "operate") {
      const operation = view.state === "Ready" ? "start" : view.state === "InProgress" ? "complete" : "discard";
      result = operate({ view, operation, actor, at, eventId: id("E") });
    } else {
      const type =
        random() < 0.7
          ? NATURAL_NEXT[view.state]
          : pick(random, ["plan", "execution", "change", "cancellation", "budget_overrun", "summary"] as const);
      const submission =
        type === "plan" || type === "change"
          ? { type, plan: validPlan({ budget, owner: pick(random, [OWNER, MARKETER]) }) }
          : type === "execution"
            ? { type, tasks: validTasks() }
            : type === "cancellation"
              ? { type }
              : { type, amount: budget, data: { note: "sim" } };
      result = submit({
        view,
        submission,
        requestId: id("R"),
        eventId: id("E"),
        actor,
        at,
        comment: type === "change" || type === "cancellation" ? "Reason" : comment,
        settings: SIM_SETTINGS,
      });
    }
    if (result.ok) log.push(...result.value.events);
    else refusals += 1;
  }
  return { log, campaigns, refusals };
}
