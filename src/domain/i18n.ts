// The one message catalog: every word the add-on shows (menus, tabs, column labels, help, cells, mail, errors,
// sidebars), in English and Simplified Chinese. The workflow engine's messages are merged in from
// workflow/messages.ts, so there is one catalog and one t(). `zh` must have exactly the keys of `en`, so a missing
// translation is a compile error. Texts only the sidebars show live in their own section (UI_EN / UI_ZH): the
// server never references them, so the bundler leaves them out of Code.js.

import { EVALUATION_LABELS, textsIn } from "./evaluation/labels";
import { EVALUATION_MESSAGES } from "./evaluation/messages";
import { SPEND_MESSAGES, type SpendMessageKey } from "./spend/messages";
import { WORKFLOW_MESSAGES, type WorkflowMessageKey } from "./workflow/messages";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

const EN = {
  "app.name": "Campaign Control",

  "menu.setUp": "Set up workbook",
  "menu.campaigns": "My campaigns",
  "menu.approvals": "Approvals",
  "menu.verifyLog": "Verify audit log",
  "menu.roles": "Roles and settings",

  "tab.campaigns": "Campaigns",
  "tab.settings": "Settings",
  "tab.tasks": "Tasks",
  "tab.escalations": "Escalations",
  "tab.log": "Approval log",
  "tab.notifications": "Notifications",

  "col.campaigns.id": "ID",
  "col.campaigns.id.help":
    "A short unique code for the campaign, e.g. C-2026-01. Other tabs refer to the campaign by it.",
  "col.campaigns.name": "Name",
  "col.campaigns.name.help": "What the campaign is called.",
  "col.campaigns.owner": "Owner",
  "col.campaigns.owner.help": "E-mail address of the person responsible for the campaign.",
  "col.campaigns.objective": "Objective",
  "col.campaigns.objective.help": "What the campaign should achieve, in one or two sentences.",
  "col.campaigns.audience": "Target audience",
  "col.campaigns.audience.help": "Who the campaign is for.",
  "col.campaigns.channels": "Channels",
  "col.campaigns.channels.help": "The channels used, separated by commas, e.g. Email, Social media, Events.",
  "col.campaigns.content": "Content",
  "col.campaigns.content.help": "The main messages and materials of the campaign.",
  "col.campaigns.place": "Place",
  "col.campaigns.place.help": "Where the campaign takes place (city, venue, market or online).",
  "col.campaigns.start": "Start",
  "col.campaigns.start.help": "First day of the campaign, e.g. 2026-03-01.",
  "col.campaigns.end": "End",
  "col.campaigns.end.help": "Last day of the campaign, e.g. 2026-03-31. Not before the start.",
  "col.campaigns.budget": "Total budget",
  "col.campaigns.budget.help": "The total planned budget of the campaign, an amount of 0 or more.",
  "col.campaigns.currency": "Currency",
  "col.campaigns.currency.help": "Currency of the budget (ISO code). Empty means the currency in Settings.",
  "col.campaigns.kpis": "KPIs",
  "col.campaigns.kpis.help":
    "Measurable goals with targets, separated by semicolons, e.g. Leads 500; Conversion 2 %; CPL <= 8.",
  "col.campaigns.status": "Status",
  "col.campaigns.status.help":
    "Where the campaign stands, written by the add-on from the approval log. A hand edit here changes nothing and is rewritten.",

  "col.tasks.campaign": "Campaign",
  "col.tasks.campaign.help": "ID of the campaign this task belongs to (the Campaigns tab's ID).",
  "col.tasks.step": "Step",
  "col.tasks.step.help": "What is done in this step of the execution plan.",
  "col.tasks.owner": "Task owner",
  "col.tasks.owner.help": "E-mail address of the person who does it.",
  "col.tasks.start": "Task start",
  "col.tasks.start.help": "When the step starts, e.g. 2026-03-10.",
  "col.tasks.due": "Due",
  "col.tasks.due.help": "When the step must be done; not after the campaign's end.",
  "col.tasks.deliverable": "Deliverable",
  "col.tasks.deliverable.help": "What the step delivers.",
  "col.tasks.status": "Task status",
  "col.tasks.status.help": "Where the step stands.",

  "col.escalations.id": "Report ID",
  "col.escalations.id.help": "Written by the add-on.",
  "col.escalations.campaign": "Campaign ID",
  "col.escalations.campaign.help": "ID of the campaign the problem concerns.",
  "col.escalations.reported_at": "Reported",
  "col.escalations.reported_at.help": "When the problem was reported.",
  "col.escalations.reported_by": "Reported by",
  "col.escalations.reported_by.help": "Who reported it.",
  "col.escalations.severity": "Severity",
  "col.escalations.severity.help": "How urgent the problem is.",
  "col.escalations.problem": "Problem",
  "col.escalations.problem.help": "What happened.",
  "col.escalations.instruction": "Instruction",
  "col.escalations.instruction.help": "The superior's instruction, given in the Approvals sidebar.",
  "col.escalations.answered_by": "Answered by",
  "col.escalations.answered_by.help": "Who gave the instruction.",
  "col.escalations.answered_at": "Answered",
  "col.escalations.answered_at.help": "When the instruction was given.",
  "col.escalations.state": "Report state",
  "col.escalations.state.help": "Open until a superior answers.",

  "col.log.seq": "No.",
  "col.log.id": "Event ID",
  "col.log.at": "Time",
  "col.log.actor": "By",
  "col.log.onBehalfOf": "On behalf of",
  "col.log.entityType": "Entity",
  "col.log.entityId": "Entity ID",
  "col.log.requestId": "Request ID",
  "col.log.requestType": "Request type",
  "col.log.requestVersion": "Version",
  "col.log.action": "Action",
  "col.log.fromState": "From state",
  "col.log.toState": "To state",
  "col.log.level": "Level",
  "col.log.comment": "Comment",
  "col.log.snapshot": "Snapshot",
  "col.log.prevHash": "Previous hash",
  "col.log.hash": "Hash",
  "col.log.help":
    "Written only by the add-on, one row per event, chained by keyed hashes: a hand edit, deletion or insertion is found by Verify audit log.",

  "col.notifications.at": "Sent at",
  "col.notifications.campaign": "For campaign",
  "col.notifications.to": "To",
  "col.notifications.subject": "Subject",
  "col.notifications.status": "Result",
  "col.notifications.reason": "Reason",
  "col.notifications.help": "Every e-mail the add-on tried to send, and whether it went out.",

  "col.settings.key": "Setting",
  "col.settings.key.help": "The name of the setting. Do not change it: the add-on looks settings up by this name.",
  "col.settings.value": "Value",
  "col.settings.value.help": "The value of the setting. Change it here (roles: in Roles and settings).",
  "col.settings.description": "Description",
  "col.settings.description.help": "What the setting does.",

  "setting.currency": "Default currency of amounts (ISO code, e.g. USD, EUR, CNY).",
  "setting.warning_threshold": "Share of the budget at which spending is flagged (0.9 = 90 %).",
  "setting.language": "Language of the add-on's messages: auto (each user's own), en or zh.",
  "setting.channels": "Channels a plan may use, separated by commas. Empty: any channel.",
  "setting.categories": "Budget categories, separated by commas.",
  "setting.admins":
    "Administrators. Shown here only: change roles in Extensions › Campaign Control › Roles and settings (the owner is always an admin).",
  "setting.approval_levels":
    "Approvers by level and the highest amount each level decides (in the default currency). Shown here only.",
  "setting.finance": "Finance: who marks reimbursements paid. Shown here only.",
  "setting.delegations": "Who decides for an approver who is away, and when. Shown here only.",

  "rights.owner": "{email} (owner)",
  "rights.level": "Level {n}: {approvers}, up to {limit}",
  "rights.levelTop": "Level {n}: {approvers}, no limit",
  "rights.delegation": "{delegate} for {approver}, {from} – {to}",
  "rights.none": "(none)",

  "taskStatus.todo": "To do",
  "taskStatus.in_progress": "Doing",
  "taskStatus.blocked": "Blocked",
  "taskStatus.done": "Done",
  "taskStatus.cancelled": "Dropped",
  "severity.low": "Low",
  "severity.medium": "Medium",
  "severity.high": "High",
  "severity.critical": "Critical",
  "escState.open": "Open",
  "escState.answered": "Answered",
  "noticeStatus.sent": "Sent",
  "noticeStatus.failed": "Not sent",

  "validation.list": "Choose a value from the list.",
  "validation.date": "Enter a date, e.g. 2026-03-31.",
  "validation.money": "Enter an amount of 0 or more.",

  "found.blank": "an empty cell",
  "found.text": "the text “{text}”",
  "found.number": "the number {number}",
  "found.boolean": "the value {value}",
  "found.date": "a date",
  "found.other": "a value that is not a number",

  "problem.where": "{tab}, row {row}, column {column} ({label}): {reason}",
  "problem.cell": "{tab}, row {row}, column {column} ({label})",
  "problem.missingColumn": "the column is missing; choose Set up workbook in the add-on menu to add it",
  "problem.required": "a value is required here",
  "problem.text": "expected text, found {found}",
  "problem.date": "expected a date like 2026-03-31, found {found}",
  "problem.money": "expected an amount of 0 or more, found {found}",
  "problem.number": "expected a number, found {found}",
  "problem.choice": "expected one of {choices}, found {found}",
  "problem.duplicateId": "the ID “{id}” is already used in row {row}",
  "problem.setting": "the setting {key} cannot be {found}; the default is used until it is fixed",
  "problem.endBeforeStart": "the end {end} is before the start {start}",
  "problem.statusDrift": "the Status says “{cell}” but the approval log says “{state}”; the add-on rewrites it",
  "problem.noRow": "the approval log has events for {id}, but no row of the {tab} tab has this ID",

  "variance.argument.planned": "planned (the 1st argument)",
  "variance.argument.actual": "actual (the 2nd argument)",
  "variance.missing": "BUDGET_VARIANCE needs two arguments: planned and actual.",
  "variance.notNumber": "BUDGET_VARIANCE: {argument} must be a number, but it is {found}.",
  "variance.notNumberAt":
    "BUDGET_VARIANCE: {argument} must hold numbers, but row {row}, column {column} of its range is {found}.",
  "variance.shape":
    "BUDGET_VARIANCE: planned and actual must be the same size, but planned is {planned} and actual is {actual}.",
  "variance.single": "a single value",
  "variance.size": "{rows} rows × {columns} columns",

  "setup.title": "Campaign Control",
  "setup.done": "Workbook set up: {tabs} tabs created, {columns} columns added, {settings} settings added.",
  "setup.unchanged": "The workbook is already set up; nothing needed to change.",
  "setup.busy": "Someone else is changing the workbook right now. Try again in a moment.",

  "rpc.invalidRequest": "{fn}: the request is not valid: {details}",
  "rpc.noCampaign": "There is no campaign with the ID “{id}” on the {tab} tab.",
  "rpc.noTab": "The {tab} tab is missing. Choose Set up workbook in the add-on menu first.",
  "rpc.signedOut":
    "The add-on cannot tell who you are: your e-mail address is not available. Sign in with the Google account that has access to this spreadsheet and try again.",
  "rpc.busy": "Someone else is saving right now. Nothing was changed; try again in a moment.",
  "rpc.notAdmin": "Only an admin can change roles. Ask the spreadsheet owner ({owner}).",
  "rpc.notDraft": "{id} is no longer a draft: approved values change only through a change request.",
  "rpc.tooLong": "At most {max} characters.",
  "rpc.noLog": "The {tab} tab is missing: choose Set up workbook first.",
  "rpc.notAnswerer": "Only approvers and admins answer a reported problem, and not one they reported.",
  "rpc.noEscalation": "There is no open problem report {id}.",
  "rpc.severity": "Choose how urgent the problem is.",
  "rpc.problem": "Describe the problem.",
  "rpc.instruction": "Write the instruction.",
  "rpc.requestIdTaken": "This request ID is already used by campaign {id}.",
  "roles.email.invalid": "“{email}” is not an e-mail address.",
  "roles.limitInvalid": "Enter an amount, or leave it blank for no limit.",

  "verify.title": "Verify audit log",
  "verify.ok": "The approval log is intact: {count} events, each sealed and in order.",
  "verify.broken":
    "{detail} Submissions and decisions are paused. An admin repairs this by restoring the {tab} tab from File › Version history to the version before the edit.",

  "guard.note":
    "Approved value: {value}\nThis campaign is approved: a change takes effect only through an approved change request (My campaigns › Submit change request).",
  "guard.toast": "{field} of {id} was approved as “{value}”. The edit needs an approved change request.",

  "mail.subject.waiting": "Approval needed: {campaign} ({type})",
  "mail.body.waiting":
    "{who} submitted a request that waits for your decision (level {level} of {levels}).\n\nCampaign: {campaign} ({id})\nRequest: {type}\nAmount: {amount}\nComment: {comment}\n\nOpen the campaign's row: {link}\nDecide in Extensions › Campaign Control › Approvals.",
  "mail.subject.decided": "{decision}: {campaign} ({type})",
  "mail.body.decided":
    "{who} decided your request: {decision}.\n\nCampaign: {campaign} ({id})\nRequest: {type}\nThe campaign is now: {state}\nComment: {comment}\n\nOpen the campaign's row: {link}",
  "mail.subject.escalation": "Problem reported ({severity}): {campaign}",
  "mail.body.escalation":
    "{who} reported a problem.\n\nCampaign: {campaign} ({id})\nSeverity: {severity}\nProblem: {problem}\n\nOpen the campaign's row: {link}\nAnswer in Extensions › Campaign Control › Approvals.",
  "mail.subject.answer": "Instruction on your problem report: {campaign}",
  "mail.body.answer":
    "{who} answered the problem you reported.\n\nCampaign: {campaign} ({id})\nProblem: {problem}\nInstruction: {instruction}\n\nOpen the campaign's row: {link}",
  "mail.onBehalf": "{actor} for {approver}",
  "mail.none": "(none)",
  "mail.quota": "the daily e-mail quota is used up",
  "mail.noRecipient": "nobody to notify: no approver is named for level {level}",
} as const;

