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
];

/** The columns a person types, in the tab's order: all but Status, which the add-on writes. */
export const CAMPAIGN_INPUT_KEYS = CAMPAIGN_KEYS.filter((key) => key !== "status");
