// The messages of the rights checks (rights.ts) and of text a cell cannot hold, in English and Simplified Chinese; merged into the one catalog
// (catalog.ts), never imported by Code.js.

export const RIGHTS_MESSAGES = {
  "rights.refused.owner": {
    en: "Only the owner of {id} ({owner}) or an admin may {action}. You are signed in as {me}.",
    zh: "只有 {id} 的负责人（{owner}）或管理员可以{action}。您当前登录的账号是 {me}。",
  },
  "rights.refused.escalate": {
    en: "Only the owner of {id} ({owner}), a task owner of its approved execution plan or an admin may report a problem. You are signed in as {me}.",
    zh: "只有 {id} 的负责人（{owner}）、其已批准执行计划中的任务负责人或管理员可以上报问题。您当前登录的账号是 {me}。",
  },
  "rights.refused.ownerField": {
    en: "Only an admin may hand a campaign to another owner; leave the owner as {owner}.",
    zh: "只有管理员可以把推广活动交给其他负责人；负责人请保持为 {owner}。",
  },
  "rights.refused.schedule": {
    en: "Only an admin may turn scheduled jobs on or off; the schedule runs as an admin. Ask the spreadsheet owner ({owner}).",
    zh: "只有管理员可以开启或关闭定时任务；定时任务以管理员身份运行。请联系表格所有者（{owner}）。",
  },
  "rights.action.editDraft": { en: "edit its draft", zh: "编辑其草稿" },
  "rights.action.submitPlan": { en: "submit its plan", zh: "提交其活动方案" },
  "rights.action.submitExecution": { en: "submit its execution plan", zh: "提交其执行计划" },
  "rights.action.submitChange": { en: "request a change", zh: "申请变更" },
  "rights.action.submitCancellation": { en: "request its cancellation", zh: "申请取消" },
  "rights.action.submitSummary": { en: "submit its summary", zh: "提交其总结" },
  "rights.schedule.owner": {
    en: "The schedule runs as {owner}.",
    zh: "定时任务以 {owner} 的身份运行。",
  },
  "rights.schedule.notAdmin": {
    en: "The schedule runs as {owner}, who is no longer an admin: its jobs are held until an admin turns the schedule on again.",
    zh: "定时任务以 {owner} 的身份运行，但此人已不再是管理员：在管理员重新开启定时任务之前，任务暂停执行。",
  },
  "rights.schedule.quiet": {
    en: "The schedule of {owner} has not run since {since}: the trigger may be gone or its grant withdrawn. An admin should turn the schedule on again.",
    zh: "{owner} 的定时任务自 {since} 起未再运行：触发器可能已被删除或授权已被撤销。请管理员重新开启定时任务。",
  },
  "text.tooLong.log": {
    en: "Nothing was written: the {what} of {id} would take {length} characters in one cell of the {tab} tab, and a cell holds at most 50,000. Shorten its texts (or split its budget lines) and try again.",
    zh: "未写入任何内容：{id} 的{what}在“{tab}”工作表的一个单元格中需要 {length} 个字符，而一个单元格最多容纳 50,000 个字符。请缩短其文字（或拆分预算明细）后重试。",
  },
  "text.what.snapshot": { en: "snapshot", zh: "快照" },
  "text.what.comment": { en: "comment", zh: "备注" },
} as const satisfies Readonly<Record<string, { readonly en: string; readonly zh: string }>>;
