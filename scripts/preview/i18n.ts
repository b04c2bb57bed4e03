// The preview's own words (its toolbar, menu bar, dialogs and notices) in English and Simplified Chinese, chosen by
// the workbook's locale with the add-on's own rule (langOf) and filled with the add-on's `fill`.
import { fill, type Lang, langOf } from "../../src/domain/i18n";

const EN = {
  "page.title": "Campaign Control · local preview",
  "frame.sub": "Campaign Control · local preview, running dist/Code.js in the Apps Script emulator",
  "frame.actingAs": "Acting as",
  "frame.clockHelp": "The emulator's clock: time-driven triggers fire when it passes them",
  "frame.plusHour": "+1 h",
  "frame.plusDay": "+1 day",
  "frame.demo": "Load demo data",
  "frame.reset": "Reset",
  "frame.resetHelp": "Start again with an empty workbook",
  "frame.resetConfirm": "Start again with an empty workbook? The current preview state is discarded.",
  "frame.outbox": "Outbox",
  "frame.outboxTitle": "Outbox (mail the add-on sent)",
  "frame.noMail": "No mail sent yet.",
  "frame.mailMeta": "{at} · to {to} · from {from}",
  "frame.close": "Close",
  "frame.sidebar": "Add-on sidebar",
  "frame.noMenu": "(no items: onOpen did not build a menu)",
  "frame.emptyTitle": "An empty spreadsheet",
  "frame.emptyText":
    "Open Extensions › Campaign Control › Set up workbook to install the campaign tabs, then Load demo data.",
  "frame.hidden": "{name} (hidden)",
  "frame.error": "Error",
  "frame.cellError": "Error",
  "frame.answerFirst": "Answer the dialog first.",
  "frame.dialogText": "Your answer",
  "frame.demoLoaded": "Demo data loaded: {count} campaigns.",
  "frame.localeMismatch":
    "This workbook was saved in {saved}; --locale {asked} applies to a new workbook. Start a new one in {askedName}, or keep this one.",
  "frame.localeSwitch": "Start a new workbook in {askedName}",
  "frame.keep": "Keep this one",
  "menu.file": "File",
  "menu.edit": "Edit",
  "menu.view": "View",
  "menu.insert": "Insert",
  "menu.format": "Format",
  "menu.data": "Data",
  "menu.extensions": "Extensions",
  "menu.help": "Help",
  "button.OK": "OK",
  "button.CANCEL": "Cancel",
  "button.YES": "Yes",
  "button.NO": "No",
  "role.owner": "Admin (spreadsheet owner)",
  "role.marketer": "Marketer",
  "role.approver1": "Approver, level 1",
  "role.approver2": "Approver, level 2",
  "role.finance": "Finance",
  "lang.en": "English",
  "lang.zh": "Simplified Chinese",
} as const;

export type FrameKey = keyof typeof EN;

const ZH: { readonly [K in FrameKey]: string } = {
  "page.title": "Campaign Control · 本地预览",
  "frame.sub": "Campaign Control · 本地预览，在 Apps Script 模拟器中运行 dist/Code.js",
  "frame.actingAs": "当前用户",
  "frame.clockHelp": "模拟器的时钟：时间越过定时触发器时，触发器运行",
  "frame.plusHour": "+1 小时",
  "frame.plusDay": "+1 天",
  "frame.demo": "载入示例数据",
  "frame.reset": "重置",
  "frame.resetHelp": "从空白工作簿重新开始",
  "frame.resetConfirm": "从空白工作簿重新开始？当前预览的数据将被丢弃。",
  "frame.outbox": "发件箱",
  "frame.outboxTitle": "发件箱（插件发出的邮件）",
  "frame.noMail": "尚未发送邮件。",
  "frame.mailMeta": "{at} · 收件人 {to} · 发件人 {from}",
  "frame.close": "关闭",
  "frame.sidebar": "插件侧边栏",
  "frame.noMenu": "（没有菜单项：onOpen 未建立菜单）",
  "frame.emptyTitle": "空白电子表格",
  "frame.emptyText": "打开 扩展程序 › Campaign Control › 设置工作簿 安装活动工作表，然后点击 载入示例数据。",
  "frame.hidden": "{name}（已隐藏）",
  "frame.error": "错误",
  "frame.cellError": "错误",
  "frame.answerFirst": "请先回答对话框。",
  "frame.dialogText": "您的回答",
  "frame.demoLoaded": "已载入示例数据：{count} 个推广活动。",
  "frame.localeMismatch":
    "此工作簿以 {saved} 保存；--locale {asked} 只用于新建的工作簿。可以新建一个 {askedName} 工作簿，或保留当前工作簿。",
  "frame.localeSwitch": "新建 {askedName} 工作簿",
  "frame.keep": "保留当前工作簿",
  "menu.file": "文件",
  "menu.edit": "修改",
  "menu.view": "查看",
  "menu.insert": "插入",
  "menu.format": "格式",
  "menu.data": "数据",
  "menu.extensions": "扩展程序",
  "menu.help": "帮助",
  "button.OK": "确定",
  "button.CANCEL": "取消",
  "button.YES": "是",
  "button.NO": "否",
  "role.owner": "管理员（表格所有者）",
  "role.marketer": "市场人员",
  "role.approver1": "审批人，第 1 级",
  "role.approver2": "审批人，第 2 级",
  "role.finance": "财务",
  "lang.en": "英文",
  "lang.zh": "简体中文",
};

export const FRAME_CATALOG: { readonly [L in Lang]: { readonly [K in FrameKey]: string } } = { en: EN, zh: ZH };

export function frameLang(locale: string | null | undefined): Lang {
  return langOf(locale);
}

export function ft(lang: Lang, key: FrameKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(FRAME_CATALOG[lang][key], params);
}
