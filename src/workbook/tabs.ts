// Every tab the add-on installs, in the order setup creates them: the one list that Set up workbook, the layout
// cache and the tests walk. Each feature defines its own tabs; this file only puts them together.
import { CAMPAIGNS_TAB, ESCALATIONS_TAB, LOG_TAB, NOTIFICATIONS_TAB, RESEARCH_TAB, TASKS_TAB } from "./approvals/tabs";
import { EVALUATION_TABS_SPECS } from "./evaluation/tabs";
import { SETTINGS_TAB } from "./shared/settings";
import type { TabSpec } from "./shared/spec";
import { SPEND_TAB_SPECS } from "./spend/tabs";

/** In the order setup creates them. */
export const TABS: readonly TabSpec[] = [
  CAMPAIGNS_TAB,
  RESEARCH_TAB,
  TASKS_TAB,
  ESCALATIONS_TAB,
  SETTINGS_TAB,
  LOG_TAB,
  NOTIFICATIONS_TAB,
  ...EVALUATION_TABS_SPECS,
  ...SPEND_TAB_SPECS,
];
