// Vitest set-up for every test file: code from src/ that runs in Node gets its texts straight from the source
// catalogs, where Code.js in Apps Script (and in the emulator) reads them from dist/i18n-<lang>.html.
import { CATALOG } from "../src/domain/catalog";
import { installCatalogLoader } from "../src/domain/i18n";

installCatalogLoader((lang) => CATALOG[lang]);