type OwnKey = keyof typeof EN;

const ZH: { readonly [K in OwnKey]: string } = {
  "app.name": "推广活动管控",

  "menu.setUp": "设置工作簿",
  "menu.campaigns": "我的推广活动",
  "menu.approvals": "审批",
  "menu.verifyLog": "校验审批记录",
  "menu.roles": "角色与设置",

  "tab.campaigns": "推广活动",
  "tab.settings": "设置",
  "tab.tasks": "执行任务",
  "tab.escalations": "问题上报",
  "tab.log": "审批记录",
  "tab.notifications": "通知记录",

  "col.campaigns.id": "编号",
  "col.campaigns.id.help": "推广活动的唯一短编号，例如 C-2026-01。其他工作表通过该编号引用此活动。",
  "col.campaigns.name": "活动名称",
  "col.campaigns.name.help": "推广活动的名称。",
  "col.campaigns.owner": "负责人",
  "col.campaigns.owner.help": "活动负责人的电子邮件地址。",
  "col.campaigns.objective": "活动目标",
  "col.campaigns.objective.help": "活动要达成的目标，用一两句话说明。",
  "col.campaigns.audience": "目标受众",
  "col.campaigns.audience.help": "活动面向的人群。",
  "col.campaigns.channels": "推广渠道",
  "col.campaigns.channels.help": "使用的渠道，用逗号分隔，例如：电子邮件, 社交媒体, 线下活动。",
  "col.campaigns.content": "活动内容",
  "col.campaigns.content.help": "活动的主要信息和宣传材料。",
  "col.campaigns.place": "活动地点",
  "col.campaigns.place.help": "活动举办的地点（城市、场馆、市场或线上）。",
  "col.campaigns.start": "开始日期",
  "col.campaigns.start.help": "活动的第一天，例如 2026-03-01。",
  "col.campaigns.end": "结束日期",
  "col.campaigns.end.help": "活动的最后一天，例如 2026-03-31，不得早于开始日期。",
  "col.campaigns.budget": "总预算",
  "col.campaigns.budget.help": "活动的计划总预算，金额不小于 0。",
  "col.campaigns.currency": "币种",
  "col.campaigns.currency.help": "预算的币种（ISO 代码）。留空表示使用“设置”中的币种。",
  "col.campaigns.kpis": "监测指标",
  "col.campaigns.kpis.help": "可衡量的目标及目标值，用分号分隔，例如：销售线索 500；转化率 2 %；CPL <= 8。",
  "col.campaigns.status": "状态",
  "col.campaigns.status.help": "活动所处的阶段，由插件根据审批记录填写。手工修改无效，并会被改回。",

  "col.tasks.campaign": "活动编号",
  "col.tasks.campaign.help": "该任务所属推广活动的编号（即“推广活动”表中的编号）。",
  "col.tasks.step": "步骤",
  "col.tasks.step.help": "执行计划中这一步要做的事。",
  "col.tasks.owner": "任务负责人",
  "col.tasks.owner.help": "执行人的电子邮件地址。",
  "col.tasks.start": "任务开始",
  "col.tasks.start.help": "这一步的开始日期，例如 2026-03-10。",
  "col.tasks.due": "截止日期",
  "col.tasks.due.help": "这一步的完成期限，不得晚于活动结束日期。",
  "col.tasks.deliverable": "交付成果",
  "col.tasks.deliverable.help": "这一步的交付成果。",
  "col.tasks.status": "任务状态",
  "col.tasks.status.help": "这一步的进展。",

  "col.escalations.id": "上报编号",
  "col.escalations.id.help": "由插件填写。",
  "col.escalations.campaign": "所属活动",
  "col.escalations.campaign.help": "问题涉及的推广活动编号。",
  "col.escalations.reported_at": "上报时间",
  "col.escalations.reported_at.help": "问题上报的时间。",
  "col.escalations.reported_by": "上报人",
  "col.escalations.reported_by.help": "上报问题的人。",
  "col.escalations.severity": "紧急程度",
  "col.escalations.severity.help": "问题有多紧急。",
  "col.escalations.problem": "问题描述",
  "col.escalations.problem.help": "发生了什么。",
  "col.escalations.instruction": "处理指示",
  "col.escalations.instruction.help": "上级在“审批”侧边栏中给出的指示。",
  "col.escalations.answered_by": "答复人",
  "col.escalations.answered_by.help": "给出指示的人。",
  "col.escalations.answered_at": "答复时间",
  "col.escalations.answered_at.help": "给出指示的时间。",
  "col.escalations.state": "处理状态",
  "col.escalations.state.help": "上级答复之前为待处理。",

  "col.log.seq": "序号",
  "col.log.id": "事件编号",
  "col.log.at": "时间",
  "col.log.actor": "操作人",
  "col.log.onBehalfOf": "代理审批对象",
  "col.log.entityType": "对象类型",
  "col.log.entityId": "对象编号",
  "col.log.requestId": "申请编号",
  "col.log.requestType": "申请类型",
  "col.log.requestVersion": "版本",
  "col.log.action": "操作",
  "col.log.fromState": "原状态",
  "col.log.toState": "新状态",
  "col.log.level": "审批层级",
  "col.log.comment": "意见",
  "col.log.snapshot": "审批内容快照",
  "col.log.prevHash": "前一行哈希",
  "col.log.hash": "哈希",
  "col.log.help": "仅由插件写入，每个事件一行，并以带密钥的哈希串联：手工修改、删除或插入都会被“校验审批记录”发现。",

  "col.notifications.at": "发送时间",
  "col.notifications.campaign": "相关活动",
  "col.notifications.to": "收件人",
  "col.notifications.subject": "主题",
  "col.notifications.status": "结果",
  "col.notifications.reason": "原因",
  "col.notifications.help": "插件尝试发送的每封邮件及是否发出。",

  "col.settings.key": "设置项",
  "col.settings.key.help": "设置项的名称。请勿修改：插件按此名称查找设置。",
  "col.settings.value": "值",
  "col.settings.value.help": "设置项的值，可在此修改（角色请在“角色与设置”中修改）。",
  "col.settings.description": "说明",
  "col.settings.description.help": "设置项的作用。",

  "setting.currency": "金额的默认币种（ISO 代码，例如 USD、EUR、CNY）。",
  "setting.warning_threshold": "费用达到预算的该比例时发出提醒（0.9 = 90%）。",
  "setting.language": "插件消息的语言：auto（按各用户的语言）、en 或 zh。",
  "setting.channels": "方案可使用的推广渠道，用逗号分隔。留空表示不限。",
  "setting.categories": "预算类别，用逗号分隔。",
  "setting.admins":
    "插件管理员。此处仅供查看：请在“扩展程序 › 推广活动管控 › 角色与设置”中修改（表格所有者始终是管理员）。",
  "setting.approval_levels": "各审批层级的审批人及其可审批的最高金额（默认币种）。此处仅供查看。",
  "setting.finance": "财务：负责将报销标记为已付款。此处仅供查看。",
  "setting.delegations": "审批人不在时由谁代为审批及起止时间。此处仅供查看。",

  "rights.owner": "{email}（所有者）",
  "rights.level": "第 {n} 级：{approvers}，最高 {limit}",
  "rights.levelTop": "第 {n} 级：{approvers}，不设上限",
  "rights.delegation": "{delegate} 代理 {approver}，{from} 至 {to}",
  "rights.none": "（无）",

  "taskStatus.todo": "待办",
  "taskStatus.in_progress": "进行中",
  "taskStatus.blocked": "受阻",
  "taskStatus.done": "已完成",
  "taskStatus.cancelled": "已放弃",
  "severity.low": "低",
  "severity.medium": "中",
  "severity.high": "高",
  "severity.critical": "紧急",
  "escState.open": "待处理",
  "escState.answered": "已答复",
  "noticeStatus.sent": "已发送",
  "noticeStatus.failed": "未发送",

  "validation.list": "请从列表中选择一个值。",
  "validation.date": "请输入日期，例如 2026-03-31。",
  "validation.money": "请输入不小于 0 的金额。",

  "found.blank": "空单元格",
  "found.text": "文本“{text}”",
  "found.number": "数字 {number}",
  "found.boolean": "值 {value}",
  "found.date": "日期",
  "found.other": "非数字的值",

  "problem.where": "{tab}，第 {row} 行，{column} 列（{label}）：{reason}",
  "problem.cell": "{tab}，第 {row} 行，{column} 列（{label}）",
  "problem.missingColumn": "缺少此列；请在插件菜单中选择“设置工作簿”添加",
  "problem.required": "此处必须填写",
  "problem.text": "应为文本，实际为{found}",
  "problem.date": "应为日期（例如 2026-03-31），实际为{found}",
  "problem.money": "应为不小于 0 的金额，实际为{found}",
  "problem.number": "应为数字，实际为{found}",
  "problem.choice": "应为以下之一：{choices}，实际为{found}",
  "problem.duplicateId": "编号“{id}”已在第 {row} 行使用",
  "problem.setting": "设置项 {key} 不能是{found}；在修正之前使用默认值",
  "problem.endBeforeStart": "结束日期 {end} 早于开始日期 {start}",
  "problem.statusDrift": "状态为“{cell}”，但审批记录显示为“{state}”；插件会将其改回",
  "problem.noRow": "审批记录中有 {id} 的事件，但“{tab}”工作表中没有该编号的行",

  "variance.argument.planned": "计划值（第 1 个参数）",
  "variance.argument.actual": "实际值（第 2 个参数）",
  "variance.missing": "BUDGET_VARIANCE 需要两个参数：计划值和实际值。",
  "variance.notNumber": "BUDGET_VARIANCE：{argument}必须是数字，但它是{found}。",
  "variance.notNumberAt": "BUDGET_VARIANCE：{argument}必须都是数字，但其区域第 {row} 行第 {column} 列是{found}。",
  "variance.shape": "BUDGET_VARIANCE：计划值和实际值的大小必须相同，但计划值为{planned}，实际值为{actual}。",
  "variance.single": "单个值",
  "variance.size": "{rows} 行 × {columns} 列",

  "setup.title": "推广活动管控",
  "setup.done": "工作簿已设置：新建 {tabs} 个工作表，新增 {columns} 列，新增 {settings} 个设置项。",
  "setup.unchanged": "工作簿已设置完毕，无需更改。",
  "setup.busy": "其他人正在修改工作簿，请稍后再试。",

  "rpc.invalidRequest": "{fn}：请求无效：{details}",
  "rpc.noCampaign": "“{tab}”工作表中没有编号为“{id}”的推广活动。",
  "rpc.noTab": "缺少“{tab}”工作表。请先在插件菜单中选择“设置工作簿”。",
  "rpc.signedOut": "插件无法识别您的身份：无法获取您的邮箱地址。请使用有权访问此表格的 Google 账号登录后重试。",
  "rpc.busy": "其他人正在保存，本次未做任何更改，请稍后再试。",
  "rpc.notAdmin": "只有管理员才能修改角色。请联系表格所有者（{owner}）。",
  "rpc.notDraft": "{id} 已不是草稿：已批准的内容只能通过变更申请修改。",
  "rpc.tooLong": "最多 {max} 个字符。",
  "rpc.noLog": "缺少“{tab}”工作表：请先选择“设置工作簿”。",
  "rpc.notAnswerer": "只有审批人和管理员可以答复上报的问题，且不能答复自己上报的问题。",
  "rpc.noEscalation": "没有待处理的问题上报 {id}。",
  "rpc.severity": "请选择问题的紧急程度。",
  "rpc.problem": "请描述问题。",
  "rpc.instruction": "请填写处理指示。",
  "rpc.requestIdTaken": "该申请编号已被推广活动 {id} 使用。",
  "roles.email.invalid": "“{email}”不是有效的邮箱地址。",
  "roles.limitInvalid": "请输入金额，或留空表示不设上限。",

  "verify.title": "校验审批记录",
  "verify.ok": "审批记录完整：共 {count} 个事件，均已签名且顺序正确。",
  "verify.broken": "{detail}提交和审批已暂停。管理员可通过“文件 › 版本记录”将“{tab}”工作表恢复到修改前的版本。",

  "guard.note": "已批准的值：{value}\n该活动已获批准：修改只有在变更申请获批后才生效（我的推广活动 › 提交变更申请）。",
  "guard.toast": "{id} 的{field}已按“{value}”批准。此修改需要变更申请获批。",

  "mail.subject.waiting": "待审批：{campaign}（{type}）",
  "mail.body.waiting":
    "{who} 提交了一项申请，等待您审批（第 {level} 级，共 {levels} 级）。\n\n推广活动：{campaign}（{id}）\n申请：{type}\n金额：{amount}\n说明：{comment}\n\n打开该活动所在行：{link}\n请在“扩展程序 › 推广活动管控 › 审批”中处理。",
  "mail.subject.decided": "{decision}：{campaign}（{type}）",
  "mail.body.decided":
    "{who} 已处理您的申请：{decision}。\n\n推广活动：{campaign}（{id}）\n申请：{type}\n活动当前状态：{state}\n意见：{comment}\n\n打开该活动所在行：{link}",
  "mail.subject.escalation": "问题上报（{severity}）：{campaign}",
  "mail.body.escalation":
    "{who} 上报了一个问题。\n\n推广活动：{campaign}（{id}）\n紧急程度：{severity}\n问题：{problem}\n\n打开该活动所在行：{link}\n请在“扩展程序 › 推广活动管控 › 审批”中答复。",
  "mail.subject.answer": "您上报的问题已有处理指示：{campaign}",
  "mail.body.answer":
    "{who} 答复了您上报的问题。\n\n推广活动：{campaign}（{id}）\n问题：{problem}\n处理指示：{instruction}\n\n打开该活动所在行：{link}",
  "mail.onBehalf": "{actor}（代理 {approver}）",
  "mail.none": "（无）",
  "mail.quota": "今日邮件配额已用完",
  "mail.noRecipient": "无人可通知：第 {level} 级未指定审批人",
};

