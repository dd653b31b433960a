/**
 * The columns of the Standards sheet, in order: the builder writes these headers and the reader
 * finds columns by them (case, spaces and punctuation ignored), so a manager may reorder them.
 */
export const STANDARDS_SHEET_NAME = "Standards";

export const STANDARDS_COLUMNS = [
  { key: "id", header: "ID", width: 22 },
  { key: "title", header: "Title", width: 34 },
  { key: "sheet", header: "Sheet", width: 22 },
  { key: "start", header: "Start", width: 30 },
  { key: "startKind", header: "Start kind", width: 11 },
  { key: "end", header: "End", width: 18 },
  { key: "limit", header: "Limit", width: 7 },
  { key: "unit", header: "Unit", width: 13 },
  { key: "by", header: "Due by", width: 16 },
  { key: "amber", header: "Amber (working days)", width: 11 },
  { key: "appliesWhen", header: "Applies when", width: 28 },
  { key: "limitVariants", header: "Limit variants", width: 40 },
  { key: "earlyEnd", header: "End before start", width: 12 },
  { key: "exit", header: "Exit", width: 18 },
  { key: "basis", header: "Basis", width: 8 },
  { key: "source", header: "Source", width: 60 },
  { key: "enabled", header: "On", width: 6 },
] as const;

export type StandardsColumnKey = (typeof STANDARDS_COLUMNS)[number]["key"];

/** Rows above the header: a title and a line of guidance. */
export const STANDARDS_HEADER_ROW = 4;
