// The demo's words in Simplified Chinese, for a workbook in Chinese: names, objectives, audiences, content, places,
// KPIs, tasks, channels, categories, indicators, vendors and notes. IDs, e-mails, dates, amounts and currencies stay
// as they are. A plan's channels and an expense's category are checked against the Settings lists, so the demo writes
// those lists in Chinese too (ZH_CHANNELS, ZH_CATEGORIES).
import type { Emulator } from "../../test/emulator/index";

const ZH: Readonly<Record<string, string>> = {
  // Campaigns of the approval demo
  "Spring launch: Aurora headphones": "春季新品发布：极光耳机",
  "2,000 pre-orders and 15,000 qualified leads by 30 April": "4 月 30 日前获得 2,000 份预订和 15,000 条有效线索",
  "Commuters 25-40 in tier-1 cities who stream daily": "一线城市 25-40 岁、每天使用流媒体的通勤人群",
  "Launch film, 12 short clips, landing page, 3 creator reviews": "发布短片、12 条短视频、落地页、3 篇达人测评",
  "Online + Shanghai flagship store": "线上 + 上海旗舰店",
  "Pre-orders 2,000; leads 15,000; CPL <= 8": "预订 2,000; 线索 15,000; CPL <= 8",
  "618 mid-year sale": "618 年中大促",
  "Sales of 3.5 M during the 618 window, ROI >= 3": "618 期间销售额 350 万，ROI >= 3",
  "Existing customers and look-alikes": "现有客户及相似人群",
  "Coupons, livestreams on 3 evenings, email series": "优惠券、3 晚直播、系列邮件",
  Online: "线上",
  "Sales 3.5 M; ROI 3; conversion 4 %": "销售额 3.5 M; ROI 3; 转化率 4 %",
  "Trade fair: Home & Living Expo": "展会：家居生活博览会",
  "300 distributor meetings, 40 signed letters of intent": "与经销商会谈 300 次，签署 40 份意向书",
  "Regional distributors and retail buyers": "区域经销商和零售采购",
  "Booth, brochure, demo area, evening reception": "展位、宣传册、演示区、晚间招待会",
  "Guangzhou Canton Fair Complex, hall 9": "广州广交会展馆 9 号馆",
  "Meetings 300; LOIs 40": "会谈 300; 意向书 40",
  "Brand awareness survey wave 2": "品牌认知度调研第二波",
  "Raise aided awareness from 31 % to 38 %": "提示认知度从 31 % 提升到 38 %",
  "Urban adults 18-45": "18-45 岁城市成年人",
  "Metro posters, 15 s pre-roll": "地铁海报、15 秒贴片广告",
  "Beijing, Chengdu": "北京、成都",
  "Aided awareness 38 %; reach 6 M": "提示认知度 38 %; 触达 6 M",
  // Research findings the demo plans cite
  "Commuter listening habits": "通勤人群收听习惯",
  "Tier-1 commuters 25-40": "一线城市 25-40 岁通勤人群",
  "Seven in ten stream on the commute and name noise cancelling as the first reason to upgrade":
    "七成在通勤途中使用流媒体，并把降噪列为升级耳机的首要原因",
  "618 price sensitivity": "618 价格敏感度",
  "Existing customers": "现有客户",
  "Coupons above 15 % double the conversion of returning buyers; deeper ones add little":
    "15% 以上的优惠券使老客转化率翻倍，更大力度收效甚微",
  "Distributor needs": "经销商需求",
  "Regional distributors": "区域经销商",
  "Distributors sign where they can see the product working, not from brochures":
    "经销商在看到产品实际演示后才签约，而非看宣传册",
  "B2B webinar attendance": "B2B 网络研讨会参与情况",
  "IT managers and partners": "IT 经理和合作伙伴",
  "Registrations double when a recording is promised; live attendance stays near a third":
    "承诺提供回放时报名人数翻倍，实时参与率约为三分之一",
  // The spring launch's execution plan
  "Brief three creators and agree on review dates": "向三位达人说明需求并约定测评日期",
  "Signed creator briefs": "签字的达人需求说明",
  "Produce the launch film and 12 clips": "制作发布短片和 12 条短视频",
  "Final cuts, subtitled": "带字幕的成片",
  "Run paid social and search": "投放付费社交和搜索广告",
  "Weekly performance report": "每周效果报告",
  // Budget control
  "Autumn brand film": "秋季品牌片",
  "A 90-second brand film seen 2 million times by 30 September": "9 月 30 日前 90 秒品牌片播放 200 万次",
  "Urban adults 25-40": "25-40 岁城市成年人",
  "Brand film, 6 cut-downs, behind-the-scenes posts": "品牌片、6 条剪辑版、幕后花絮帖子",
  "Views 2,000,000; completion rate 35 %": "播放 2,000,000; 完播率 35 %",
  Media: "媒体",
  Content: "内容",
  Events: "活动",
  Travel: "差旅",
  Other: "其他",
  "Film production": "影片制作",
  "Pre-roll and feeds": "贴片和信息流",
  "Northlight Films": "北光影业",
  "Shoot, 3 days": "拍摄 3 天",
  "Edit and grade": "剪辑和调色",
  "Video platform": "视频平台",
  "Pre-roll, week 1-2": "贴片广告，第 1-2 周",
  "Creator studio": "达人工作室",
  "Two reaction videos": "两条反应视频",
  // Monitoring and evaluation
  "Winter webinar series": "冬季网络研讨会系列",
  "800 qualified leads from four webinars by 20 March": "3 月 20 日前通过四场研讨会获得 800 条有效线索",
  "IT managers at mid-sized companies": "中型企业的 IT 经理",
  "Four webinars, invitation mailings, recordings": "四场网络研讨会、邀请邮件、录像",
  "Leads 800; CPL <= 40": "线索 800; CPL <= 40",
  "Year-end creator collab": "年终达人合作",
  "1,000 pre-orders through creators before the holidays": "节前通过达人获得 1,000 份预订",
  "Commuters 25-40 in tier-1 cities": "一线城市 25-40 岁通勤人群",
  "Three creator videos, a discount code per creator": "三条达人视频，每位达人一个优惠码",
  "Pre-orders 1,000; sales 150,000": "预订 1,000; 销售额 150,000",
  "Partner newsletter relaunch": "合作伙伴通讯改版",
  "A monthly partner newsletter with 40 % opens": "每月一期合作伙伴通讯，打开率 40 %",
  "Resellers and partners": "经销商和合作伙伴",
  "Template, four issues, partner stories": "模板、四期通讯、合作伙伴故事",
  "Open rate 40 %": "打开率 40 %",
  "Book the speakers": "邀请演讲嘉宾",
  "Speaker list": "嘉宾名单",
  "Send the second invitation": "发送第二轮邀请",
  Mailing: "邀请邮件",
  "Run the last webinar": "举办最后一场研讨会",
  Recording: "录像",
  "Brief the creators": "向达人说明需求",
  Briefs: "需求说明",
  "Publish the videos": "发布视频",
  Videos: "视频",
  Leads: "线索",
  leads: "条",
  "Pre-orders": "预订",
  orders: "单",
  Sales: "销售额",
  Shop: "网店",
  Ads: "广告平台",
  "Mail service": "邮件服务商",
  Invitations: "邀请函",
  "Three videos": "三条视频",
  // Labels of dropdowns, in the workbook's language
  Done: "已完成",
  "Higher is better": "越高越好",
  "Lower is better": "越低越好",
};

