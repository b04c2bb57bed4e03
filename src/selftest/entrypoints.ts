// The self-test build's global surface: everything the add-on exposes, with onOpen/onInstall replaced by the
// variant that adds the self-test item, plus the self-test's own entry points (listed in surface.ts).
export * from "../server/entrypoints";
export { menuRunSelfTest, onInstall, onOpen, selftestProbe } from "./menu";
