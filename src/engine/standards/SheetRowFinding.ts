/**
 * A problem with one row of a sheet the add-in reads back from the workbook (Standards, Holidays):
 * which row and cell, and what is wrong, in a sentence that also says what the add-in did instead.
 */
export interface SheetRowFinding {
  severity: "warning" | "info";
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** The cell, in A1 form, when one cell is at fault. */
  cell?: string;
  message: string;
}
