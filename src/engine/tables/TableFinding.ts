import { z } from "zod";

/**
 * A problem with the shape of a tracker sheet (not with its data): a missing sheet or column, a
 * header that could not be found, a column read by a guess. Each has a stable code and a plain
 * en-GB message that names the sheet, so the pane, the CLI and the data-quality sheet can all show it.
 */
export const TableFindingCode = z.enum([
  "SHEET-MISSING",
  "SHEET-EMPTY",
  "HEADER-NOT-FOUND",
  "REQUIRED-COLUMN-MISSING",
  "DUPLICATE-HEADER",
  "COLUMN-GUESSED",
  "COLUMNS-NOT-READ",
  "MERGED-CELLS-IN-TABLE",
  "HIDDEN-ROWS-READ",
  "HEADER-ROW-REPEATED", // the header row pasted again below: not a row of data (issue 10)
  "SHEET-AMBIGUOUS", // two worksheets match one profile sheet: only one is read (issue 10)
  "PROFILE-UNREADABLE",
]);
export type TableFindingCode = z.infer<typeof TableFindingCode>;

export const TableFinding = z.object({
  code: TableFindingCode,
  severity: z.enum(["error", "warning", "info"]),
  /** The worksheet's name, or the profile's sheet title when the worksheet is missing. */
  sheet: z.string(),
  /** The cell or range the finding is about, in A1 form, when there is one. */
  cell: z.string().optional(),
  message: z.string(),
});
export type TableFinding = z.infer<typeof TableFinding>;
