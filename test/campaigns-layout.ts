// The Campaigns tab as its users know it: the column keys in order and the English headers. Written out once, not
// derived from the tab spec, so the tests of the spec, of setup and of the reader hold the spec to this layout.

export const CAMPAIGN_KEYS = [
  "id",
  "name",
  "owner",
  "objective",
  "audience",
  "channels",
  "content",
  "place",
  "start",
  "end",
  "budget",
  "currency",
  "kpis",
  "status",
  "research",
] as const;

export const CAMPAIGN_HEADERS_EN: readonly string[] = [
  "ID",
  "Name",
  "Owner",
  "Objective",
  "Target audience",
  "Channels",
  "Content",
  "Place",
  "Start",
  "End",
  "Total budget",
  "Currency",
  "KPIs",
  "Status",
  "Research",
];

/**
 * The columns a person types from A on, in the tab's order: those before Status, which the add-on writes (Research,
 * added later, sits after it).
 */
export const CAMPAIGN_INPUT_KEYS = CAMPAIGN_KEYS.slice(0, CAMPAIGN_KEYS.indexOf("status"));
