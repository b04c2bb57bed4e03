// The add-on menu's captions in English and Simplified Chinese: the only catalog texts Code.js carries itself.
// onOpen builds the menu in every AuthMode, NONE included, where the AuthMode reference allows no service that
// requires authorization; whether HtmlService may read the catalog files there is not documented, so the menu does
// not depend on them. The catalog (catalog.ts) merges these in, so t() knows them too.
import type { Lang } from "./lang";

export const MENU_CAPTIONS = {
  "menu.setUp": { en: "Set up workbook", zh: "设置工作簿" },
  "menu.campaigns": { en: "My campaigns", zh: "我的推广活动" },
  "menu.approvals": { en: "Approvals", zh: "审批" },
  "menu.verifyLog": { en: "Verify audit log", zh: "校验审批记录" },
  "menu.roles": { en: "Roles and settings", zh: "角色与设置" },
  "spend.menu.expenses": { en: "Expenses", zh: "费用" },
  "spend.menu.refresh": { en: "Refresh variance report", zh: "刷新预算差异报告" },
  "spend.menu.schedule": { en: "Hourly variance report on/off", zh: "每小时刷新差异报告：开/关" },
  "spend.menu.adopt": { en: "Adopt expenses recorded before sealing", zh: "采纳封存前登记的费用" },
  "menu.monitor": { en: "Monitoring and evaluation", zh: "监控与评估" },
  "menu.refreshReport": { en: "Refresh evaluation report", zh: "刷新评估报告" },
} as const satisfies Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

export type MenuCaptionKey = keyof typeof MENU_CAPTIONS;

export function menuCaption(lang: Lang, key: MenuCaptionKey): string {
  return MENU_CAPTIONS[key][lang];
}