/** The workflow engine's texts in one language, keyed as the engine names them. */
function workflowTexts<L extends Lang>(
  lang: L,
): { readonly [K in WorkflowMessageKey]: (typeof WORKFLOW_MESSAGES)[K][L] } {
  const out: Record<string, string> = {};
  for (const key of Object.keys(WORKFLOW_MESSAGES) as WorkflowMessageKey[]) out[key] = WORKFLOW_MESSAGES[key][lang];
  return out as { readonly [K in WorkflowMessageKey]: (typeof WORKFLOW_MESSAGES)[K][L] };
}

/** Budget control's texts (spend/messages.ts) in one language, merged the same way. */
function spendTexts<L extends Lang>(lang: L): { readonly [K in SpendMessageKey]: (typeof SPEND_MESSAGES)[K][L] } {
  const out: Record<string, string> = {};
  for (const key of Object.keys(SPEND_MESSAGES) as SpendMessageKey[]) out[key] = SPEND_MESSAGES[key][lang];
  return out as { readonly [K in SpendMessageKey]: (typeof SPEND_MESSAGES)[K][L] };
}

/** Built by pure calls, so a bundle that never reads the full catalog (a sidebar) leaves it out. */
function allTexts() {
  return {
    ...EN,
    ...workflowTexts("en"),
    ...spendTexts("en"),
    // Monitoring and evaluation: the domain's messages and the workbook's labels.
    ...textsIn(EVALUATION_MESSAGES, "en"),
    ...textsIn(EVALUATION_LABELS, "en"),
  };
}

