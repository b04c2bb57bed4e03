// Every message key the workflow engine produces, with its English and Simplified Chinese text ({name} marks a parameter); merged into the one catalog (catalog.ts), never imported by Code.js.
import { asString } from "../builtins";

export interface MessageText {
  readonly en: string;
  readonly zh: string;
}

export type MessageParams = Readonly<Record<string, string | number>>;

export const WORKFLOW_MESSAGES = {
  // Labels: states, request types, actions, request statuses, approved fields.
  "workflow.state.Draft": { en: "Draft", zh: "草稿" },
  "workflow.state.PlanSubmitted": { en: "Plan submitted", zh: "方案待审批" },
  "workflow.state.PlanApproved": { en: "Plan approved", zh: "方案已批准" },
  "workflow.state.ExecutionSubmitted": { en: "Execution plan submitted", zh: "执行计划待审批" },
  "workflow.state.Ready": { en: "Ready", zh: "准备就绪" },
  "workflow.state.InProgress": { en: "In progress", zh: "执行中" },
  "workflow.state.Completed": { en: "Completed", zh: "已完成" },
  "workflow.state.Closed": { en: "Closed", zh: "已结案" },
  "workflow.state.Cancelled": { en: "Cancelled", zh: "已取消" },
  "workflow.requestType.plan": { en: "Plan", zh: "活动方案" },
  "workflow.requestType.execution": { en: "Execution plan", zh: "执行计划" },
  "workflow.requestType.change": { en: "Change", zh: "变更申请" },
  "workflow.requestType.cancellation": { en: "Cancellation", zh: "取消申请" },
  "workflow.requestType.budget_overrun": { en: "Budget overrun", zh: "超支申请" },
  "workflow.requestType.reimbursement": { en: "Reimbursement", zh: "报销申请" },
  "workflow.requestType.summary": { en: "Summary report", zh: "活动总结报告" },
  "workflow.action.submit": { en: "Submit", zh: "提交" },
  "workflow.action.approve": { en: "Approve", zh: "批准" },
  "workflow.action.reject": { en: "Reject", zh: "驳回" },
  "workflow.action.request_changes": { en: "Request changes", zh: "退回修改" },
  "workflow.action.cancel_request": { en: "Withdraw request", zh: "撤回申请" },
  "workflow.action.discard": { en: "Discard draft", zh: "放弃草稿" },
  "workflow.action.start": { en: "Start", zh: "开始执行" },
  "workflow.action.complete": { en: "Complete", zh: "完成" },
  "workflow.action.carry_over": { en: "Carry over to a new period", zh: "结转至新周期" },
  "workflow.action.record": { en: "Record expense", zh: "登记费用" },
  "workflow.action.pay": { en: "Mark paid", zh: "标记已付款" },
  "workflow.requestStatus.open": { en: "Waiting for decision", zh: "审批中" },
  "workflow.requestStatus.approved": { en: "Approved", zh: "已批准" },
  "workflow.requestStatus.rejected": { en: "Rejected", zh: "已驳回" },
  "workflow.requestStatus.changes_requested": { en: "Changes requested", zh: "已退回修改" },
  "workflow.requestStatus.withdrawn": { en: "Withdrawn", zh: "已撤回" },
  "workflow.field.budget": { en: "Budget", zh: "预算" },
  "workflow.field.currency": { en: "Currency", zh: "币种" },
  "workflow.field.start": { en: "Start date", zh: "开始日期" },
  "workflow.field.end": { en: "End date", zh: "结束日期" },
  "workflow.field.kpis": { en: "Goals (KPIs)", zh: "目标与监测指标" },
  "workflow.field.channels": { en: "Channels", zh: "推广渠道" },
  "workflow.field.audience": { en: "Target audience", zh: "目标受众" },
  "workflow.field.objective": { en: "Objective", zh: "活动目标" },
  "workflow.field.content": { en: "Content", zh: "活动内容" },
  "workflow.field.place": { en: "Place", zh: "地点" },
  "workflow.field.lines": { en: "Budget lines", zh: "预算明细" },

  // Plan completeness.
  "workflow.plan.name.missing": { en: "The campaign needs a name.", zh: "请填写活动名称。" },
  "workflow.plan.owner.missing": {
    en: "Name the campaign owner (an email address).",
    zh: "请填写活动负责人（邮箱地址）。",
  },
  "workflow.plan.owner.invalid": { en: "The owner must be an email address.", zh: "负责人必须是有效的邮箱地址。" },
  "workflow.plan.objective.missing": { en: "State the campaign's objective.", zh: "请填写活动目标。" },
  "workflow.plan.audience.missing": { en: "Describe the target audience.", zh: "请填写目标受众。" },
  "workflow.plan.channels.missing": { en: "Choose at least one channel.", zh: "请至少选择一个推广渠道。" },
  "workflow.plan.channels.unknown": {
    en: 'Channel "{channel}" is not in the list in Settings.',
    zh: "渠道“{channel}”不在设置的渠道列表中。",
  },
  "workflow.plan.content.missing": { en: "Describe the campaign content.", zh: "请填写活动内容。" },
  "workflow.plan.start.missing": { en: "Set a start date.", zh: "请填写开始日期。" },
  "workflow.plan.start.invalid": { en: "The start date is not a valid date.", zh: "开始日期无效。" },
  "workflow.plan.end.missing": { en: "Set an end date.", zh: "请填写结束日期。" },
  "workflow.plan.end.invalid": { en: "The end date is not a valid date.", zh: "结束日期无效。" },
  "workflow.plan.end.beforeStart": { en: "The end date is before the start date.", zh: "结束日期早于开始日期。" },
  "workflow.plan.budget.missing": { en: "Set the total budget.", zh: "请填写总预算。" },
  "workflow.plan.budget.invalid": { en: "The budget must be an amount of money.", zh: "预算必须是金额数字。" },
  "workflow.plan.budget.negative": { en: "The budget cannot be negative.", zh: "预算不能为负数。" },
  "workflow.plan.currency.missing": { en: "Set the currency.", zh: "请填写币种。" },
  "workflow.plan.currency.invalid": {
    en: "The currency must be a three-letter code such as CNY or USD.",
    zh: "币种必须是三位字母代码，例如 CNY 或 USD。",
  },
  "workflow.plan.lines.missing": {
    en: "Add budget lines for this campaign on the Budget tab; they must add up to the total budget ({budget}).",
    zh: "请在“预算”工作表中为本活动添加预算明细，其合计必须等于总预算（{budget}）。",
  },
  "workflow.plan.lines.sum": {
    en: "The budget lines (Budget rows {rows}) add up to {sum}, the total budget is {budget}: they must be equal.",
    zh: "预算明细（“预算”第 {rows} 行）合计 {sum}，总预算为 {budget}：两者必须相等。",
  },
  "workflow.plan.line.category.missing": {
    en: "Budget row {row}: name the category.",
    zh: "“预算”第 {row} 行：请填写费用类别。",
  },
  "workflow.plan.line.month.invalid": {
    en: "Budget row {row}: the month must look like 2026-03.",
    zh: "“预算”第 {row} 行：月份格式应为 2026-03。",
  },
  "workflow.plan.line.planned.invalid": {
    en: "Budget row {row}: the planned amount must be an amount of money of 0 or more.",
    zh: "“预算”第 {row} 行：计划金额必须是不小于 0 的金额。",
  },
  "workflow.plan.line.currency.invalid": {
    en: "Budget row {row}: the currency must be a three-letter code such as CNY or USD.",
    zh: "“预算”第 {row} 行：币种必须是三位字母代码，例如 CNY 或 USD。",
  },
  "workflow.plan.line.currency.noRate": {
    en: "Budget row {row} is in {currency}, which no rate converts into the plan's {plan}: write the line in {plan}.",
    zh: "“预算”第 {row} 行的币种为 {currency}，无法按汇率折算为方案币种 {plan}：请以 {plan} 填写该行。",
  },
  "workflow.plan.kpis.missing": {
    en: "Add at least one measurable goal (an indicator with a target).",
    zh: "请至少添加一个可衡量的目标（监测指标及目标值）。",
  },
  "workflow.plan.kpi.indicator.missing": { en: "Goal {n} has no indicator.", zh: "第 {n} 个目标缺少监测指标。" },
  "workflow.plan.kpi.indicator.duplicate": {
    en: 'Goal {n} repeats the indicator "{indicator}".',
    zh: "第 {n} 个目标的监测指标“{indicator}”重复。",
  },
  "workflow.plan.kpi.target.missing": { en: "Goal {n} has no target.", zh: "第 {n} 个目标缺少目标值。" },
  "workflow.plan.kpi.target.notNumber": {
    en: "The target of goal {n} must be a number.",
    zh: "第 {n} 个目标的目标值必须是数字。",
  },
  "workflow.plan.kpi.target.negative": {
    en: "The target of goal {n} cannot be negative.",
    zh: "第 {n} 个目标的目标值不能为负数。",
  },
  "workflow.plan.kpi.target.zero": {
    en: "The target of goal {n} must be more than 0: attainment is measured against it.",
    zh: "第 {n} 个目标的目标值必须大于 0：达成率以它为基准计算。",
  },
  "workflow.plan.kpi.direction.invalid": {
    en: 'Goal {n}: the direction must be "higher" or "lower" (which is better).',
    zh: "第 {n} 个目标：方向必须是“higher”（越高越好）或“lower”（越低越好）。",
  },

  // Execution-plan completeness.
  "workflow.execution.tasks.missing": {
    en: "Add at least one task to the execution plan.",
    zh: "执行计划至少需要一项任务。",
  },
  "workflow.execution.task.step.missing": { en: "Task {n} has no step.", zh: "第 {n} 项任务缺少步骤说明。" },
  "workflow.execution.task.owner.missing": { en: "Task {n} has no owner.", zh: "第 {n} 项任务缺少负责人。" },
  "workflow.execution.task.owner.invalid": {
    en: "The owner of task {n} must be an email address.",
    zh: "第 {n} 项任务的负责人必须是有效的邮箱地址。",
  },
  "workflow.execution.task.start.missing": { en: "Task {n} has no start date.", zh: "第 {n} 项任务缺少开始日期。" },
  "workflow.execution.task.start.invalid": {
    en: "The start date of task {n} is not a valid date.",
    zh: "第 {n} 项任务的开始日期无效。",
  },
  "workflow.execution.task.due.missing": { en: "Task {n} has no due date.", zh: "第 {n} 项任务缺少截止日期。" },
  "workflow.execution.task.due.invalid": {
    en: "The due date of task {n} is not a valid date.",
    zh: "第 {n} 项任务的截止日期无效。",
  },
  "workflow.execution.task.due.beforeStart": {
    en: "Task {n} is due before it starts.",
    zh: "第 {n} 项任务的截止日期早于开始日期。",
  },
  "workflow.execution.task.due.afterCampaignEnd": {
    en: "Task {n} is due after the campaign ends ({end}).",
    zh: "第 {n} 项任务的截止日期晚于活动结束日期（{end}）。",
  },
  "workflow.execution.task.deliverable.missing": {
    en: "Task {n} has no deliverable.",
    zh: "第 {n} 项任务缺少交付成果。",
  },

  // Routing and its settings.
  "workflow.routing.noLevels": {
    en: "No approval levels are set up. Ask an admin to name approvers in Settings.",
    zh: "尚未设置审批层级，请联系管理员在设置中指定审批人。",
  },
  "workflow.routing.amountAboveLimits": {
    en: "No approval level covers this amount. Ask an admin to raise the top level's limit or leave it blank.",
    zh: "没有审批层级覆盖该金额，请联系管理员调高最高层级的限额或将其留空。",
  },
  "workflow.routing.invalidAmount": { en: "The amount to approve is not valid.", zh: "待审批金额无效。" },
  "workflow.settings.levels.missing": { en: "Add at least one approval level.", zh: "请至少设置一个审批层级。" },
  "workflow.settings.level.approvers.missing": {
    en: "Approval level {n} has no approvers.",
    zh: "第 {n} 级审批没有审批人。",
  },
  "workflow.settings.level.approver.invalid": {
    en: 'Approver "{email}" at level {n} is not an email address.',
    zh: "第 {n} 级审批人“{email}”不是有效的邮箱地址。",
  },
  "workflow.settings.level.limit.invalid": {
    en: "The limit of level {n} must be a whole, non-negative amount.",
    zh: "第 {n} 级的限额必须是非负整数金额。",
  },
  "workflow.settings.level.limit.notIncreasing": {
    en: "The limit of level {n} must be higher than the limit of the level below it.",
    zh: "第 {n} 级的限额必须高于下一级的限额。",
  },
  "workflow.settings.level.limit.blankBelowTop": {
    en: "Only the top level may be left without a limit (level {n}).",
    zh: "只有最高层级可以不设限额（第 {n} 级）。",
  },
  "workflow.settings.delegation.approver.invalid": {
    en: "Delegation {n}: the approver must be an email address.",
    zh: "第 {n} 条委托：审批人必须是有效的邮箱地址。",
  },
  "workflow.settings.delegation.delegate.invalid": {
    en: "Delegation {n}: the delegate must be an email address.",
    zh: "第 {n} 条委托：代理人必须是有效的邮箱地址。",
  },
  "workflow.settings.delegation.self": {
    en: "Delegation {n}: an approver cannot delegate to themselves.",
    zh: "第 {n} 条委托：审批人不能委托给自己。",
  },
  "workflow.settings.delegation.dates.invalid": {
    en: "Delegation {n}: from and to must be dates.",
    zh: "第 {n} 条委托：起止日期必须是有效日期。",
  },
  "workflow.settings.delegation.endBeforeStart": {
    en: "Delegation {n}: the period ends before it starts.",
    zh: "第 {n} 条委托：结束日期早于开始日期。",
  },

  // Refusals of a command.
  "workflow.refusal.invalidInput": { en: "The request is not valid.", zh: "请求无效。" },
  "workflow.refusal.illegalTransition": {
    en: "This action is not possible in the campaign's current state.",
    zh: "活动当前状态下不能执行此操作。",
  },
  "workflow.refusal.requestOpen": {
    en: "Another request for this campaign is waiting for a decision.",
    zh: "该活动已有其他申请正在审批中。",
  },
  "workflow.refusal.unknownRequest": { en: "This campaign has no such request.", zh: "该活动不存在此申请。" },
  "workflow.refusal.stale": {
    en: "The request has changed or was decided since you opened it. Reload and try again.",
    zh: "自您打开后该申请已变更或已被处理，请刷新后重试。",
  },
  "workflow.refusal.ownRequest": {
    en: "You submitted this request, so you cannot decide it.",
    zh: "您是该申请的提交人，不能审批自己的申请。",
  },
  "workflow.refusal.ownCampaign": {
    en: "You own this campaign, so you cannot decide its requests.",
    zh: "您是该活动的负责人，不能审批其申请。",
  },
  "workflow.refusal.secondLevel": {
    en: "You already decided another level of this request; a different person must decide this level.",
    zh: "您已审批过该申请的其他层级，本层级须由他人审批。",
  },
  "workflow.refusal.notApprover": {
    en: "You are not an approver for level {level} of this request.",
    zh: "您不是该申请第 {level} 级的审批人。",
  },
  "workflow.refusal.commentRequired": {
    en: "Say why: a comment is required to reject or to request changes.",
    zh: "驳回或退回修改时必须填写意见。",
  },
  "workflow.refusal.reasonRequired": {
    en: "Give a reason for the change or cancellation.",
    zh: "请填写变更或取消的理由。",
  },
  "workflow.refusal.incomplete": {
    en: "The submission is incomplete; see the items listed.",
    zh: "提交内容不完整，请查看所列项目。",
  },
  "workflow.refusal.noChange": {
    en: "The change request changes nothing in the approved plan.",
    zh: "变更申请与已批准的方案没有任何差异。",
  },
  "workflow.refusal.notSubmitter": {
    en: "Only the person who submitted the request can withdraw it.",
    zh: "只有申请提交人才能撤回申请。",
  },
  "workflow.refusal.noApprovedPlan": { en: "There is no approved plan to build on.", zh: "尚无已批准的活动方案。" },
  "workflow.refusal.tooLong": {
    en: "This request is too long to record in the Approval log: {length} characters, where a spreadsheet cell holds at most {limit}. Shorten its texts (task steps, descriptions) and submit again.",
    zh: "该申请内容过长，无法记入审批记录：共 {length} 个字符，而一个单元格最多容纳 {limit} 个字符。请缩短其中的文字（任务步骤、说明）后重新提交。",
  },
  "workflow.plan.research.missing": {
    en: "Cite at least one research finding (an ID from the Research tab) that the plan is based on.",
    zh: "请至少引用一条方案所依据的市场调研结论（调研表中的编号）。",
  },
  "workflow.plan.research.unknown": {
    en: "No finding {id} in the Research tab.",
    zh: "调研表中没有编号为 {id} 的调研结论。",
  },
  "workflow.refusal.brandUnconfirmed": {
    en: "Every brand rule in Settings must be confirmed with the submission before it can be approved. Not confirmed: {rules}.",
    zh: "设置中的每条品牌规范都须在提交时确认，方可批准。未确认：{rules}。",
  },
  "workflow.input.invalid": { en: "This value is not valid.", zh: "该值无效。" },
  "workflow.input.requestId.taken": {
    en: "This request id is already used by another request.",
    zh: "该申请编号已被其他申请使用。",
  },

  // Audit-log verification and replay.
  "workflow.chain.ok": { en: "The approval log is intact ({count} rows).", zh: "审批记录完整（共 {count} 行）。" },
  "workflow.chain.edited": {
    en: "Row {row} of the approval log was changed by hand.",
    zh: "审批记录第 {row} 行被手工修改。",
  },
  "workflow.chain.deleted": {
    en: "Rows of the approval log were deleted just before row {row}.",
    zh: "审批记录第 {row} 行之前有记录被删除。",
  },
  "workflow.chain.inserted": {
    en: "Row {row} of the approval log was added or moved by hand.",
    zh: "审批记录第 {row} 行是手工添加或移动的。",
  },
  "workflow.chain.truncated": {
    en: "Rows were removed from the end of the approval log, from row {row} on.",
    zh: "审批记录末尾自第 {row} 行起的记录被删除。",
  },
  "workflow.chain.broken": {
    en: "The approval log was tampered with; decisions are paused until an admin restores it.",
    zh: "审批记录遭到篡改，在管理员恢复之前暂停审批。",
  },
  "workflow.fold.eventIgnored": {
    en: "Log row {row} does not fit the campaign's history and was ignored ({reason}).",
    zh: "审批记录第 {row} 行与活动历史不符，已忽略（{reason}）。",
  },
} as const satisfies Readonly<Record<string, MessageText>>;

export type WorkflowMessageKey = keyof typeof WORKFLOW_MESSAGES;

export const WORKFLOW_MESSAGE_KEYS = Object.keys(WORKFLOW_MESSAGES) as readonly WorkflowMessageKey[];

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(key: WorkflowMessageKey, locale: keyof MessageText, params?: MessageParams): string {
  const text = WORKFLOW_MESSAGES[key][locale];
  return text.replace(/\{(\w+)\}/g, (whole: string, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : asString(value);
  });
}
