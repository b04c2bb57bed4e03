// Every word budget control shows, in English and Simplified Chinese ({name} marks a parameter); merged into the one catalog (catalog.ts), never imported by Code.js: texts.ts reads them through i18n.

export interface MessageText {
  readonly en: string;
  readonly zh: string;
}

export const SPEND_MESSAGES = {
  // Tabs and columns, so a problem can name where it is.
  "spend.tab.budget": { en: "Budget", zh: "预算" },
  "spend.tab.expenses": { en: "Expenses", zh: "费用" },
  "spend.tab.rates": { en: "Rates", zh: "汇率" },
  "spend.tab.variance": { en: "Variance report", zh: "预算差异报告" },
  "spend.field.campaign": { en: "Campaign", zh: "推广活动" },
  "spend.field.category": { en: "Category", zh: "费用类别" },
  "spend.field.month": { en: "Month", zh: "月份" },
  "spend.field.planned": { en: "Planned amount", zh: "计划金额" },
  "spend.field.currency": { en: "Currency", zh: "币种" },
  "spend.field.note": { en: "Note", zh: "备注" },
  "spend.field.id": { en: "ID", zh: "编号" },
  "spend.field.date": { en: "Date", zh: "日期" },
  "spend.field.vendor": { en: "Vendor", zh: "供应商" },
  "spend.field.description": { en: "Description", zh: "说明" },
  "spend.field.amount": { en: "Amount", zh: "金额" },
  "spend.field.kind": { en: "Kind", zh: "类型" },
  "spend.field.receiptLink": { en: "Receipt link", zh: "票据链接" },
  "spend.field.reimbursable": { en: "Reimbursable", zh: "需报销" },
  "spend.field.requestedBy": { en: "Requested by", zh: "申请人" },
  "spend.field.status": { en: "Status", zh: "状态" },
  "spend.field.refundOf": { en: "Refund of", zh: "冲减的费用" },
  "spend.field.rate": { en: "Rate", zh: "汇率" },
  "spend.field.validFrom": { en: "Valid from", zh: "生效日期" },

  // Values of the choice columns and the computed codes.
  "spend.kind.committed": { en: "Committed", zh: "已承诺" },
  "spend.kind.actual": { en: "Actual", zh: "实际发生" },
  "spend.expenseStatus.recorded": { en: "Recorded", zh: "已登记" },
  "spend.expenseStatus.pending_overrun": { en: "Pending overrun approval", zh: "超支待审批" },
  "spend.expenseStatus.rejected": { en: "Rejected", zh: "已驳回" },
  "spend.expenseStatus.reimbursement_requested": { en: "Reimbursement requested", zh: "已申请报销" },
  "spend.expenseStatus.reimbursement_approved": { en: "Reimbursement approved", zh: "报销已批准" },
  "spend.expenseStatus.paid": { en: "Paid", zh: "已付款" },
  "spend.budgetStatus.UNDER": { en: "Under budget", zh: "预算内" },
  "spend.budgetStatus.WARNING": { en: "Near the limit", zh: "接近预算上限" },
  "spend.budgetStatus.ON_BUDGET": { en: "On budget", zh: "恰好用完预算" },
  "spend.budgetStatus.OVER": { en: "Over budget", zh: "超预算" },
  "spend.budgetStatus.NOT_APPROVED": { en: "Not approved", zh: "未批准" },
  "spend.yes": { en: "Yes", zh: "是" },
  "spend.no": { en: "No", zh: "否" },

  // Rows that could not be read (the location is added by the caller).
  "spend.problem.required": { en: "a value is required here", zh: "此处必须填写" },
  "spend.problem.text": { en: "expected text, found {found}", zh: "应为文本，实际为{found}" },
  "spend.problem.date": {
    en: "expected a date like 2026-03-31, found {found}",
    zh: "应为日期（例如 2026-03-31），实际为{found}",
  },
  "spend.problem.month": {
    en: "expected a month like 2026-03, found {found}",
    zh: "应为月份（例如 2026-03），实际为{found}",
  },
  "spend.problem.amount": {
    en: "expected an amount of 0 or more, found {found}",
    zh: "应为不小于 0 的金额，实际为{found}",
  },
  "spend.problem.rate": { en: "expected a rate above 0, found {found}", zh: "应为大于 0 的汇率，实际为{found}" },
  "spend.problem.currency": {
    en: "expected a three-letter currency code such as CNY or USD, found {found}",
    zh: "应为三位字母的币种代码（例如 CNY 或 USD），实际为{found}",
  },
  "spend.problem.kind": {
    en: "expected Committed or Actual, found {found}",
    zh: "应为“已承诺”或“实际发生”，实际为{found}",
  },
  "spend.problem.status": {
    en: "expected one of Recorded, Pending overrun approval, Rejected, Reimbursement requested, Reimbursement approved, Paid (or blank), found {found}",
    zh: "应为以下之一：已登记、超支待审批、已驳回、已申请报销、报销已批准、已付款（或留空），实际为{found}",
  },
  "spend.problem.boolean": { en: "expected Yes or No, found {found}", zh: "应为“是”或“否”，实际为{found}" },
  "spend.problem.email": { en: "expected an email address, found {found}", zh: "应为电子邮件地址，实际为{found}" },
  "spend.problem.link": {
    en: "expected a link starting with https://, found {found}",
    zh: "应为以 https:// 开头的链接，实际为{found}",
  },
  "spend.problem.tooLarge": {
    en: "the amount {found} is too large to compute exactly",
    zh: "金额{found}过大，无法精确计算",
  },
  "spend.problem.decimals": {
    en: "{found} {currency} has more decimals than {currency} has ({digits}); enter the amount as it is paid",
    zh: "{found} {currency} 的小数位多于 {currency} 的最小单位（{digits} 位）；请按实际支付金额填写",
  },
  "spend.problem.refundOf": {
    en: "found {found}: a negative amount is a refund or credit note, so put the ID of the expense it refunds in Refund of",
    zh: "实际为{found}：负数金额表示退款或贷项通知单，请在“冲减的费用”中填写所冲减费用的编号",
  },
  "spend.problem.refundAmount": {
    en: "found {found}, but the amount is not negative: a refund names the expense it refunds and has an amount below 0, such as -120",
    zh: "实际为{found}，但金额不是负数：退款须填写所冲减费用的编号，且金额小于 0（例如 -120）",
  },
  "spend.problem.refundUnknown": {
    en: "there is no recorded expense “{id}” to refund; give the ID of a recorded expense of this campaign",
    zh: "没有可冲减的已登记费用“{id}”；请填写本推广活动中已登记费用的编号",
  },
  "spend.problem.refundCampaign": {
    en: "{id} was spent on campaign {campaign}, not {other}: a refund goes to the campaign of the expense it refunds",
    zh: "{id} 属于推广活动 {campaign}，而不是 {other}：退款须计入所冲减费用的推广活动",
  },
  "spend.problem.refundTooLarge": {
    en: "{id} has only {left} left to refund, less than this refund of {amount}",
    zh: "{id} 仅剩 {left} 可冲减，少于本次退款 {amount}",
  },
  "spend.problem.duplicateId": {
    en: "the ID “{id}” is already used in row {row}",
    zh: "编号“{id}”已在第 {row} 行使用",
  },
  "spend.problem.unknownCampaign": {
    en: "there is no campaign with the ID “{id}”",
    zh: "没有编号为“{id}”的推广活动",
  },
  "spend.problem.duplicateRate": {
    en: "{currency} already has a different rate valid from {date}, in row {row}",
    zh: "{currency} 自 {date} 起已有另一个汇率（第 {row} 行）",
  },
  "spend.problem.workbookRate": {
    en: "{currency} is the workbook currency and always converts at 1, not {rate}",
    zh: "{currency} 是工作簿币种，汇率恒为 1，不能是 {rate}",
  },
  "spend.problem.noRate": {
    en: "no rate for {currency} is valid on {date}; add one to the Rates tab",
    zh: "没有 {date} 有效的 {currency} 汇率；请在“汇率”工作表中添加",
  },

  // The variance report.
  "spend.report.noPlan": {
    en: "Nothing was planned here, so there is no variance %.",
    zh: "此项没有计划金额，无法计算差异率。",
  },
  "spend.report.notApproved": {
    en: "Its plan is not approved: nothing may be spent yet, and its planned amount is left out of the variance.",
    zh: "计划尚未批准：暂不可支出，计划金额不计入差异。",
  },
  "spend.report.notApprovedTotal": {
    en: "Planned but not approved, kept out of the variance: {amount} {currency} in {count|# campaign|# campaigns}.",
    zh: "已计划但未批准、不计入差异的金额：{amount} {currency}，共 {count} 个推广活动。",
  },
  "spend.report.rowsExcluded": {
    en: "{count|# row could not be read and is|# rows could not be read and are} left out of the totals; see the list below.",
    zh: "有 {count} 行无法读取，未计入合计；详见下方列表。",
  },
  "spend.report.complete": { en: "Every row was read.", zh: "所有行均已读取。" },
  "spend.report.incomplete": {
    en: "Some data could not be read, so the figures may be incomplete; see the list below.",
    zh: "部分数据无法读取，数字可能不完整；详见下方列表。",
  },
  "spend.report.total": { en: "Total", zh: "合计" },

  // Recording an expense.
  "spend.assess.ok": { en: "This expense fits the approved budget.", zh: "此笔费用在批准预算之内。" },
  "spend.assess.warning": {
    en: "This expense fits, but brings spending to the warning level or the full budget.",
    zh: "此笔费用在预算之内，但使支出达到预警线或用完预算。",
  },
  "spend.assess.overrun": {
    en: "This expense goes over the approved budget by {amount}; it counts only after the overrun is approved.",
    zh: "此笔费用超出批准预算 {amount}；超支获批后才计入。",
  },
  "spend.duplicate.flag": {
    en: "Possibly the same as {ids}: same campaign, vendor, amount and date.",
    zh: "可能与 {ids} 重复：活动、供应商、金额和日期均相同。",
  },

  // Reimbursement.
  "spend.reimbursement.notReimbursable": {
    en: "This expense is not marked reimbursable.",
    zh: "此笔费用未标记为需报销。",
  },
  "spend.reimbursement.requesterMissing": {
    en: "Enter who is to be reimbursed (Requested by).",
    zh: "请填写报销申请人。",
  },
  "spend.reimbursement.receiptRequired": {
    en: "A receipt link is required for amounts above {limit}.",
    zh: "金额超过 {limit} 时必须提供票据链接。",
  },
  "spend.reimbursement.notRecorded": {
    en: "Only a recorded expense can be put up for reimbursement (not one pending, rejected or already in reimbursement).",
    zh: "只有已登记的费用才能申请报销（待审批、已驳回或已在报销中的不行）。",
  },
  "spend.reimbursement.notRequested": {
    en: "Only a requested reimbursement can be approved or rejected.",
    zh: "只有已申请的报销才能批准或驳回。",
  },
  "spend.reimbursement.notApproved": {
    en: "Only an approved reimbursement can be marked paid.",
    zh: "只有已批准的报销才能标记为已付款。",
  },
  "spend.reimbursement.notFinance": {
    en: "Only finance may mark a reimbursement paid.",
    zh: "只有财务人员可以将报销标记为已付款。",
  },
  "spend.reimbursement.ownRequest": {
    en: "Nobody may approve, reject or pay their own reimbursement.",
    zh: "不能审批或支付自己的报销。",
  },

  // Custom functions.
  "spend.fn.missing": { en: "{fn} needs these arguments: {names}.", zh: "{fn} 需要以下参数：{names}。" },
  "spend.fn.notNumber": {
    en: "{fn}: {argument} must be a number, but it is {found}.",
    zh: "{fn}：{argument}必须是数字，但它是{found}。",
  },
  "spend.fn.notNumberAt": {
    en: "{fn}: {argument} must hold numbers, but row {row}, column {column} of its range is {found}.",
    zh: "{fn}：{argument}必须都是数字，但其区域第 {row} 行第 {column} 列是{found}。",
  },
  "spend.fn.shape": {
    en: "{fn}: the arguments must be the same size, but {sizes}.",
    zh: "{fn}：各参数的大小必须相同，但{sizes}。",
  },
  "spend.fn.sizeOf": { en: "{argument} is {size}", zh: "{argument}为{size}" },
  "spend.fn.sizeJoin": { en: " and ", zh: "，" },
  "spend.fn.single": { en: "a single value", zh: "单个值" },
  "spend.fn.size": { en: "{rows|# row|# rows} × {columns|# column|# columns}", zh: "{rows} 行 × {columns} 列" },
  "spend.fn.plannedZero": {
    en: "{fn}: planned is {found}, and a percentage of nothing cannot be computed; enter a planned amount or leave both blank.",
    zh: "{fn}：计划值是{found}，无法计算百分比；请填写计划金额，或将两者都留空。",
  },
  "spend.fn.plannedZeroAt": {
    en: "{fn}: planned is {found} in row {row}, column {column} of its range, and a percentage of nothing cannot be computed; enter a planned amount or leave both blank.",
    zh: "{fn}：计划值区域第 {row} 行第 {column} 列是{found}，无法计算百分比；请填写计划金额，或将两者都留空。",
  },
  "spend.fn.plannedNegative": {
    en: "{fn}: planned must be 0 or more, but it is {found}.",
    zh: "{fn}：计划值不能为负数，但它是{found}。",
  },
  "spend.fn.plannedNegativeAt": {
    en: "{fn}: planned must be 0 or more, but row {row}, column {column} of its range is {found}.",
    zh: "{fn}：计划值不能为负数，但其区域第 {row} 行第 {column} 列是{found}。",
  },
  "spend.fn.warnAt": {
    en: "{fn}: warn_at must be one number above 0 and at most 1 (0.9 = 90 %), but it is {found}.",
    zh: "{fn}：warn_at 必须是大于 0 且不超过 1 的单个数字（0.9 = 90%），但它是{found}。",
  },
  "spend.fn.argument.planned": { en: "planned (the 1st argument)", zh: "计划值（第 1 个参数）" },
  "spend.fn.argument.approved": { en: "approved (the 1st argument)", zh: "批准预算（第 1 个参数）" },
  "spend.fn.argument.actual": { en: "actual (the 2nd argument)", zh: "实际值（第 2 个参数）" },
  "spend.fn.argument.committed": { en: "committed (the 3rd argument)", zh: "已承诺金额（第 3 个参数）" },
  "spend.fn.argument.warnAt": { en: "warn_at (the 3rd argument)", zh: "预警比例（第 3 个参数）" },
  "spend.fn.argument.campaign": { en: "campaign_id (the 1st argument)", zh: "活动编号（第 1 个参数）" },
  "spend.fn.argument.category": { en: "category (the 2nd argument)", zh: "费用类别（第 2 个参数）" },
  "spend.fn.notText": {
    en: "{fn}: {argument} must be text, but it is {found}.",
    zh: "{fn}：{argument}必须是文本，但它是{found}。",
  },
  "spend.fn.notTextAt": {
    en: "{fn}: {argument} must hold text, but row {row}, column {column} of its range is {found}.",
    zh: "{fn}：{argument}必须都是文本，但其区域第 {row} 行第 {column} 列是{found}。",
  },
  "spend.fn.unknownCampaign": {
    en: "{fn}: no budget line or expense belongs to the campaign “{id}”.",
    zh: "{fn}：没有属于推广活动“{id}”的预算明细或费用。",
  },
  "spend.fn.unknownCampaignAt": {
    en: "{fn}: no budget line or expense belongs to the campaign “{id}” (row {row}, column {column} of its range).",
    zh: "{fn}：没有属于推广活动“{id}”的预算明细或费用（其区域第 {row} 行第 {column} 列）。",
  },
  "spend.fn.setupNeeded": {
    en: "{fn}: the Budget and Expenses tabs are missing; run Extensions › Campaign Control › Set up workbook.",
    zh: "{fn}：缺少“预算”和“费用”工作表；请运行 扩展程序 › Campaign Control › 设置工作簿。",
  },

  // Column help (header notes), one per column of the Budget, Expenses and Rates tabs.
  "spend.help.budget.campaign": {
    en: "ID of the campaign this budget line belongs to (the Campaigns tab's ID).",
    zh: "此预算明细所属推广活动的编号（“推广活动”工作表中的编号）。",
  },
  "spend.help.budget.category": {
    en: "What the money is for, e.g. Media, Events, Print. Expenses use the same words.",
    zh: "资金用途，例如 媒体、活动、印刷。费用使用相同的类别。",
  },
  "spend.help.budget.month": {
    en: "The month the amount is planned for, e.g. 2026-03.",
    zh: "计划金额所属月份，例如 2026-03。",
  },
  "spend.help.budget.planned": { en: "The planned amount, 0 or more.", zh: "计划金额，不小于 0。" },
  "spend.help.budget.currency": {
    en: "Currency of the amount (ISO code). Empty means the currency in Settings; other currencies convert through the Rates tab.",
    zh: "金额的币种（ISO 代码）。留空表示“设置”中的币种；其他币种按“汇率”工作表换算。",
  },
  "spend.help.budget.note": { en: "Anything worth knowing about this line.", zh: "关于此明细的备注。" },
  "spend.help.expenses.id": {
    en: "Written by the add-on when an expense is recorded from the Expenses sidebar; requests name the expense by it.",
    zh: "从“费用”侧边栏登记费用时由插件填写；审批申请用它指代费用。",
  },
  "spend.help.expenses.date": {
    en: "When the expense was incurred or committed, e.g. 2026-03-14. Other currencies convert at the rate valid that day.",
    zh: "费用发生或承诺的日期，例如 2026-03-14。其他币种按当日有效汇率换算。",
  },
  "spend.help.expenses.campaign": {
    en: "ID of the campaign the expense is charged to.",
    zh: "费用计入的推广活动编号。",
  },
  "spend.help.expenses.category": {
    en: "The budget category it uses up (as on the Budget tab).",
    zh: "占用的预算类别（与“预算”工作表一致）。",
  },
  "spend.help.expenses.vendor": { en: "Who is paid.", zh: "收款方。" },
  "spend.help.expenses.description": { en: "What was bought.", zh: "购买的内容。" },
  "spend.help.expenses.amount": {
    en: "The amount in the expense's currency, 0 or more; a refund or credit note is negative (e.g. -120) and names the expense it refunds in Refund of.",
    zh: "以费用币种计的金额，不小于 0；退款或贷项通知单为负数（例如 -120），并在“冲减的费用”中填写所冲减费用的编号。",
  },
  "spend.help.expenses.currency": {
    en: "Currency of the amount (ISO code). Empty means the currency in Settings.",
    zh: "金额的币种（ISO 代码）。留空表示“设置”中的币种。",
  },
  "spend.help.expenses.kind": {
    en: "Committed: ordered or contracted, not paid yet. Actual: incurred or paid. Both use up the budget.",
    zh: "已承诺：已下单或签约但尚未付款。实际发生：已发生或已付款。两者都占用预算。",
  },
  "spend.help.expenses.receiptLink": {
    en: "Link to the receipt or invoice (https://...). Required above the amount in Settings.",
    zh: "票据或发票的链接（https://...）。金额超过“设置”中的数值时必填。",
  },
  "spend.help.expenses.reimbursable": {
    en: "Yes when someone paid out of their own pocket and is to be reimbursed.",
    zh: "个人垫付、需要报销时选“是”。",
  },
  "spend.help.expenses.requestedBy": {
    en: "E-mail of who recorded the expense and, if reimbursable, who is owed.",
    zh: "登记费用的人（若需报销，即报销申请人）的电子邮件。",
  },
  "spend.help.expenses.status": {
    en: "Written by the add-on: recorded, pending overrun approval, rejected, or where the reimbursement stands.",
    zh: "由插件填写：已登记、超支待审批、已驳回，或报销进度。",
  },
  "spend.help.expenses.refundOf": {
    en: "For a refund or credit note only: the ID of the expense it refunds (same campaign). It lowers that expense's spend, in its category and kind, by at most what is left of it.",
    zh: "仅用于退款或贷项通知单：所冲减费用的编号（须为同一推广活动）。它按原费用的类别和类型冲减支出，最多冲减原费用的剩余金额。",
  },
  "spend.help.rates.currency": { en: "The currency converted (ISO code).", zh: "被换算的币种（ISO 代码）。" },
  "spend.help.rates.rate": {
    en: "How many units of the workbook currency one unit of this currency is worth.",
    zh: "一单位此币种折合多少工作簿币种。",
  },
  "spend.help.rates.validFrom": {
    en: "The first day this rate applies; it applies until the next row for the same currency.",
    zh: "此汇率开始生效的日期；直到同一币种的下一个汇率生效为止。",
  },
  "spend.problem.missingColumn": {
    en: "the column is missing; run Set up workbook to add it",
    zh: "缺少此列；请运行“设置工作簿”添加",
  },

  // Settings rows.
  "spend.setting.enforceLines": {
    en: "TRUE: each campaign × category budget is a limit too, not only the campaign's total.",
    zh: "TRUE：每个活动 × 类别的预算也是上限，而不仅是活动总预算。",
  },
  "spend.setting.receiptAbove": {
    en: "A receipt link is required for actual and reimbursed expenses above this amount (workbook currency); empty: never.",
    zh: "实际发生或报销的费用金额超过此数（工作簿币种）时必须提供票据链接；留空表示不要求。",
  },

  // Toasts and the schedule (the menu's captions are in ../menu-captions.ts, which Code.js carries itself).
  "spend.toast.title": { en: "Budget control", zh: "预算控制" },
  "spend.toast.refreshed": {
    en: "The variance report is up to date: {campaigns} campaigns; {excluded} source rows left out.",
    zh: "预算差异报告已更新：{campaigns} 个推广活动；{excluded} 行数据未计入。",
  },
  "spend.toast.busy": {
    en: "Someone else is changing the workbook right now; nothing was changed. Try again in a moment.",
    zh: "其他人正在修改工作簿，本次未做任何更改。请稍后再试。",
  },
  "spend.toast.setupNeeded": {
    en: "Run Set up workbook first: the Budget and Expenses tabs are missing.",
    zh: "请先运行“设置工作簿”：缺少“预算”和“费用”工作表。",
  },
  "spend.schedule.on": {
    en: "The variance report is now refreshed every hour.",
    zh: "预算差异报告现在每小时自动刷新。",
  },
  "spend.schedule.off": {
    en: "The variance report is no longer refreshed automatically.",
    zh: "预算差异报告不再自动刷新。",
  },

  // The generated Variance report tab.
  "spend.report.title": { en: "Budget variance report", zh: "预算差异报告" },
  "spend.report.refreshed": {
    en: "Refreshed {at}. Amounts in {currency}. Variance = actual − planned (positive is over plan).",
    zh: "更新于 {at}。金额单位：{currency}。差异 = 实际 − 计划（正数表示超出计划）。",
  },
  "spend.report.byCampaign": { en: "By campaign", zh: "按推广活动" },
  "spend.report.byCategory": { en: "By category", zh: "按费用类别" },
  "spend.report.byMonth": { en: "By month", zh: "按月份" },
  "spend.report.col.key": { en: "Campaign / category / month", zh: "活动 / 类别 / 月份" },
  "spend.report.col.planned": { en: "Planned", zh: "计划" },
  "spend.report.col.approved": { en: "Approved", zh: "批准预算" },
  "spend.report.col.committed": { en: "Committed", zh: "已承诺" },
  "spend.report.col.actual": { en: "Actual", zh: "实际" },
  "spend.report.col.pending": { en: "Pending overrun approval", zh: "超支待审批" },
  "spend.report.col.remaining": { en: "Remaining", zh: "剩余" },
  "spend.report.col.variance": { en: "Variance", zh: "差异" },
  "spend.report.col.variancePct": { en: "Variance %", zh: "差异率" },
  "spend.report.col.usedPct": { en: "Used %", zh: "使用率" },
  "spend.report.col.status": { en: "Status", zh: "状态" },
  "spend.report.col.note": { en: "Note", zh: "说明" },
  "spend.report.problems": { en: "Rows left out of the totals", zh: "未计入合计的行" },
  "spend.report.col.tab": { en: "Tab", zh: "工作表" },
  "spend.report.col.row": { en: "Row", zh: "行" },
  "spend.report.col.column": { en: "Column", zh: "列" },
  "spend.report.col.problem": { en: "Problem", zh: "问题" },
  "spend.report.moreProblems": {
    en: "… and {count|# more problem|# more problems} not listed here; fix the ones above and refresh.",
    zh: "……另有 {count} 个问题未列出；请先修正以上问题再刷新。",
  },
  "spend.report.chart": { en: "Planned, committed and actual by month", zh: "按月计划、已承诺与实际" },
  "spend.report.linesDiffer": {
    en: "The budget lines add up to {lines}, the approved plan to {plan}: a change of budget needs a change request.",
    zh: "预算明细合计 {lines}，已批准方案为 {plan}：调整预算需提交变更申请。",
  },
  "spend.report.linesEdited": {
    en: "Budget lines edited since the plan was approved ({changes}); the approved lines count until a change request is approved.",
    zh: "方案批准后预算明细被修改（{changes}）；在变更申请获批前按已批准的明细计算。",
  },
  "spend.report.lineUnconverted": {
    en: "An approved line ({line}) is left out: {reason}.",
    zh: "已批准的明细（{line}）未计入：{reason}。",
  },
  "spend.report.needsRequest": {
    en: "Over the approved budget with no overrun request yet (Expenses rows {rows}): they count only once approved; the person in Requested by, or the campaign's owner, sends the request from the Expenses sidebar. Their Status on the Expenses tab is Pending overrun approval.",
    zh: "超出已批准预算且尚未提交超支申请（“费用”第 {rows} 行）：获批后才计入；请由“申请人”或活动负责人在“费用”侧边栏中提交申请。这些行在“费用”工作表中的状态为“超支待审批”。",
  },
  "spend.report.moreRows": {
    en: "{rows} and {count|# more row|# more rows} not listed here",
    zh: "{rows} 等，另有 {count} 行未在此列出",
  },
  "spend.where.rows": {
    en: "{tab}, rows {rows}, column {column} ({label})",
    zh: "{tab}，第 {rows} 行，{column} 列（{label}）",
  },

  // The Expenses sidebar's server answers.
  "spend.rpc.setupNeeded": {
    en: "The Budget and Expenses tabs are missing: ask an admin to run Set up workbook.",
    zh: "缺少“预算”和“费用”工作表：请管理员运行“设置工作簿”。",
  },
  "spend.rpc.busy": {
    en: "Someone else is saving right now; nothing was recorded. Try again in a moment.",
    zh: "其他人正在保存，本次未登记任何内容。请稍后再试。",
  },
  "spend.rpc.notApproved": {
    en: "The plan of campaign {id} is not approved, so it has no budget to spend yet.",
    zh: "推广活动 {id} 的方案尚未批准，还没有可用的预算。",
  },
  "spend.rpc.unknownExpense": {
    en: "There is no expense with the ID “{id}” on the Expenses tab.",
    zh: "“费用”工作表中没有编号为“{id}”的费用。",
  },
  "spend.rpc.overrunSent": {
    en: "The overrun request for {id} is sent: it goes over the budget by {amount} and counts once approved.",
    zh: "费用 {id} 的超支申请已提交：超出预算 {amount}，获批后计入。",
  },
  "spend.rpc.noOverrunNeeded": {
    en: "Expense {id} needs no overrun request: it fits the budget, or its request is already sent.",
    zh: "费用 {id} 无需提交超支申请：未超出预算，或申请已提交。",
  },
  "spend.rpc.notOverrunSubmitter": {
    en: "Only {email} can send the overrun request for this expense.",
    zh: "只有 {email} 可以为此笔费用提交超支申请。",
  },
  "spend.rpc.notRequester": {
    en: "Only {email}, who is named in Requested by, can ask for this reimbursement.",
    zh: "只有“申请人”一栏中的 {email} 可以申请此笔报销。",
  },
  "spend.rpc.receiptRequired": {
    en: "A receipt link is required for an actual expense above {limit}.",
    zh: "实际发生的费用超过 {limit} 时必须提供票据链接。",
  },
  "spend.rpc.signInNeeded": {
    en: "Your e-mail address is not available to the add-on, so it cannot record who acted.",
    zh: "插件无法获取您的电子邮件地址，因此无法记录操作人。",
  },
  "spend.rpc.recorded": { en: "Expense {id} is recorded.", zh: "费用 {id} 已登记。" },
  "spend.rpc.pending": {
    en: "Expense {id} is recorded as pending: it goes over the budget by {amount} and waits for approval.",
    zh: "费用 {id} 已登记为待审批：超出预算 {amount}，等待审批。",
  },
  "spend.rpc.requestNotSent": {
    en: "The overrun request could not be sent ({reason}); the expense stays pending and does not count.",
    zh: "超支申请未能提交（{reason}）；该费用保持待审批状态，不计入支出。",
  },
  "spend.rpc.reimbursementRequested": {
    en: "Reimbursement of {id} is requested.",
    zh: "已为 {id} 申请报销。",
  },
  "spend.rpc.paid": { en: "Expense {id} is marked paid.", zh: "费用 {id} 已标记为已付款。" },
  "spend.rpc.notRecorded": {
    en: "Expense {id} was typed into the Expenses tab and is not recorded yet: record it from the Expenses sidebar first.",
    zh: "费用 {id} 是直接输入“费用”工作表的，尚未登记：请先在“费用”侧边栏中登记。",
  },
  "spend.rpc.overrunStale": {
    en: "This overrun request is out of date. It asked for {asked} more for expense {id} ({amount}), but the campaign now has {used} used of {approved} approved, so the expense needs {needed} more. Nothing was approved: request changes, and the expense goes back to be sent again with today's figure.",
    zh: "此超支申请已过时。申请为费用 {id}（{amount}）追加 {asked}，但该活动目前已用 {used}，已批准预算 {approved}，此笔费用现在需要追加 {needed}。未作任何批准：请选择“退回修改”，该费用将按当前数字重新提交。",
  },
  "spend.rpc.overrunStaleLess": {
    en: "This overrun request asks for more than is needed now. It asked for {asked} more for expense {id} ({amount}), but the campaign now has {used} used of {approved} approved, so the expense needs only {needed} more. Nothing was approved: request changes, and the expense goes back to be sent again with today's figure (or counts as it is, if it fits now).",
    zh: "此超支申请的金额已超过当前所需。申请为费用 {id}（{amount}）追加 {asked}，但该活动目前已用 {used}，已批准预算 {approved}，此笔费用现在只需追加 {needed}。未作任何批准：请选择“退回修改”，该费用将按当前数字重新提交（若现已不超预算，则直接计入）。",
  },
  "spend.rpc.reimbursementStale": {
    en: "This reimbursement request is out of date: expense {id} now stands as “{status}”, so it cannot be approved for {amount}. Nothing was approved: reject it or request changes.",
    zh: "此报销申请已过时：费用 {id} 当前状态为“{status}”，不能按 {amount} 批准。未作任何批准：请驳回或退回修改。",
  },
  "spend.edit.note": {
    en: "Recorded value: {value}. This cell was changed after the expense was recorded; the recorded value counts, not this one.",
    zh: "已登记的值：{value}。此单元格在费用登记后被修改；计入的是已登记的值，而不是此值。",
  },
  "spend.edit.problem": {
    en: "changed to {found} after the expense was recorded; the recorded value {value} counts, not this one",
    zh: "费用登记后被改为 {found}；计入的是已登记的值 {value}，而不是此值",
  },
  "spend.report.sealedEdits": {
    en: "Changed after recording (the recorded values count): {cells}.",
    zh: "登记后被修改（按已登记的值计入）：{cells}。",
  },
  "spend.report.moreEdits": {
    en: "… and {count|# more cell, flagged|# more cells, each flagged} on the Expenses tab with a note and a red background",
    zh: "……另有 {count} 个单元格，均已在“费用”工作表中以批注和红色背景标出",
  },
  "spend.report.unrecorded": {
    en: "Typed into the Expenses tab and not recorded yet (rows {rows}): they count for nothing until recorded from the Expenses sidebar. Their Status on the Expenses tab is empty.",
    zh: "直接输入“费用”工作表、尚未登记（第 {rows} 行）：在“费用”侧边栏登记之前不计入。这些行在“费用”工作表中的状态为空。",
  },
  "spend.adopt.comment": {
    en: "Adopted at set-up from Expenses row {row}: recorded before expenses were sealed in this log.",
    zh: "设置工作簿时从“费用”第 {row} 行采纳：该费用登记于费用写入本审批记录之前。",
  },
  "spend.adopt.none": {
    en: "Every expense recorded before sealing is in the approval log already; nothing to adopt.",
    zh: "封存前登记的费用均已在审批记录中，无需采纳。",
  },
  "spend.adopt.done": {
    en: "{count} expenses recorded before sealing were adopted into the approval log in your name (Expenses rows {rows}).",
    zh: "已以您的名义将 {count} 笔在封存前登记的费用采纳进审批记录（“费用”第 {rows} 行）。",
  },
} as const satisfies Readonly<Record<string, MessageText>>;

export type SpendMessageKey = keyof typeof SPEND_MESSAGES;

export const SPEND_MESSAGE_KEYS = Object.keys(SPEND_MESSAGES) as readonly SpendMessageKey[];

export type MessageParams = Readonly<Record<string, string | number>>;
