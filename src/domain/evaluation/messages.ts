// Every message monitoring and evaluation produce, in English and Simplified Chinese ({name} marks a parameter); merged into the one catalog (catalog.ts), never imported by Code.js: texts.ts reads them through i18n.

export interface MessageText {
  readonly en: string;
  readonly zh: string;
}

export type Lang = keyof MessageText;

export const EVALUATION_MESSAGES = {
  // Labels: choices in cells, severities, alert kinds, tiers, goal outcomes.
  "evaluation.direction.higher": { en: "Higher is better", zh: "越高越好" },
  "evaluation.direction.lower": { en: "Lower is better", zh: "越低越好" },
  "evaluation.taskStatus.todo": { en: "To do", zh: "待办" },
  "evaluation.taskStatus.in_progress": { en: "In progress", zh: "进行中" },
  "evaluation.taskStatus.blocked": { en: "Blocked", zh: "受阻" },
  "evaluation.taskStatus.done": { en: "Done", zh: "已完成" },
  "evaluation.taskStatus.cancelled": { en: "Cancelled", zh: "已取消" },
  "evaluation.severity.critical": { en: "Critical", zh: "严重" },
  "evaluation.severity.warning": { en: "Warning", zh: "警告" },
  "evaluation.alertKind.task_overdue": { en: "Overdue task", zh: "任务逾期" },
  "evaluation.alertKind.kpi_lagging": { en: "Lagging indicator", zh: "指标落后" },
  "evaluation.alertKind.overspend": { en: "Overspend", zh: "超支" },
  "evaluation.alertKind.request_waiting": { en: "Request waiting", zh: "审批待处理" },
  "evaluation.tier.recognition": { en: "Recognition", zh: "表彰" },
  "evaluation.tier.meets": { en: "Meets expectations", zh: "达到预期" },
  "evaluation.tier.improvement": { en: "Needs improvement", zh: "需要改进" },
  "evaluation.goals.met": { en: "Met", zh: "已达成" },
  "evaluation.goals.missed": { en: "Not met", zh: "未达成" },
  "evaluation.goals.unknown": { en: "Not measured yet", zh: "尚未测量" },
  "evaluation.followUp.open": { en: "Open", zh: "待跟进" },
  "evaluation.followUp.progress": { en: "In progress", zh: "跟进中" },
  "evaluation.followUp.done": { en: "Done", zh: "已完成" },
  "evaluation.followUp.none": { en: "None needed", zh: "无需跟进" },
  "evaluation.yes": { en: "Yes", zh: "是" },
  "evaluation.no": { en: "No", zh: "否" },

  // Why a row or a field was left out ({found} is the value, described).
  "evaluation.problem.required": { en: "a value is required here", zh: "此处必须填写" },
  "evaluation.problem.number": { en: "expected a number, found {found}", zh: "应为数字，实际为{found}" },
  "evaluation.problem.positive": {
    en: "expected a number more than 0, found {found}",
    zh: "应为大于 0 的数字，实际为{found}",
  },
  "evaluation.problem.nonNegative": {
    en: "expected a number of 0 or more, found {found}",
    zh: "应为不小于 0 的数字，实际为{found}",
  },
  "evaluation.problem.date": {
    en: "expected a date like 2026-03-31, found {found}",
    zh: "应为日期（例如 2026-03-31），实际为{found}",
  },
  "evaluation.problem.email": {
    en: "expected an e-mail address, found {found}",
    zh: "应为电子邮件地址，实际为{found}",
  },
  "evaluation.problem.direction": {
    en: "expected Higher is better or Lower is better, found {found}",
    zh: "应为“越高越好”或“越低越好”，实际为{found}",
  },
  "evaluation.problem.taskStatus": {
    en: "expected To do, In progress, Blocked, Done or Cancelled, found {found}",
    zh: "应为待办、进行中、受阻、已完成或已取消，实际为{found}",
  },
  "evaluation.problem.rating": {
    en: "expected a rating from 1 to 5 (a whole number), found {found}",
    zh: "应为 1 到 5 的整数评分，实际为{found}",
  },
  "evaluation.problem.followUp": {
    en: "expected Open, In progress, Done or None needed, found {found}",
    zh: "应为待跟进、跟进中、已完成或无需跟进，实际为{found}",
  },
  "evaluation.problem.unknownCampaign": {
    en: "there is no campaign {campaign} on the Campaigns tab; the row is left out",
    zh: "“推广活动”工作表中没有推广活动 {campaign}；本行未计入",
  },
  "evaluation.problem.yesNo": { en: "expected Yes or No, found {found}", zh: "应为“是”或“否”，实际为{found}" },
  "evaluation.problem.dueBeforeStart": {
    en: "the due date is before the start ({start})",
    zh: "截止日期早于开始日期（{start}）",
  },
  "evaluation.problem.duplicateKpi": {
    en: "{campaign} already has the indicator “{indicator}” in row {first}; this row is left out",
    zh: "{campaign} 已在第 {first} 行设有指标“{indicator}”；本行未计入",
  },
  "evaluation.problem.unknownKpi": {
    en: "there is no KPI “{indicator}” for {campaign} on the KPIs tab; the reading is left out",
    zh: "监测指标表中没有 {campaign} 的指标“{indicator}”；该测量值未计入",
  },

  // Custom-function errors. {where} is empty for a single value, else evaluation.fn.at.
  "evaluation.fn.at": { en: " (row {row}, column {column} of its range)", zh: "（其区域第 {row} 行第 {column} 列）" },
  "evaluation.fn.single": { en: "a single value", zh: "单个值" },
  "evaluation.fn.size": { en: "{rows|# row|# rows} × {columns|# column|# columns}", zh: "{rows} 行 × {columns} 列" },
  "evaluation.fn.missing.KPI_ATTAINMENT": {
    en: "KPI_ATTAINMENT needs at least two arguments: target and actual.",
    zh: "KPI_ATTAINMENT 至少需要两个参数：目标值和实际值。",
  },
  "evaluation.fn.missing.CAMPAIGN_SCORE": {
    en: "CAMPAIGN_SCORE needs at least one argument: the attainments.",
    zh: "CAMPAIGN_SCORE 至少需要一个参数：达成率。",
  },
  "evaluation.fn.missing.CAMPAIGN_ROI": {
    en: "CAMPAIGN_ROI needs two arguments: revenue and cost.",
    zh: "CAMPAIGN_ROI 需要两个参数：收入和成本。",
  },
  "evaluation.fn.missing.CAMPAIGN_GRADE": {
    en: "CAMPAIGN_GRADE needs one argument: the score.",
    zh: "CAMPAIGN_GRADE 需要一个参数：得分。",
  },
  "evaluation.arg.target": { en: "target (the 1st argument)", zh: "目标值（第 1 个参数）" },
  "evaluation.arg.actual": { en: "actual (the 2nd argument)", zh: "实际值（第 2 个参数）" },
  "evaluation.arg.direction": { en: "direction (the 3rd argument)", zh: "方向（第 3 个参数）" },
  "evaluation.arg.attainments": { en: "attainments (the 1st argument)", zh: "达成率（第 1 个参数）" },
  "evaluation.arg.weights": { en: "weights (the 2nd argument)", zh: "权重（第 2 个参数）" },
  "evaluation.arg.cap": { en: "cap (the 3rd argument)", zh: "上限（第 3 个参数）" },
  "evaluation.arg.revenue": { en: "revenue (the 1st argument)", zh: "收入（第 1 个参数）" },
  "evaluation.arg.cost": { en: "cost (the 2nd argument)", zh: "成本（第 2 个参数）" },
  "evaluation.arg.score": { en: "score (the 1st argument)", zh: "得分（第 1 个参数）" },
  "evaluation.fn.notNumber": {
    en: "{fn}: {argument}{where} must be a number, but it is {found}.",
    zh: "{fn}：{argument}{where}必须是数字，但它是{found}。",
  },
  "evaluation.fn.shape": {
    en: "{fn}: {first} and {second} must be the same size, but {first} is {firstSize} and {second} is {secondSize}.",
    zh: "{fn}：{first}和{second}的大小必须相同，但{first}为{firstSize}，{second}为{secondSize}。",
  },
  "evaluation.fn.target": {
    en: "{fn}: the target{where} must be a number more than 0, but it is {found}.",
    zh: "{fn}：目标值{where}必须是大于 0 的数字，但它是{found}。",
  },
  "evaluation.fn.actualLower": {
    en: "{fn}: when lower is better, attainment is target / actual, so the actual{where} must be more than 0, but it is {found}.",
    zh: "{fn}：越低越好时达成率为目标值 / 实际值，因此实际值{where}必须大于 0，但它是{found}。",
  },
  "evaluation.fn.direction": {
    en: "{fn}: the direction{where} must be “higher” or “lower”, but it is {found}.",
    zh: "{fn}：方向{where}必须是“越高越好”（higher）或“越低越好”（lower），但它是{found}。",
  },
  "evaluation.fn.negativeWeight": {
    en: "{fn}: weights must be 0 or more, but the weight{where} is {found}.",
    zh: "{fn}：权重不能小于 0，但权重{where}是{found}。",
  },
  "evaluation.fn.zeroWeights": {
    en: "{fn}: the weights add up to 0, so there is nothing to average. Give at least one measured KPI a weight above 0.",
    zh: "{fn}：权重之和为 0，无法计算加权平均。请至少为一个已测量的指标设置大于 0 的权重。",
  },
  "evaluation.fn.cap": {
    en: "{fn}: the cap must be a number more than 0 (1.5 means 150 %), but it is {found}.",
    zh: "{fn}：上限必须是大于 0 的数字（1.5 表示 150%），但它是{found}。",
  },
  "evaluation.fn.cost": {
    en: "{fn}: the cost{where} must be more than 0, because ROI divides by it, but it is {found}.",
    zh: "{fn}：成本{where}必须大于 0（投资回报率以成本为除数），但它是{found}。",
  },
  "evaluation.fn.tooLarge": {
    en: "{fn}: the result{where} is too large for a number in a cell (the inputs are too big or too small); use numbers of a usual size.",
    zh: "{fn}：结果{where}超出单元格数字的范围（输入的数值过大或过小）；请使用常规大小的数值。",
  },
  "evaluation.fn.scale": {
    en: "{fn}: the grade thresholds in Settings cannot be used ({reason}). Write them like: A >= 1; B >= 0.85; C >= 0.7; D.",
    zh: "{fn}：“设置”中的评级阈值无法使用（{reason}）。请按此格式填写：A >= 1; B >= 0.85; C >= 0.7; D。",
  },
  "evaluation.fn.scaleArgument": {
    en: "{fn}: the thresholds given as the second argument cannot be used ({reason}). Give them like: A >= 1; B >= 0.85; C >= 0.7; D, or as two columns (grade, lowest score).",
    zh: "{fn}：第二个参数给出的评级阈值无法使用（{reason}）。请按此格式给出：A >= 1; B >= 0.85; C >= 0.7; D，或两列（等级、最低分）。",
  },
  "evaluation.scale.empty": { en: "the grade below all thresholds is missing", zh: "缺少低于所有阈值时的等级" },
  "evaluation.scale.grade": { en: "a grade has no name", zh: "有等级没有名称" },
  "evaluation.scale.duplicate": { en: "a grade is named twice", zh: "有等级名称重复" },
  "evaluation.scale.min": { en: "a threshold is not a number", zh: "有阈值不是数字" },
  "evaluation.scale.order": {
    en: "the thresholds must fall from the best grade to the worst",
    zh: "阈值必须从最高等级到最低等级依次递减",
  },

  // Monitoring alerts and the digest.
  "evaluation.alert.task_overdue": {
    en: "{campaign}: the task “{step}” was due on {due} and is {days|# day|# days} overdue (owner: {owner}).",
    zh: "{campaign}：任务“{step}”应于 {due} 完成，已逾期 {days} 天（负责人：{owner}）。",
  },
  "evaluation.alert.kpi_lagging": {
    en: "{campaign}: {indicator} is heading for {projected} {unit} against a target of {target} {unit} ({percent} % of target; last measured {date}).",
    zh: "{campaign}：指标“{indicator}”预计达到 {projected} {unit}，目标为 {target} {unit}（达成率 {percent}%；最近测量于 {date}）。",
  },
  "evaluation.alert.kpi_unmeasured": {
    en: "{campaign}: {indicator} (target {target} {unit}) has not been measured at all, and the campaign passed its middle on {mid}.",
    zh: "{campaign}：指标“{indicator}”（目标 {target} {unit}）至今没有任何测量值，而活动已于 {mid} 过半。",
  },
  "evaluation.alert.overspend": {
    en: "{campaign}: {spent} spent or committed against an approved budget of {approved}, {over} over.",
    zh: "{campaign}：已支出及已承诺费用 {spent}，批准预算 {approved}，超支 {over}。",
  },
  "evaluation.alert.request_waiting": {
    en: "{campaign}: the {type} request {request} has waited {days|# day|# days} for a decision (submitted {submitted}).",
    zh: "{campaign}：{type}申请 {request} 已等待审批 {days} 天（提交于 {submitted}）。",
  },
  "evaluation.digest.subject": {
    en: "Campaign Control: {count|# new alert|# new alerts}",
    zh: "推广活动管控：{count} 条新提醒",
  },
  "evaluation.digest.intro": {
    en: "These alerts are new since your last digest. The Monitor tab lists every current alert.",
    zh: "以下是自上次汇总以来的新提醒。“监控”工作表列出了当前的全部提醒。",
  },

  // The summary form, prefilled from the evaluation.
  "evaluation.summary.effect": {
    en: "Score {score} (grade {grade}); ROI {roi}; {met} of {kpis} goals attained.",
    zh: "得分 {score}（等级 {grade}）；投资回报率 {roi}；{kpis} 个目标中达成 {met} 个。",
  },
  "evaluation.summary.none": { en: "not available", zh: "暂无" },
} as const satisfies Readonly<Record<string, MessageText>>;

export type EvaluationMessageKey = keyof typeof EVALUATION_MESSAGES;

export const EVALUATION_MESSAGE_KEYS = Object.keys(EVALUATION_MESSAGES) as readonly EvaluationMessageKey[];

export type MessageParams = Readonly<Record<string, string | number>>;

/** The names inside `{...}` of a message, so a caller that forgets or misspells a parameter does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type EvaluationMessageParams<K extends EvaluationMessageKey> = {
  readonly [P in Placeholders<(typeof EVALUATION_MESSAGES)[K]["en"]>]: string | number;
};
