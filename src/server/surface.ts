// The one list of what becomes global in Apps Script: the build writes a top-level stub for each entry, and a
// test fails when this list, the stubs in dist/Code.js and the exports of entrypoints.ts drift apart. Each feature
// lists its own entries (menu items, RPCs, custom functions); the simple triggers are the add-on's own.
import { ADMIN_SURFACE } from "./admin/surface";
import { APPROVALS_SURFACE } from "./approvals/surface";
import { EVALUATION_SURFACE } from "./evaluation/surface";
import type { EntryPoint } from "./shared/entry";
import { SPEND_SURFACE } from "./spend/surface";

export type { EntryKind, EntryPoint } from "./shared/entry";

export const SURFACE: readonly EntryPoint[] = [
  { name: "onOpen", kind: "trigger", params: ["e"] },
  { name: "onInstall", kind: "trigger", params: ["e"] },
  { name: "onEdit", kind: "trigger", params: ["e"] },
  ...ADMIN_SURFACE,
  ...APPROVALS_SURFACE,
  ...SPEND_SURFACE,
  ...EVALUATION_SURFACE,
];
