// The one message catalog: every word the add-on shows (menus, tabs, column labels, help, errors, sidebar), in
// English and Simplified Chinese. `zh` must have exactly the keys of `en`, so a missing translation is a compile error.

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

const en = {
  "app.name": "Campaign Control",

  "menu.setUp": "Set up workbook",
  "menu.campaigns": "Campaigns",

  "tab.campaigns": "Campaigns",
  "tab.settings": "Settings",

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
  "col.campaigns.kpis.help": "A short summary of the goals, e.g. 500 leads, 2% conversion.",
  "col.campaigns.status": "Status",
  "col.campaigns.status.help": "Where the campaign stands in the approval process. Empty means Draft.",

  "col.settings.key": "Setting",
  "col.settings.key.help": "The name of the setting. Do not change it: the add-on looks settings up by this name.",
  "col.settings.value": "Value",
  "col.settings.value.help": "The value of the setting. Change it here.",
  "col.settings.description": "Description",
  "col.settings.description.help": "What the setting does.",

  "setting.currency": "Default currency of amounts (ISO code, e.g. USD, EUR, CNY).",
  "setting.warning_threshold": "Share of the budget at which spending is flagged (0.9 = 90 %).",
  "setting.language": "Language of the add-on's messages: auto (each user's own), en or zh.",
  "setting.admins": "E-mail addresses of the add-on's administrators, separated by commas.",

  "status.Draft": "Draft",
  "status.PlanSubmitted": "Plan submitted",
  "status.PlanApproved": "Plan approved",
  "status.ExecutionSubmitted": "Execution plan submitted",
  "status.Ready": "Ready",
  "status.InProgress": "In progress",
  "status.Completed": "Completed",
  "status.Closed": "Closed",
  "status.Cancelled": "Cancelled",

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

  "sidebar.title": "Campaigns",
  "sidebar.refresh": "Refresh",
  "sidebar.loading": "Loading campaigns…",
  "sidebar.count": "{count} campaigns",
  "sidebar.empty": "No campaigns yet.",
  "sidebar.emptyHint": "Add campaigns to the {tab} tab, one per row, each with an ID and a name.",
  "sidebar.setupNeeded": "The workbook is not set up yet.",
  "sidebar.setupHint": "Choose Extensions › Campaign Control › Set up workbook, then add campaigns.",
  "sidebar.error": "Could not load the campaigns: {message}",
  "sidebar.selectError": "Could not select the campaign: {message}",
  "sidebar.selected": "Row {row} of {tab} is selected.",
  "sidebar.problems": "Rows that need attention",
  "sidebar.noOwner": "No owner",
  "sidebar.noDates": "No dates",
  "sidebar.noBudget": "No budget",
  "sidebar.dateRange": "{start} – {end}",
} as const;

export type MessageKey = keyof typeof en;

const zh: { readonly [K in MessageKey]: string } = {
  "app.name": "推广活动管控",

  "menu.setUp": "设置工作簿",
  "menu.campaigns": "推广活动",

  "tab.campaigns": "推广活动",
  "tab.settings": "设置",

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
  "col.campaigns.kpis.help": "目标的简要说明，例如：500 条销售线索，转化率 2%。",
  "col.campaigns.status": "状态",
  "col.campaigns.status.help": "活动在审批流程中所处的阶段。留空表示草稿。",

  "col.settings.key": "设置项",
  "col.settings.key.help": "设置项的名称。请勿修改：插件按此名称查找设置。",
  "col.settings.value": "值",
  "col.settings.value.help": "设置项的值，可在此修改。",
  "col.settings.description": "说明",
  "col.settings.description.help": "设置项的作用。",

  "setting.currency": "金额的默认币种（ISO 代码，例如 USD、EUR、CNY）。",
  "setting.warning_threshold": "费用达到预算的该比例时发出提醒（0.9 = 90%）。",
  "setting.language": "插件消息的语言：auto（按各用户的语言）、en 或 zh。",
  "setting.admins": "插件管理员的电子邮件地址，用逗号分隔。",

  "status.Draft": "草稿",
  "status.PlanSubmitted": "方案待审批",
  "status.PlanApproved": "方案已批准",
  "status.ExecutionSubmitted": "执行计划待审批",
  "status.Ready": "准备就绪",
  "status.InProgress": "执行中",
  "status.Completed": "已完成",
  "status.Closed": "已结案",
  "status.Cancelled": "已取消",

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

  "sidebar.title": "推广活动",
  "sidebar.refresh": "刷新",
  "sidebar.loading": "正在加载推广活动…",
  "sidebar.count": "共 {count} 个推广活动",
  "sidebar.empty": "还没有推广活动。",
  "sidebar.emptyHint": "请在“{tab}”工作表中添加推广活动，每行一个，并填写编号和名称。",
  "sidebar.setupNeeded": "工作簿尚未设置。",
  "sidebar.setupHint": "请选择“扩展程序 › 推广活动管控 › 设置工作簿”，然后添加推广活动。",
  "sidebar.error": "无法加载推广活动：{message}",
  "sidebar.selectError": "无法选中该推广活动：{message}",
  "sidebar.selected": "已选中“{tab}”的第 {row} 行。",
  "sidebar.problems": "需要处理的行",
  "sidebar.noOwner": "无负责人",
  "sidebar.noDates": "无日期",
  "sidebar.noBudget": "无预算",
  "sidebar.dateRange": "{start} – {end}",
};

export const CATALOG: { readonly [L in Lang]: { readonly [K in MessageKey]: string } } = { en, zh };

/** The names inside `{...}` of a message, so a caller that forgets or misspells a parameter does not compile. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof en)[K]>]: string | number };

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [MessageParams<K>];

/** The message `key` in `lang`, with its `{placeholders}` filled in. */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamArgs<K>): string {
  const template = CATALOG[lang][key];
  const values = params[0] as Readonly<Record<string, string | number>> | undefined;
  if (!values) return template;
  // A Map, not the object itself: no inherited names, and no Object.hasOwn (ES2022, newer than Apps Script's lib).
  const known = new Map(Object.entries(values));
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = known.get(name);
    return value === undefined ? whole : String(value);
  });
}

/** A spreadsheet or user locale ("zh_CN", "zh-TW", "en_US", "de") to the language we speak: zh* is Chinese. */
export function langOf(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^zh/i.test(locale.trim()) ? "zh" : "en";
}

/** The placeholders of a message, for the test that both languages take the same parameters. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}
