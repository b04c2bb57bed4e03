// The org variant's texts, in English and Simplified Chinese: the export section of Roles and settings, the export's
// messages in the sidebar and the Monitor tab, the feedback form's section and messages. `zh` must have exactly the keys
// of `en` (a missing translation does not compile). The org build merges them into its own dist-org/i18n-<lang>.html, which the server reads on its first text
// as every other message (src/domain/i18n.ts), and inlines them into its Roles and settings sidebar; the default
// build's catalogs do not carry them.
import type { Lang } from "../domain/i18n";

const EN = {
  "org.export.title": "BigQuery export",
  "org.export.hint":
    "Sends this workbook's campaigns, approvals, spend and KPIs to a BigQuery dataset, where managers see every team's workbooks together (Connected Sheets, Looker Studio). Only an admin can change it.",
  "org.export.project": "Google Cloud project ID",
  "org.export.dataset": "Dataset ID",
  "org.export.team": "Team",
  "org.export.period": "Period",
  "org.export.enabled": "Export every hour (with the add-on's schedule)",
  "org.export.save": "Save export settings",
  "org.export.now": "Export now",
  "org.export.saved": "Export settings saved.",
  "org.export.off": "Export is off.",
  "org.export.never": "Not exported yet.",
  "org.export.done": "Exported {rows} rows in {requests} requests at {time}; everything is sent.",
  "org.export.partial": "Exported {rows} rows in {requests} requests at {time}; {left} rows wait for the next run.",
  "org.export.failed": "The last export, at {time}, failed: {message}",
  "org.export.problems": "Not sent, because the workbook cannot read them:",
  "org.export.adminOnly": "Only an admin can change the export.",
  "org.export.busy": "Another export is running; try again in a minute.",
  "org.field.project":
    "Enter a Google Cloud project ID: 6 to 30 lower-case letters, digits or hyphens, starting with a letter.",
  "org.field.dataset": "Enter a dataset ID: letters, digits and underscores, at most 1,024.",
  "org.field.period": "Enter the period this workbook serves, e.g. 2026.",
  "org.field.team": "At most 100 characters.",
  "org.error.project":
    "BigQuery project {project} cannot be reached: check its ID. The workbook keeps working; nothing is lost and the next run tries again.",
  "org.error.dataset":
    "Dataset {dataset} was not found in project {project}: create it in BigQuery or correct its ID. The workbook keeps working; nothing is lost and the next run tries again.",
  "org.error.permission":
    "You may not write to {project}.{dataset}: ask for the BigQuery Data Editor role on the dataset and BigQuery Job User on the project. The workbook keeps working; nothing is lost and the next run tries again.",
  "org.error.api":
    "The BigQuery API is disabled in project {project}: enable it in the Google Cloud console. The workbook keeps working; nothing is lost and the next run tries again.",
  "org.error.service":
    "This build has no BigQuery service: push the org build (dist-org) with the BigQuery advanced service in its manifest.",
  "org.error.other":
    "The export to BigQuery failed: {message}. The workbook keeps working; nothing is lost and the next run tries again.",
  "org.problem.logEdited":
    "Approval log row {row} changed after it was exported ({kind}); it is not sent again, and no later event is sent until the tab is restored from its version history.",
  "org.problem.readingsChanged":
    "KPI readings above row {row} changed after they were exported; the changed rows are sent as new readings.",
  "org.monitor.kind": "BigQuery export",
  "org.monitor.severity": "Error",
  "org.form.section": "Feedback form",
  "org.form.hint":
    "Creates a Google Form for one campaign whose responses land in a new tab of this workbook and count as its feedback in the Evaluation report. The campaign's owner or an admin can create it; one form per campaign.",
  "org.form.campaign": "Campaign",
  "org.form.create": "Create feedback form",
  "org.form.created": "The form is ready; its responses land in the tab {tab}.",
  "org.form.respond": "Form for respondents",
  "org.form.editLink": "Edit the form",
  "org.form.title": "Feedback: {name} ({id})",
  "org.form.note": "Feedback form of this campaign. Respondents: {url} Edit: {edit}",
  "org.form.ownerOnly": "Only the owner of campaign {id} or an admin can create its feedback form.",
  "org.form.exists":
    "Campaign {id} already has a feedback form; its responses land in the tab {tab}. Share this link: {url}",
  "org.form.service":
    "This build cannot create forms: push the org build (dist-org), whose manifest asks for the Google Forms permission.",
  "org.form.notLinked": "The form was created but its responses tab did not appear yet; try again in a minute.",
} as const;