const ALL_EN = /* @__PURE__ */ allTexts();

export type MessageKey = keyof typeof ALL_EN;

function zhTexts(): { readonly [K in MessageKey]: string } {
  return {
    ...ZH,
    ...workflowTexts("zh"),
    ...spendTexts("zh"),
    ...textsIn(EVALUATION_MESSAGES, "zh"),
    ...textsIn(EVALUATION_LABELS, "zh"),
  };
}

export const CATALOG: { readonly [L in Lang]: { readonly [K in MessageKey]: string } } = {
  en: ALL_EN,
  zh: /* @__PURE__ */ zhTexts(),
};

// ---------------------------------------------------------------------------------------------------------
// Texts only the sidebars show.

const UI_EN = {
  "ui.refresh": "Refresh",
  "ui.loading": "Loading…",
  "ui.error": "Could not load: {message}",
  "ui.cancel": "Cancel",
  "ui.save": "Save",
  "ui.remove": "Remove",
  "ui.working": "Saving…",
  "ui.chainBroken":
    "The approval log was changed by hand. {detail} Submissions and decisions are paused until an admin restores the Approval log tab from File › Version history.",
  "ui.unsent": "Not e-mailed to {to}: {reason}. The record stands; the notice is in the Notifications tab.",
  "ui.unsentTitle": "Notices not e-mailed",
  "ui.noComment": "(no comment)",
  "ui.onBehalf": "{actor} for {approver}",
  "ui.levelOf": "level {level} of {levels}",
  "ui.level": "level {level}",
  "ui.historyTitle": "Decisions and comments",
  "ui.noHistory": "Nothing submitted yet.",
  "ui.approvedWas": "approved: {before}",
  "ui.nowIs": "now: {after}",
  "ui.empty": "(empty)",

  "sidebar.title": "My campaigns",
  "sidebar.loading": "Loading campaigns…",
  "sidebar.count": "{count} campaigns",
  "sidebar.empty": "No campaigns yet.",
  "sidebar.emptyHint":
    "Choose New campaign, or add campaigns to the {tab} tab, one per row, each with an ID and a name.",
  "sidebar.setupNeeded": "The workbook is not set up yet.",
  "sidebar.setupHint": "Choose Extensions › Campaign Control › Set up workbook, then add campaigns.",
  "sidebar.selectError": "Could not select the campaign: {message}",
  "sidebar.selected": "Row {row} of {tab} is selected.",
  "sidebar.problems": "Rows that need attention",
  "sidebar.noOwner": "No owner",
  "sidebar.noDates": "No dates",
  "sidebar.noBudget": "No budget",
  "sidebar.dateRange": "{start} – {end}",
  "sidebar.new": "New campaign",
  "sidebar.mine": "Mine",
  "sidebar.all": "All",
  "sidebar.noneMine": "None of the campaigns is yours. Show All to see the others.",
  "sidebar.missing": "Still missing before you can submit",
  "sidebar.complete": "Complete: ready to submit.",
  "sidebar.waiting": "{type} waiting for {level} ({who}), submitted by {by}.",
  "sidebar.diff": "Changed since approval",
  "sidebar.diffHint": "These edits count only once a change request is approved.",
  "sidebar.escalations": "Problems reported",
  "sidebar.comment": "Comment for the approver (optional)",
  "sidebar.reason": "Reason (required)",
  "sidebar.edit": "Edit draft",
  "sidebar.submitPlan": "Submit plan",
  "sidebar.submitExecution": "Submit execution plan",
  "sidebar.submitChange": "Submit change request",
  "sidebar.requestCancellation": "Request cancellation",
  "sidebar.escalate": "Report a problem",
  "sidebar.severity": "Severity",
  "sidebar.problem": "What happened?",
  "sidebar.send": "Report",
  "sidebar.instruction": "Instruction: {text}",
  "sidebar.awaiting": "Waiting for an instruction.",
  "sidebar.formNew": "New campaign",
  "sidebar.formEdit": "Edit {id}",
  "sidebar.kpisHint": "Goals with targets, separated by semicolons, e.g. Leads 500; CPL <= 8",
  "sidebar.idHint": "Leave empty for a new ID.",
  "sidebar.saveDraft": "Save draft",
  "sidebar.saved": "Saved {id}.",
  "sidebar.fixFields": "Please fix the fields marked below.",
  "sidebar.submitted": "Submitted. The campaign is now: {state}.",
  "sidebar.duplicate": "This was already done; nothing changed.",
  "sidebar.withdrawn": "Withdrawn. The campaign is now: {state}.",
  "sidebar.reported": "Reported. The approvers were told.",

  "approvals.title": "Approvals",
  "approvals.loading": "Loading requests…",
  "approvals.count": "{count} requests wait for you",
  "approvals.empty": "Nothing waits for your decision.",
  "approvals.emptyHint": "Requests you may decide show up here, also those you decide for an approver who is away.",
  "approvals.notApprover": "You are not an approver. An admin names approvers in Roles and settings.",
  "approvals.submittedBy": "Submitted by {who}, {at}",
  "approvals.forApprover": "You decide for {approver}, who is away.",
  "approvals.blocked": "Not yours to decide: {reason}",
  "approvals.plan": "Plan",
  "approvals.tasks": "Execution plan",
  "approvals.checklist": "Completeness",
  "approvals.diffApproval": "Against the approved plan",
  "approvals.diffSubmission": "Edited in the sheet after submission (not part of this request)",
  "approvals.comment": "Comment (required to reject or request changes)",
  "approvals.decided": "Decided. The campaign is now: {state}.",
  "approvals.escalations": "Problems to answer",
  "approvals.noEscalations": "No open problem reports.",
  "approvals.reportedBy": "Reported by {who}, {at}",
  "approvals.instruction": "Instruction",
  "approvals.answer": "Send instruction",
  "approvals.answered": "Instruction sent.",
  "approvals.amount": "{amount} {currency}",
  "approvals.cancellation": "Cancel the approved campaign.",
  "check.kpis": "Measurable goals",
  "check.audience": "Audience",
  "check.budget": "Budget",
  "check.channels": "Channels",
  "check.timeline": "Timeline",
  "check.content": "Content",
  "check.tasks": "Tasks with owners and dates",

  "roles.title": "Roles and settings",
  "roles.readOnly": "Only admins change roles; you can see them here.",
  "roles.admins": "Admins",
  "roles.adminsHint": "E-mail addresses, comma-separated. The owner ({owner}) is always an admin.",
  "roles.levels": "Approval levels",
  "roles.levelsHint":
    "A request goes to level 1; above its limit it also goes to level 2, and so on. Leave the top limit blank for no limit.",
  "roles.level": "Level {n}",
  "roles.approvers": "Approvers",
  "roles.limit": "Decides up to ({currency})",
  "roles.addLevel": "Add level",
  "roles.finance": "Finance",
  "roles.delegations": "Delegation periods",
  "roles.delegationsHint": "While an approver is away, the delegate may decide for them (both are recorded).",
  "roles.approver": "Approver",
  "roles.delegate": "Delegate",
  "roles.from": "From",
  "roles.to": "To",
  "roles.addDelegation": "Add delegation",
  "roles.saved": "Saved. The Settings tab shows the new roles.",
} as const;