export const ZH_CATEGORIES = "媒体, 内容, 活动, KOL, 差旅, 其他";

const CHANNELS: Readonly<Record<string, string>> = {
  Email: "邮件",
  Social: "社交媒体",
  Search: "搜索",
  KOL: "KOL",
  Events: "活动",
  Print: "印刷品",
  Outdoor: "户外",
  Video: "视频",
  "E-commerce": "电商",
};

export const ZH_CHANNELS = Object.values(CHANNELS).join(", ");

export function isChinese(emu: Emulator): boolean {
  return emu.spreadsheet.getSpreadsheetLocale().toLowerCase().startsWith("zh");
}

/** A demo text in the workbook's language (unchanged in English, and for words that are not translated). */
export function word<T extends string | number | undefined>(emu: Emulator, value: T): T | string {
  return isChinese(emu) && typeof value === "string" ? (ZH[value] ?? value) : value;
}

/** Every text of the rows in the workbook's language. */
export function localized<R extends Readonly<Record<string, string | number | undefined>>>(
  emu: Emulator,
  rows: readonly R[],
): R[] {
  if (!isChinese(emu)) return [...rows];
  return rows.map((row) => {
    const out: Record<string, string | number | undefined> = {};
    for (const [key, value] of Object.entries(row)) {
      out[key] =
        key === "channels" && typeof value === "string"
          ? value
              .split(",")
              .map((c) => CHANNELS[c.trim()] ?? c.trim())
              .join(", ")
          : word(emu, value);
    }
    return out as R;
  });
}
