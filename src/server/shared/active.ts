// The spreadsheet the script runs in: one short name for SpreadsheetApp.getActiveSpreadsheet(), which thirty-odd
// server functions start from (Code.js spells a global's member out at every call; a local function it minifies).
export function activeSpreadsheet(): ReturnType<typeof SpreadsheetApp.getActiveSpreadsheet> {
  return SpreadsheetApp.getActiveSpreadsheet();
}
