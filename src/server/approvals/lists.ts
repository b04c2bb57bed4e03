// The Escalations and Notifications tabs as the sidebars list them: problem reports with whether the caller may
// answer, and the notices that could not be e-mailed.
import { mayAnswer } from "../../domain/records";
import type { NoticeView } from "../shared/contract";
import { campaignName } from "../shared/views";
import type { Workspace } from "../shared/workspace";
import type { EscalationView } from "./api";

export function escalationViews(ws: Workspace, me: string): EscalationView[] {
  return (ws.escalations?.list ?? []).map(({ row, campaign, ...e }) => ({
    ...e,
    campaignId: campaign,
    campaignName: campaignName(ws, campaign),
    canAnswer: e.state === "open" && mayAnswer(ws.roles, ws.owner, me, e.reportedBy),
  }));
}

export function noticeViews(ws: Workspace): NoticeView[] {
  return (ws.notifications?.list ?? []).map((n) => ({
    campaign: n.campaign,
    to: n.to,
    subject: n.subject,
    sent: n.status === "sent",
    reason: n.reason,
  }));
}
