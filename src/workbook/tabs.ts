// The tabs this add-on installs: Campaigns (one campaign per row) and Settings (one key/value row per setting).
import { CAMPAIGN_STATUSES, CURRENCIES, statusFromText, statusLabel } from "../domain/campaign";
import type { ColumnSpec, TabSpec } from "./spec";

const status: ColumnSpec = {
  key: "status",
  label: "col.campaigns.status",
  help: "col.campaigns.status.help",
  kind: "choice",
  width: 150,
  choice: {
    values: (lang) => CAMPAIGN_STATUSES.map((s) => statusLabel(s, lang)),
    parse: statusFromText,
    blank: "Draft",
  },
};

const currency: ColumnSpec = {
  key: "currency",
  label: "col.campaigns.currency",
  help: "col.campaigns.currency.help",
  kind: "choice",
  width: 80,
  choice: {
    values: () => CURRENCIES,
    // A code not in the dropdown is still a currency (the dropdown only offers the common ones).
    parse: (text) => (/^[A-Za-z]{3}$/.test(text.trim()) ? text.trim().toUpperCase() : null),
    blank: null,
  },
};

export const CAMPAIGNS_TAB: TabSpec = {
  key: "campaigns",
  name: "tab.campaigns",
  columns: [
    {
      key: "id",
      label: "col.campaigns.id",
      help: "col.campaigns.id.help",
      kind: "text",
      required: true,
      width: 100,
      plainText: true,
    },
    {
      key: "name",
      label: "col.campaigns.name",
      help: "col.campaigns.name.help",
      kind: "text",
      required: true,
      width: 200,
    },
    { key: "owner", label: "col.campaigns.owner", help: "col.campaigns.owner.help", kind: "text", width: 180 },
    {
      key: "objective",
      label: "col.campaigns.objective",
      help: "col.campaigns.objective.help",
      kind: "text",
      width: 220,
    },
    { key: "audience", label: "col.campaigns.audience", help: "col.campaigns.audience.help", kind: "text", width: 160 },
    { key: "channels", label: "col.campaigns.channels", help: "col.campaigns.channels.help", kind: "list", width: 160 },
    { key: "content", label: "col.campaigns.content", help: "col.campaigns.content.help", kind: "text", width: 220 },
    { key: "place", label: "col.campaigns.place", help: "col.campaigns.place.help", kind: "text", width: 140 },
    { key: "start", label: "col.campaigns.start", help: "col.campaigns.start.help", kind: "date", width: 100 },
    { key: "end", label: "col.campaigns.end", help: "col.campaigns.end.help", kind: "date", width: 100 },
    { key: "budget", label: "col.campaigns.budget", help: "col.campaigns.budget.help", kind: "money", width: 120 },
    currency,
    { key: "kpis", label: "col.campaigns.kpis", help: "col.campaigns.kpis.help", kind: "text", width: 200 },
    status,
  ],
};

export const SETTINGS_TAB: TabSpec = {
  key: "settings",
  name: "tab.settings",
  columns: [
    {
      key: "key",
      label: "col.settings.key",
      help: "col.settings.key.help",
      kind: "text",
      required: true,
      width: 160,
      plainText: true,
    },
    { key: "value", label: "col.settings.value", help: "col.settings.value.help", kind: "any", width: 240 },
    {
      key: "description",
      label: "col.settings.description",
      help: "col.settings.description.help",
      kind: "text",
      width: 420,
    },
  ],
};

export const TABS: readonly TabSpec[] = [CAMPAIGNS_TAB, SETTINGS_TAB];