export type OrgKey = keyof typeof EN;

const ZH: { readonly [K in OrgKey]: string } = {
  "org.export.title": "BigQuery 导出",
  "org.export.hint":
    "将本工作簿的推广活动、审批、费用和指标发送到 BigQuery 数据集，管理者可在其中汇总查看各团队的工作簿（Connected Sheets、Looker Studio）。只有管理员可以更改。",
  "org.export.project": "Google Cloud 项目 ID",
  "org.export.dataset": "数据集 ID",
  "org.export.team": "团队",
  "org.export.period": "期间",
  "org.export.enabled": "每小时导出（随加载项的计划任务）",
  "org.export.save": "保存导出设置",
  "org.export.now": "立即导出",
  "org.export.saved": "导出设置已保存。",
  "org.export.off": "导出已关闭。",
  "org.export.never": "尚未导出。",
  "org.export.done": "已于 {time} 导出 {rows} 行，共 {requests} 个请求；全部已发送。",
  "org.export.partial": "已于 {time} 导出 {rows} 行，共 {requests} 个请求；还有 {left} 行等待下次运行。",
  "org.export.failed": "上次导出（{time}）失败：{message}",
  "org.export.problems": "以下行无法读取，未发送：",
  "org.export.adminOnly": "只有管理员可以更改导出。",
  "org.export.busy": "另一个导出正在运行，请一分钟后重试。",
  "org.field.project": "请输入 Google Cloud 项目 ID：6 到 30 个小写字母、数字或连字符，以字母开头。",
  "org.field.dataset": "请输入数据集 ID：字母、数字和下划线，最多 1,024 个。",
  "org.field.period": "请输入本工作簿对应的期间，例如 2026。",
  "org.field.team": "最多 100 个字符。",
  "org.error.project":
    "无法访问 BigQuery 项目 {project}：请检查其 ID。工作簿照常可用；没有任何数据丢失，下次运行会重试。",
  "org.error.dataset":
    "在项目 {project} 中找不到数据集 {dataset}：请在 BigQuery 中创建它或更正其 ID。工作簿照常可用；没有任何数据丢失，下次运行会重试。",
  "org.error.permission":
    "您无权写入 {project}.{dataset}：请申请该数据集的 BigQuery 数据编辑者角色和该项目的 BigQuery 作业用户角色。工作簿照常可用；没有任何数据丢失，下次运行会重试。",
  "org.error.api":
    "项目 {project} 中的 BigQuery API 未启用：请在 Google Cloud 控制台中启用。工作簿照常可用；没有任何数据丢失，下次运行会重试。",
  "org.error.service": "此版本没有 BigQuery 服务：请推送清单中启用了 BigQuery 高级服务的组织版（dist-org）。",
  "org.error.other": "导出到 BigQuery 失败：{message}。工作簿照常可用；没有任何数据丢失，下次运行会重试。",
  "org.problem.logEdited":
    "审批日志第 {row} 行在导出后被更改（{kind}）；该行不会再次发送，在从版本历史恢复该工作表之前，之后的事件也不会发送。",
  "org.problem.readingsChanged": "第 {row} 行以上的指标读数在导出后被更改；更改过的行将作为新读数发送。",
  "org.monitor.kind": "BigQuery 导出",
  "org.monitor.severity": "错误",
  "org.form.section": "反馈表单",
  "org.form.hint":
    "为一个推广活动创建 Google 表单，其回复写入本工作簿的新工作表，并作为该活动的反馈计入评估报告。活动负责人或管理员可以创建；每个活动一个表单。",
  "org.form.campaign": "推广活动",
  "org.form.create": "创建反馈表单",
  "org.form.created": "表单已创建；回复将写入工作表 {tab}。",
  "org.form.respond": "填写表单",
  "org.form.editLink": "编辑表单",
  "org.form.title": "反馈：{name}（{id}）",
  "org.form.note": "本推广活动的反馈表单。填写链接：{url} 编辑链接：{edit}",
  "org.form.ownerOnly": "只有推广活动 {id} 的负责人或管理员可以创建其反馈表单。",
  "org.form.exists": "推广活动 {id} 已有反馈表单；其回复写入工作表 {tab}。请分享此链接：{url}",
  "org.form.service": "此版本无法创建表单：请推送清单中申请了 Google 表单权限的组织版（dist-org）。",
  "org.form.notLinked": "表单已创建，但其回复工作表尚未出现；请一分钟后重试。",
};

export const ORG_CATALOG: { readonly [L in Lang]: { readonly [K in OrgKey]: string } } = { en: EN, zh: ZH };
