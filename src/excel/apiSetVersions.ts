/**
 * The ExcelApi requirement sets the port uses. 1.7 is the manifest's minimum (getItemOrNullObject
 * 1.4, custom XML parts 1.5, calculation suspension 1.6, hyperlinks, freeze panes and tab colours
 * 1.7); the rest are used where the host has them and their absence is said in a note.
 */
export const REQUIRED_API = "1.7";
export const OPTIONAL_API = {
  gridlines: "1.8",
  pageLayout: "1.9",
  autoFilter: "1.9",
  hiddenRows: "1.9",
  mergedAreas: "1.13",
  undoGroup: "1.20",
  charts: "1.1",
} as const;
