// The self-test build's list of globals: the add-on's list plus the self-test's menu item and one-probe runner.
import { type EntryPoint, SURFACE } from "../server/surface";

export const SELFTEST_SURFACE: readonly EntryPoint[] = [
  ...SURFACE,
  { name: "menuRunSelfTest", kind: "menu", params: [] },
  { name: "selftestProbe", kind: "rpc", params: ["id"] },
];
