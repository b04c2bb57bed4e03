// Backs the layout cache (workbook/layouts.ts) with the document properties. Installed when the bundle loads: that
// only registers functions, so the top level still calls no service (Apps Script runs it before every execution,
// AuthMode.NONE included); the properties are read the first time a table read needs them.
import { useLayoutStore } from "../../workbook/shared/layouts";
import { documentProperties } from "./store";

useLayoutStore(() => ({
  load: () => documentProperties().getProperties(),
  save: (entries) => {
    documentProperties().setProperties({ ...entries });
  },
}));