type UiOwnKey = keyof typeof UI_EN;

const UI_ZH: { readonly [K in UiOwnKey]: string } = {
  "ui.refresh": "刷新",
  "ui.loading": "正在加载…",
  "ui.error": "无法加载：{message}",
  "ui.cancel": "取消",
  "ui.save": "保存",
  "ui.remove": "删除",
  "ui.working": "正在保存…",
  "ui.chainBroken":
    "审批记录被手工修改。{detail}在管理员通过“文件 › 版本记录”恢复“审批记录”工作表之前，提交和审批已暂停。",
  "ui.unsent": "未能向 {to} 发送邮件：{reason}。记录照常有效，该通知已列入“通知记录”工作表。",
  "ui.unsentTitle": "未发出的通知",
  "ui.noComment": "（无意见）",
  "ui.onBehalf": "{actor}（代理 {approver}）",
  "ui.levelOf": "第 {level} 级，共 {levels} 级",
  "ui.level": "第 {level} 级",
  "ui.historyTitle": "审批决定与意见",
  "ui.noHistory": "尚未提交。",
  "ui.approvedWas": "已批准：{before}",
  "ui.nowIs": "现在：{after}",
  "ui.empty": "（空）",

  "sidebar.title": "我的推广活动",
  "sidebar.loading": "正在加载推广活动…",
  "sidebar.count": "共 {count} 个推广活动",
  "sidebar.empty": "还没有推广活动。",
  "sidebar.emptyHint": "请选择“新建推广活动”，或在“{tab}”工作表中添加推广活动，每行一个，并填写编号和名称。",
  "sidebar.setupNeeded": "工作簿尚未设置。",
  "sidebar.setupHint": "请选择“扩展程序 › 推广活动管控 › 设置工作簿”，然后添加推广活动。",
  "sidebar.selectError": "无法选中该推广活动：{message}",
  "sidebar.selected": "已选中“{tab}”的第 {row} 行。",
  "sidebar.problems": "需要处理的行",
  "sidebar.noOwner": "无负责人",
  "sidebar.noDates": "无日期",
  "sidebar.noBudget": "无预算",
  "sidebar.dateRange": "{start} – {end}",
  "sidebar.new": "新建推广活动",
  "sidebar.mine": "我的",
  "sidebar.all": "全部",
  "sidebar.noneMine": "没有属于您的推广活动。选择“全部”查看其他活动。",
  "sidebar.missing": "提交前仍缺少",
  "sidebar.complete": "内容完整，可以提交。",
  "sidebar.waiting": "{type}等待{level}审批（{who}），提交人：{by}。",
  "sidebar.diff": "批准后被修改的内容",
  "sidebar.diffHint": "这些修改只有在变更申请获批后才生效。",
  "sidebar.escalations": "已上报的问题",
  "sidebar.comment": "给审批人的说明（可选）",
  "sidebar.reason": "理由（必填）",
  "sidebar.edit": "编辑草稿",
  "sidebar.submitPlan": "提交方案",
  "sidebar.submitExecution": "提交执行计划",
  "sidebar.submitChange": "提交变更申请",
  "sidebar.requestCancellation": "申请取消",
  "sidebar.escalate": "上报问题",
  "sidebar.severity": "紧急程度",
  "sidebar.problem": "发生了什么？",
  "sidebar.send": "上报",
  "sidebar.instruction": "处理指示：{text}",
  "sidebar.awaiting": "等待上级指示。",
  "sidebar.formNew": "新建推广活动",
  "sidebar.formEdit": "编辑 {id}",
  "sidebar.kpisHint": "目标及目标值，用分号分隔，例如：销售线索 500；CPL <= 8",
  "sidebar.idHint": "留空则自动生成编号。",
  "sidebar.saveDraft": "保存草稿",
  "sidebar.saved": "已保存 {id}。",
  "sidebar.fixFields": "请修改下方标出的字段。",
  "sidebar.submitted": "已提交。活动当前状态：{state}。",
  "sidebar.duplicate": "此操作已完成，未做任何更改。",
  "sidebar.withdrawn": "已撤回。活动当前状态：{state}。",
  "sidebar.reported": "已上报，并已通知审批人。",

  "approvals.title": "审批",
  "approvals.loading": "正在加载申请…",
  "approvals.count": "共 {count} 项申请等待您审批",
  "approvals.empty": "没有等待您审批的申请。",
  "approvals.emptyHint": "您可以审批的申请会显示在这里，包括您代理不在岗审批人处理的申请。",
  "approvals.notApprover": "您不是审批人。管理员可在“角色与设置”中指定审批人。",
  "approvals.submittedBy": "提交人：{who}，{at}",
  "approvals.forApprover": "您代理不在岗的 {approver} 审批。",
  "approvals.blocked": "您不能审批此申请：{reason}",
  "approvals.plan": "活动方案",
  "approvals.tasks": "执行计划",
  "approvals.checklist": "完整性检查",
  "approvals.diffApproval": "与已批准方案的差异",
  "approvals.diffSubmission": "提交后在表格中被修改的内容（不属于本申请）",
  "approvals.comment": "意见（驳回或退回修改时必填）",
  "approvals.decided": "已处理。活动当前状态：{state}。",
  "approvals.escalations": "待答复的问题",
  "approvals.noEscalations": "没有待处理的问题上报。",
  "approvals.reportedBy": "上报人：{who}，{at}",
  "approvals.instruction": "处理指示",
  "approvals.answer": "发送指示",
  "approvals.answered": "指示已发送。",
  "approvals.amount": "{amount} {currency}",
  "approvals.cancellation": "取消已批准的推广活动。",
  "check.kpis": "可衡量的目标",
  "check.audience": "目标受众",
  "check.budget": "预算",
  "check.channels": "推广渠道",
  "check.timeline": "时间安排",
  "check.content": "活动内容",
  "check.tasks": "任务及负责人和日期",

  "roles.title": "角色与设置",
  "roles.readOnly": "只有管理员可以修改角色；您可以在此查看。",
  "roles.admins": "管理员",
  "roles.adminsHint": "邮箱地址，用逗号分隔。表格所有者（{owner}）始终是管理员。",
  "roles.levels": "审批层级",
  "roles.levelsHint":
    "申请先交第 1 级审批；金额超过其限额时还需第 2 级审批，依此类推。最高层级的限额留空表示不设上限。",
  "roles.level": "第 {n} 级",
  "roles.approvers": "审批人",
  "roles.limit": "可审批金额上限（{currency}）",
  "roles.addLevel": "添加层级",
  "roles.finance": "财务",
  "roles.delegations": "委托期间",
  "roles.delegationsHint": "审批人不在岗期间，代理人可代其审批（两人均会被记录）。",
  "roles.approver": "审批人",
  "roles.delegate": "代理人",
  "roles.from": "起",
  "roles.to": "止",
  "roles.addDelegation": "添加委托",
  "roles.saved": "已保存。“设置”工作表显示新的角色。",
};

