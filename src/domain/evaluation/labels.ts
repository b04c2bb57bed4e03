// The words monitoring and evaluation put into the workbook and the mail (tabs, columns, settings, toasts, digests), in English and Simplified Chinese; merged into the one catalog in catalog.ts.
import type { MessageText } from "./messages";

export const EVALUATION_LABELS = {
  "tab.kpis": { en: "KPIs", zh: "监测指标" },
  "tab.readings": { en: "KPI readings", zh: "指标测量" },
  "tab.evaluation": { en: "Evaluation report", zh: "评估报告" },
  "tab.summaries": { en: "Summaries", zh: "活动总结" },
  "tab.lessons": { en: "Lessons", zh: "经验教训" },
  "tab.scorecard": { en: "Scorecard", zh: "绩效考核" },
  "tab.monitor": { en: "Monitor", zh: "监控" },
  "tab.feedback": { en: "Feedback", zh: "反馈" },

  "col.kpis.campaign": { en: "Campaign", zh: "推广活动" },
  "col.kpis.campaign.help": {
    en: "ID of the campaign (the Campaigns tab's ID).",
    zh: "推广活动的 ID（即“推广活动”工作表中的 ID）。",
  },
  "col.kpis.indicator": { en: "Indicator", zh: "监测指标" },
  "col.kpis.indicator.help": {
    en: "What is measured, e.g. Leads, Sales, Cost per lead. Once per campaign.",
    zh: "监测的内容，例如线索数、销售额、单条线索成本。每个推广活动中不重复。",
  },
  "col.kpis.unit": { en: "Unit", zh: "单位" },
  "col.kpis.unit.help": {
    en: "Unit of target and actual, e.g. leads, CNY, %. Rates and scores (%, rate, score) are not extrapolated.",
    zh: "目标值和实际值的单位，例如条、元、%。比率和评分（%、rate、score）不按进度外推。",
  },
  "col.kpis.direction": { en: "Direction", zh: "方向" },
  "col.kpis.direction.help": {
    en: "Higher is better (sales, leads) or Lower is better (cost per lead). Empty: higher.",
    zh: "越高越好（销售额、线索数）或越低越好（单条线索成本）。留空表示越高越好。",
  },
  "col.kpis.target": { en: "Target", zh: "目标值" },
  "col.kpis.target.help": {
    en: "The goal, a number more than 0 (attainment is measured against it).",
    zh: "目标，必须是大于 0 的数字（达成率以它为基准）。",
  },
  "col.kpis.actual": { en: "Actual", zh: "实际值" },
  "col.kpis.actual.help": {
    en: "The final or current value. Empty: the latest reading on the KPI readings tab counts.",
    zh: "最终或当前的数值。留空时采用“指标测量”工作表中的最新测量值。",
  },
  "col.kpis.weight": { en: "Weight", zh: "权重" },
  "col.kpis.weight.help": {
    en: "How much the KPI counts in the campaign score. Empty: 1; 0: shown for information only.",
    zh: "该指标在活动得分中的比重。留空为 1；0 表示仅供参考、不计分。",
  },
  "col.kpis.source": { en: "Source", zh: "数据来源" },
  "col.kpis.source.help": {
    en: "Where the figure comes from, e.g. CRM, web analytics.",
    zh: "数据从何而来，例如 CRM、网站分析。",
  },
  "col.kpis.updated": { en: "Updated", zh: "更新日期" },
  "col.kpis.updated.help": { en: "When the actual was last updated.", zh: "实际值最近一次更新的日期。" },

  "col.readings.date": { en: "Date", zh: "日期" },
  "col.readings.date.help": { en: "The day the value was measured.", zh: "测量的日期。" },
  "col.readings.campaign": { en: "Campaign", zh: "推广活动" },
  "col.readings.campaign.help": { en: "ID of the campaign.", zh: "推广活动的 ID。" },
  "col.readings.indicator": { en: "Indicator", zh: "监测指标" },
  "col.readings.indicator.help": {
    en: "The indicator as written on the KPIs tab.",
    zh: "与“监测指标”工作表中写法一致的指标名称。",
  },
  "col.readings.value": { en: "Value", zh: "测量值" },
  "col.readings.value.help": {
    en: "The value as of that day; for counts, the running total so far.",
    zh: "截至当日的数值；计数类指标填写累计值。",
  },

  "col.evaluation.campaign": { en: "Campaign", zh: "推广活动" },
  "col.evaluation.campaign.help": {
    en: "Written by the add-on: one bold row per campaign, then one row per KPI.",
    zh: "由插件写入：每个推广活动一行（加粗），其后每个指标一行。",
  },
  "col.evaluation.name": { en: "Name", zh: "名称" },
  "col.evaluation.name.help": { en: "The campaign's name.", zh: "推广活动名称。" },
  "col.evaluation.indicator": { en: "Indicator", zh: "监测指标" },
  "col.evaluation.indicator.help": { en: "The KPI of this row.", zh: "本行的监测指标。" },
  "col.evaluation.target": { en: "Target", zh: "目标值" },
  "col.evaluation.target.help": { en: "The KPI's target.", zh: "指标的目标值。" },
  "col.evaluation.actual": { en: "Actual", zh: "实际值" },
  "col.evaluation.actual.help": {
    en: "The KPI's actual, else its latest reading.",
    zh: "指标的实际值；未填写时为最新测量值。",
  },
  "col.evaluation.attainment": { en: "Attainment", zh: "达成率" },
  "col.evaluation.attainment.help": {
    en: "Actual / target, or target / actual when lower is better.",
    zh: "实际值 / 目标值；越低越好时为目标值 / 实际值。",
  },
  "col.evaluation.weight": { en: "Weight", zh: "权重" },
  "col.evaluation.weight.help": { en: "The KPI's weight in the score.", zh: "指标在得分中的权重。" },
  "col.evaluation.met": { en: "Met", zh: "是否达标" },
  "col.evaluation.met.help": { en: "Whether the KPI reached its target.", zh: "指标是否达到目标值。" },
  "col.evaluation.score": { en: "Score", zh: "得分" },
  "col.evaluation.score.help": {
    en: "Weighted mean of the attainments, each counted up to the cap in Settings.",
    zh: "各指标达成率的加权平均，每项最多计到“设置”中的上限。",
  },
  "col.evaluation.grade": { en: "Grade", zh: "等级" },
  "col.evaluation.grade.help": {
    en: "From the score by the grade thresholds in Settings.",
    zh: "按“设置”中的评级阈值由得分得出。",
  },
  "col.evaluation.spend": { en: "Actual spend", zh: "实际支出" },
  "col.evaluation.spend.help": {
    en: "Actual spend from the budget tabs, in the default currency.",
    zh: "来自预算工作表的实际支出（默认币种）。",
  },
  "col.evaluation.revenue": { en: "Attributed revenue", zh: "归因收入" },
  "col.evaluation.revenue.help": {
    en: "The actual of the campaign's revenue KPI (the indicators named in Settings › revenue_indicators).",
    zh: "该推广活动收入类指标的实际值（“设置”中 revenue_indicators 所列的指标）。",
  },
  "col.evaluation.roi": { en: "ROI", zh: "投资回报率" },
  "col.evaluation.roi.help": {
    en: "(revenue - spend) / spend.",
    zh: "（收入 - 支出）/ 支出。",
  },
  "col.evaluation.goals": { en: "Goals met", zh: "目标达成" },
  "col.evaluation.goals.help": {
    en: "Met when every KPI that counts reached its target.",
    zh: "所有计分指标均达到目标值时为“已达成”。",
  },
  "col.evaluation.feedback": { en: "Feedback", zh: "反馈数" },
  "col.evaluation.feedback.help": {
    en: "Rows of feedback for the campaign: the Feedback tab and the linked form responses.",
    zh: "该活动的反馈条数：“反馈”工作表与关联表单的回复。",
  },
  "col.evaluation.rating": { en: "Mean rating", zh: "平均评分" },
  "col.evaluation.rating.help": { en: "Mean of the ratings given (1 to 5).", zh: "已给出评分（1 到 5）的平均值。" },
  "col.evaluation.low": { en: "Low ratings", zh: "低分数" },
  "col.evaluation.low.help": {
    en: "Ratings at or below feedback_low_rating in Settings (2: ratings 1 and 2).",
    zh: "不高于“设置”中 feedback_low_rating 的评分条数（2 表示 1 分和 2 分）。",
  },
  "col.evaluation.low_open": { en: "Low, follow-up open", zh: "低分待跟进" },
  "col.evaluation.low_open.help": {
    en: "Share of the low ratings whose follow-up is still Open or In progress.",
    zh: "低分中跟进状态仍为“待跟进”或“跟进中”的比例。",
  },

  "col.feedback.date": { en: "Date", zh: "日期" },
  "col.feedback.date.help": { en: "The day the feedback was given.", zh: "收到反馈的日期。" },
  "col.feedback.campaign": { en: "Campaign", zh: "推广活动" },
  "col.feedback.campaign.help": {
    en: "ID of the campaign (the Campaigns tab's ID).",
    zh: "推广活动的 ID（即“推广活动”工作表中的 ID）。",
  },
  "col.feedback.channel": { en: "Channel", zh: "渠道" },
  "col.feedback.channel.help": {
    en: "Where the feedback came from, e.g. Event, Email, Survey.",
    zh: "反馈的来源，例如活动现场、邮件、问卷。",
  },
  "col.feedback.rating": { en: "Rating", zh: "评分" },
  "col.feedback.rating.help": {
    en: "A whole number from 1 (poor) to 5 (excellent); empty when none was given.",
    zh: "1（差）到 5（优）的整数；未评分时留空。",
  },
  "col.feedback.comment": { en: "Comment", zh: "意见" },
  "col.feedback.comment.help": { en: "What the participant or customer said.", zh: "参与者或客户的意见。" },
  "col.feedback.owner": { en: "Follow-up owner", zh: "跟进人" },
  "col.feedback.owner.help": { en: "Who follows the feedback up.", zh: "负责跟进该反馈的人。" },
  "col.feedback.state": { en: "Follow-up", zh: "跟进状态" },
  "col.feedback.state.help": {
    en: "Open, In progress, Done or None needed. Empty: Open.",
    zh: "待跟进、跟进中、已完成或无需跟进。留空表示待跟进。",
  },

  "col.summaries.campaign": { en: "Campaign", zh: "推广活动" },
  "col.summaries.campaign.help": { en: "ID of the campaign summed up.", zh: "所总结推广活动的 ID。" },
  "col.summaries.goals_met": { en: "Goals met", zh: "目标是否达成" },
  "col.summaries.goals_met.help": {
    en: "Yes or No, as the summary states it.",
    zh: "按总结填写“是”或“否”。",
  },
  "col.summaries.effect": { en: "Effect", zh: "活动效果" },
  "col.summaries.effect.help": { en: "What the campaign achieved.", zh: "活动取得的效果。" },
  "col.summaries.problems": { en: "Problems", zh: "存在问题" },
  "col.summaries.problems.help": { en: "What went wrong.", zh: "出现了哪些问题。" },
  "col.summaries.improvements": { en: "Improvements", zh: "改进措施" },
  "col.summaries.improvements.help": { en: "What to do better next time.", zh: "下次如何做得更好。" },
  "col.summaries.accepted_by": { en: "Accepted by", zh: "验收人" },
  "col.summaries.accepted_by.help": {
    en: "Written by the add-on when the approver accepts the summary.",
    zh: "审批人验收总结时由插件写入。",
  },
  "col.summaries.accepted_at": { en: "Accepted at", zh: "验收时间" },
  "col.summaries.accepted_at.help": {
    en: "Written by the add-on when the approver accepts the summary.",
    zh: "审批人验收总结时由插件写入。",
  },

  "col.lessons.campaign": { en: "Campaign", zh: "推广活动" },
  "col.lessons.campaign.help": { en: "ID of the campaign the lesson comes from.", zh: "经验来源推广活动的 ID。" },
  "col.lessons.channels": { en: "Channels", zh: "渠道" },
  "col.lessons.channels.help": {
    en: "The channels it concerns, separated by commas.",
    zh: "涉及的渠道，用逗号分隔。",
  },
  "col.lessons.audience": { en: "Audience", zh: "目标受众" },
  "col.lessons.audience.help": { en: "Who the campaign was for.", zh: "活动面向的人群。" },
  "col.lessons.tags": { en: "Category tags", zh: "类别标签" },
  "col.lessons.tags.help": {
    en: "Categories to find the lesson by, e.g. launch, trade fair, B2B; separated by commas.",
    zh: "用于检索的类别，例如新品发布、展会、B2B；用逗号分隔。",
  },
  "col.lessons.lesson": { en: "Lesson", zh: "经验" },
  "col.lessons.lesson.help": { en: "What was learned.", zh: "总结出的经验或教训。" },
  "col.lessons.recommendation": { en: "Recommendation", zh: "建议" },
  "col.lessons.recommendation.help": { en: "What the next plan should do.", zh: "下一个方案应当怎么做。" },

  "col.scorecard.owner": { en: "Owner", zh: "负责人" },
  "col.scorecard.owner.help": {
    en: "Written by the add-on: one row per person and period.",
    zh: "由插件写入：每人每期一行。",
  },
  "col.scorecard.period": { en: "Period", zh: "考核期" },
  "col.scorecard.period.help": { en: "Month (2026-03) or quarter (2026-Q1).", zh: "月（2026-03）或季度（2026-Q1）。" },
  "col.scorecard.campaigns": { en: "Campaigns run", zh: "执行活动数" },
  "col.scorecard.campaigns.help": {
    en: "Campaigns owned that ran and end in the period.",
    zh: "本期结束、且已执行的本人负责的推广活动数。",
  },
  "col.scorecard.budget_adherence": { en: "Budget adherence", zh: "预算遵守率" },
  "col.scorecard.budget_adherence.help": {
    en: "Share of the budgeted campaigns that stayed within the approved budget.",
    zh: "有预算的推广活动中未超出批准预算的比例。",
  },
  "col.scorecard.tasks_due": { en: "Tasks due", zh: "到期任务数" },
  "col.scorecard.tasks_due.help": {
    en: "Tasks owned, due in the period, done or overdue.",
    zh: "本期到期、已完成或已逾期的本人任务数。",
  },
  "col.scorecard.on_time_rate": { en: "On-time rate", zh: "按时完成率" },
  "col.scorecard.on_time_rate.help": {
    en: "Share of those tasks done by their due date (Completed on no later than Due), out of those whose timeliness is known: tasks done without a completion date are left out.",
    zh: "上述任务中在截止日期前（含当天）完成的比例；只计能判断是否按时的任务，未填完成日期的已完成任务不计入。",
  },
  "col.scorecard.tasks_unknown": { en: "Done, no date", zh: "已完成无日期" },
  "col.scorecard.tasks_unknown.help": {
    en: "Of the tasks due, those marked Done without a Completed on date (pasted or typed rows): neither on time nor late, so left out of the on-time rate. Fill in Completed on to count them.",
    zh: "到期任务中标为“已完成”但没有完成日期的任务数（粘贴或手工录入的行）：无法判断是否按时，不计入按时完成率。填写“完成日期”后即计入。",
  },
  "col.scorecard.mean_attainment": { en: "Mean attainment", zh: "平均达成率" },
  "col.scorecard.mean_attainment.help": {
    en: "Mean score of the campaigns (weighted, capped attainment).",
    zh: "各推广活动得分（加权、封顶后的达成率）的平均值。",
  },
  "col.scorecard.score": { en: "Score", zh: "得分" },
  "col.scorecard.score.help": {
    en: "Weighted mean of the three figures (weights in Settings), each counted up to 100 %.",
    zh: "三项指标的加权平均（权重见“设置”），每项最多计 100%。",
  },
  "col.scorecard.tier": { en: "Suggested tier", zh: "建议等级" },
  "col.scorecard.tier.help": {
    en: "Recognition, meets expectations or needs improvement, by the rules in Settings. A suggestion, not a verdict.",
    zh: "按“设置”中的规则给出：表彰、达到预期或需要改进。仅为建议，不是结论。",
  },

  "col.monitor.severity": { en: "Severity", zh: "严重程度" },
  "col.monitor.severity.help": {
    en: "Written by the add-on at every monitoring run: the current alerts, most urgent first.",
    zh: "每次监控运行时由插件写入：当前全部提醒，最紧急的在前。",
  },
  "col.monitor.kind": { en: "Alert", zh: "提醒类型" },
  "col.monitor.kind.help": {
    en: "Overdue task, lagging indicator, overspend or request waiting.",
    zh: "任务逾期、指标落后、超支或审批待处理。",
  },
  "col.monitor.campaign": { en: "Campaign", zh: "推广活动" },
  "col.monitor.campaign.help": { en: "ID of the campaign.", zh: "推广活动的 ID。" },
  "col.monitor.message": { en: "Details", zh: "详情" },
  "col.monitor.message.help": { en: "What is wrong, with the figures.", zh: "问题及相关数据。" },
  "col.monitor.notify": { en: "Notified", zh: "通知对象" },
  "col.monitor.notify.help": {
    en: "Who receives the alert in their digest.",
    zh: "在汇总邮件中收到该提醒的人。",
  },
  "col.monitor.since": { en: "First seen", zh: "首次发现" },
  "col.monitor.since.help": {
    en: "The run that first found this situation.",
    zh: "首次发现该情况的运行时间。",
  },
  "col.monitor.key": { en: "Alert key", zh: "提醒标识" },
  "col.monitor.key.help": {
    en: "Names the situation, so a digest tells what it already sent. Written by the add-on.",
    zh: "标识该情况，使汇总邮件知道哪些已发送过。由插件写入。",
  },

  "setting.grade_thresholds": {
    en: "Grades by score, best first: A >= 1; B >= 0.85; C >= 0.7; D (the last grade has no threshold).",
    zh: "按得分评级，从高到低：A >= 1; B >= 0.85; C >= 0.7; D（最后一个等级不设阈值）。",
  },
  "setting.score_cap": {
    en: "Each KPI's attainment counts up to this in the score (1.5 = 150 %).",
    zh: "每个指标的达成率在得分中最多计到此值（1.5 = 150%）。",
  },
  "setting.lag_threshold": {
    en: "A KPI whose projected attainment is below this is reported as lagging (0.9 = 90 %).",
    zh: "预计达成率低于此值的指标报告为落后（0.9 = 90%）。",
  },
  "setting.request_wait_days": {
    en: "A request waiting longer than this many days for a decision is reported.",
    zh: "等待审批超过此天数的申请将被报告。",
  },
  "setting.escalate_after_days": {
    en: "An overdue task or a waiting request older than this many days is critical.",
    zh: "逾期任务或待审批申请超过此天数即为严重。",
  },
  "setting.managers": {
    en: "Who receives the monitoring digest (e-mails, separated by commas). Empty: the approvers.",
    zh: "接收监控汇总邮件的人（电子邮件，用逗号分隔）。留空：所有审批人。",
  },
  "setting.revenue_indicators": {
    en: "KPI indicators whose actual is the campaign's attributed revenue (for ROI), separated by commas.",
    zh: "其实际值作为推广活动归因收入（用于投资回报率）的指标名称，用逗号分隔。",
  },
  "setting.scorecard_period": {
    en: "Scorecard period: month or quarter.",
    zh: "绩效考核周期：month（月）或 quarter（季度）。",
  },
  "setting.scorecard_weights": {
    en: "Weights of budget adherence, on-time rate and attainment in a person's score, e.g. budget 1; on time 1; attainment 2.",
    zh: "个人得分中预算遵守率、按时完成率和达成率的权重，例如 budget 1; on time 1; attainment 2。",
  },
  "setting.scorecard_recognition": {
    en: "A scorecard score at or above this suggests recognition (0.9 = 90 %).",
    zh: "绩效得分不低于此值时建议表彰（0.9 = 90%）。",
  },
  "problem.formColumn": {
    en: "no question of this linked form is titled so; its responses are left out",
    zh: "该关联表单中没有以此为标题的问题；其回复未计入",
  },
  "setting.feedback_low_rating": {
    en: "A feedback rating at or below this is low (2: ratings 1 and 2 of 5).",
    zh: "不高于此值的反馈评分为低分（2 表示 5 分制中的 1 分和 2 分）。",
  },
  "setting.feedback_forms": {
    en: "Tabs of linked Google Form responses read as feedback, by their question titles (Campaign, Channel, Rating, Comment). Empty: Form Responses 1.",
    zh: "作为反馈读取的 Google 表单回复工作表，按问题标题（推广活动、渠道、评分、意见）对应。留空表示“表单回复 1”。",
  },
  "setting.scorecard_improvement": {
    en: "A scorecard score below this suggests an improvement plan (0.6 = 60 %).",
    zh: "绩效得分低于此值时建议制定改进计划（0.6 = 60%）。",
  },

  "problem.evaluationSetting": {
    en: "the setting {key} cannot be {found}; the default {fallback} is used until it is fixed",
    zh: "设置项 {key} 不能为{found}；在修正之前使用默认值 {fallback}",
  },

  "report.done": {
    en: "Evaluation report refreshed: {campaigns|# campaign|# campaigns}, {kpis|# KPI|# KPIs}. {problems|# row needs|# rows need} attention.",
    zh: "评估报告已刷新：{campaigns} 个推广活动，{kpis} 个指标。{problems} 行需要处理。",
  },
  "report.chartData": { en: "Chart data: {campaign}", zh: "图表数据：{campaign}" },
  "report.chartTitle": {
    en: "{campaign}: {indicator} against target",
    zh: "{campaign}：指标“{indicator}”的实际值与目标值",
  },
  "report.seriesDate": { en: "Date", zh: "日期" },
  "report.seriesTarget": { en: "Target", zh: "目标值" },
  "report.noSetup": {
    en: "The {tab} tab is missing. Choose Set up workbook in the add-on menu first.",
    zh: "缺少“{tab}”工作表。请先在插件菜单中选择“设置工作簿”。",
  },
  "report.scorecardDone": {
    en: "Scorecard updated: {rows|# row|# rows}.",
    zh: "绩效考核已更新：{rows} 行。",
  },

  "monitor.digest.line": { en: "[{severity}] {kind}: {message}", zh: "【{severity}】{kind}：{message}" },
  "monitor.digest.more": {
    en: "… and {count} more: see the Monitor tab.",
    zh: "……另有 {count} 条，请查看“监控”工作表。",
  },
  "monitor.digest.link": { en: "Open the workbook: {link}", zh: "打开工作簿：{link}" },
  "monitor.stoppedEarly": {
    en: "The run stopped before its time limit; {count|# digest waits|# digests wait} for the next run.",
    zh: "本次运行在时间上限前停止；{count} 封汇总邮件留待下次运行发送。",
  },
  "monitor.quota": {
    en: "The daily e-mail quota is used up; {count|# digest waits|# digests wait} for the next run.",
    zh: "今日邮件配额已用完；{count} 封汇总邮件留待下次运行发送。",
  },
  "monitor.interrupted": {
    en: "An earlier run was stopped while e-mailing {to}; that digest may not have gone out and is not sent again, so nobody gets it twice. The Monitor tab lists every current alert.",
    zh: "此前一次运行在向 {to} 发送邮件时被中断；该汇总邮件可能未发出，为避免重复不再补发。“监控”工作表列出当前全部提醒。",
  },
  "monitor.overBudget": {
    en: "Scheduled runs used {minutes} minutes today, near the {budget}-minute daily budget (the trigger quota is 90 minutes a day): the next full run waits for tomorrow. Run now refreshes at once.",
    zh: "今日定时运行已用 {minutes} 分钟，接近每日 {budget} 分钟的预算（触发器配额为每日 90 分钟）：下一次完整运行推迟到明天。点击“立即运行”可马上刷新。",
  },
  "monitor.unaddressed": {
    en: "{count|# alert has|# alerts have} nobody to e-mail: name managers in Settings or set up approvers.",
    zh: "{count} 条提醒无人可通知：请在“设置”中填写 managers 或设置审批人。",
  },
  "monitor.notAdmin": {
    en: "Only an admin can change the monitoring schedule. Ask the spreadsheet owner ({owner}).",
    zh: "只有管理员可以更改监控计划。请联系表格所有者（{owner}）。",
  },
  "monitor.retired": {
    en: "This trigger was replaced by the schedule {owner} set; it removed itself.",
    zh: "该触发器已被 {owner} 设置的计划取代，已自行删除。",
  },
  "monitor.ran": {
    en: "Monitoring ran: {alerts} alerts, {sent} digests sent.",
    zh: "监控已运行：{alerts} 条提醒，已发送 {sent} 封汇总邮件。",
  },

  "summary.notCompleted": {
    en: "{id} is {state}: a summary is submitted once the campaign is Completed.",
    zh: "{id} 当前为“{state}”：推广活动完成后才能提交总结。",
  },
  "summary.effect": { en: "Describe the campaign's effect.", zh: "请填写活动效果。" },
  "summary.lesson": { en: "Lesson {n}: write what was learned.", zh: "第 {n} 条经验：请填写总结出的经验。" },
  "summary.notOwner": {
    en: "Only the campaign's owner ({owner}) or an admin starts or completes it.",
    zh: "只有推广活动负责人（{owner}）或管理员可以启动或完成该活动。",
  },
  "summary.open": {
    en: "A summary of {id} already waits for a decision.",
    zh: "{id} 已有一份总结在等待审批。",
  },
} as const satisfies Readonly<Record<string, MessageText>>;

export type EvaluationLabelKey = keyof typeof EVALUATION_LABELS;

/** One language of a `{ en, zh }` table, keyed as the table is: how such tables join the app catalog. */
export function textsIn<T extends Readonly<Record<string, MessageText>>, L extends keyof MessageText>(
  table: T,
  lang: L,
): { readonly [K in keyof T]: T[K][L] } {
  const out: Record<string, string> = {};
  for (const key of Object.keys(table)) out[key] = (table[key] as MessageText)[lang];
  return out as { readonly [K in keyof T]: T[K][L] };
}
