// The Expenses sidebar's own words (English and Simplified Chinese). Everything the server decides (assessments,
// field problems, status labels) arrives already worded from the one catalog; only the page's frame is here, so
// the sidebar carries no other feature's texts.
import { fill, type Lang } from "../../domain/i18n";

const TEXTS = {
  title: { en: "Expenses", zh: "费用" },
  refresh: { en: "Refresh", zh: "刷新" },
  loading: { en: "Loading budgets…", zh: "正在加载预算……" },
  error: { en: "Could not load: {message}", zh: "无法加载：{message}" },
  setupNeeded: {
    en: "The Budget and Expenses tabs are missing: ask an admin to run Set up workbook.",
    zh: "缺少“预算”和“费用”工作表：请管理员运行“设置工作簿”。",
  },
  record: { en: "Record an expense", zh: "登记费用" },
  campaign: { en: "Campaign", zh: "推广活动" },
  chooseCampaign: { en: "Choose a campaign", zh: "请选择推广活动" },
  notOpen: { en: "not approved yet", zh: "尚未批准" },
  category: { en: "Category", zh: "费用类别" },
  date: { en: "Date", zh: "日期" },
  vendor: { en: "Vendor", zh: "供应商" },
  description: { en: "Description", zh: "说明" },
  amount: { en: "Amount", zh: "金额" },
  currency: { en: "Currency", zh: "币种" },
  kind: { en: "Kind", zh: "类型" },
  receiptLink: { en: "Receipt link", zh: "票据链接" },
  refundOf: { en: "Refund of (expense ID)", zh: "冲减的费用（编号）" },
  refundHint: {
    en: "Only for a refund or credit note: enter the amount as negative, e.g. -120. It takes back spend of that expense, in its category.",
    zh: "仅用于退款或贷项通知单：金额填写负数，例如 -120。它冲减该笔费用在其类别下的支出。",
  },
  refundLine: { en: "refund of {id}", zh: "冲减 {id}" },
  reimbursable: { en: "I paid this myself: reimburse me", zh: "个人垫付，需要报销" },
  left: { en: "Left of the budget", zh: "预算余额" },
  leftNow: { en: "now {amount}", zh: "当前 {amount}" },
  leftAfter: { en: "after this expense {amount} ({pct} used)", zh: "登记后 {amount}（已用 {pct}）" },
  lineLeft: { en: "{category}: {amount} left after it", zh: "{category}：登记后余 {amount}" },
  pendingNote: { en: "{amount} already waits for overrun approval.", zh: "另有 {amount} 正在等待超支审批。" },
  duplicate: { en: "Possibly entered before: {ids}.", zh: "可能已登记过：{ids}。" },
  submit: { en: "Record expense", zh: "登记费用" },
  submitOverrun: { en: "Record and request overrun approval", zh: "登记并申请超支审批" },
  saving: { en: "Saving…", zh: "正在保存……" },
  checking: { en: "Checking the budget…", zh: "正在核对预算……" },
  mine: { en: "My expenses", zh: "我的费用" },
  none: { en: "None yet.", zh: "暂无。" },
  requestReimbursement: { en: "Request reimbursement", zh: "申请报销" },
  toPay: { en: "Reimbursements to pay", zh: "待支付的报销" },
  markPaid: { en: "Mark paid", zh: "标记为已付款" },
  problems: { en: "Rows left out of the figures", zh: "未计入数字的行" },
  notices: { en: "E-mail not sent: {reasons}", zh: "邮件未发送：{reasons}" },
  campaignLine: { en: "{id} · {name}: {left} left", zh: "{id} · {name}：余 {left}" },
  needsRequest: { en: "Not recorded yet, or over budget and not sent", zh: "尚未登记，或超出预算且尚未提交" },
  needsRequestHint: {
    en: "Rows typed into the Expenses tab count for nothing until recorded here (through the budget check); one that goes over the approved budget counts only once its overrun is approved.",
    zh: "直接录入“费用”工作表的行在此登记（经过预算检查）之前不计入；超出已批准预算的费用在超支获批后才计入。",
  },
  notRecorded: { en: "Not recorded yet", zh: "尚未登记" },
  recordTyped: { en: "Record", zh: "登记" },
  recordAndSend: { en: "Record and submit overrun request", zh: "登记并提交超支申请" },
  overBy: { en: "Needs overrun approval: over by {amount}", zh: "需要超支审批：超出 {amount}" },
  sendOverrun: { en: "Submit overrun request", zh: "提交超支申请" },
} as const satisfies Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

export type TextKey = keyof typeof TEXTS;

export function tx(lang: Lang, key: TextKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(TEXTS[key][lang], params);
}