/** What the sidebars can say: the add-on's own texts, the workflow's, and their own (not the other features'). */
export type UiKey = UiOwnKey | OwnKey | WorkflowMessageKey;

function uiCatalog(): { readonly [L in Lang]: { readonly [K in UiKey]: string } } {
  return {
    en: { ...EN, ...workflowTexts("en"), ...UI_EN },
    zh: { ...ZH, ...workflowTexts("zh"), ...UI_ZH },
  };
}

/**
 * The sidebars' catalog. Built by a pure call, so Code.js, which never reads it, leaves it out; and built from the
 * sections it needs rather than from CATALOG, so a sidebar does not carry the texts of every other feature.
 */
export const UI_CATALOG = /* @__PURE__ */ uiCatalog();

type AllEn = typeof ALL_EN & typeof UI_EN;
type KeyOfAll = MessageKey | UiKey;

/** The names inside `{...}` of a message, so a caller that forgets or misspells a parameter does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageParams<K extends KeyOfAll> = { readonly [P in Placeholders<AllEn[K]>]: string | number };

type ParamArgs<K extends KeyOfAll> = [Placeholders<AllEn[K]>] extends [never] ? [] : [MessageParams<K>];

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>> | undefined): string {
  if (!values) return template;
  // A Map, not the object itself: no inherited names, and no Object.hasOwn (ES2022, newer than Apps Script's lib).
  const known = new Map(Object.entries(values));
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = known.get(name);
    return value === undefined ? whole : String(value);
  });
}

/** The message `key` in `lang`, with its `{placeholders}` filled in. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  return fill(CATALOG[lang][key], params[0] as Readonly<Record<string, string | number>> | undefined);
}

/** A message whose key is only known at run time (an engine refusal, an issue): parameters are not checked. */
export function tKey(lang: Lang, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(CATALOG[lang][key], params);
}

/** For the sidebars: any key of the shared or the sidebar texts. */
export function tu<K extends UiKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  return fill(UI_CATALOG[lang][key], params[0] as Readonly<Record<string, string | number>> | undefined);
}

export function tuKey(lang: Lang, key: UiKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(UI_CATALOG[lang][key], params);
}

/** A spreadsheet or user locale ("zh_CN", "zh-TW", "en_US", "de") to the language we speak: zh* is Chinese. */
export function langOf(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^zh/i.test(locale.trim()) ? "zh" : "en";
}

/** The placeholders of a message, for the test that both languages take the same parameters. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
