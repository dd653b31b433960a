import type { ModelValue } from "../port/SheetModel";
import { cellAddress } from "../tables/cellAddress";

/**
 * The marker header of the add-in's status block beside a tracker table. A re-run finds its block
 * by this text in the header row and writes over it, so the columns are replaced, never repeated.
 */
export const STATUS_BLOCK_MARKER = "Tracker status ▸ overall RAG";

/**
 * Every other header of the block starts with this. With "RAG" in each header, no header of the block
 * is ever read back as a tracker column (header matching only guesses from headers made of tracker
 * words), so the block never disturbs reading the table it stands beside.
 */
export const STATUS_HEADER_PREFIX = "▸ ";

/** What a header comment on the marker says, so a user knows the columns are not theirs to type in. */
export const STATUS_BLOCK_NOTE =
  "Written by the permanence tracker add-in: RAG per standard, overall RAG and next due date. " +
  "Re-running status columns replaces these columns; anything typed here is overwritten.";

/** A fill for cells whose text equals one of `texts`: conditional formatting as data. */
export interface TextEqualsRule {
  /** The words this rule colours, compared case-insensitively as Excel does. */
  texts: string[];
  /** RRGGBB without '#'. */
  fill: string;
  fontColor: string;
}

/**
 * Columns the add-in owns to the right of a tracker table: a header row, one row per tracker row,
 * and text-equals conditional formats over the body. Ports write it in place; no other cell moves.
 */
export interface StatusColumnsModel {
  sheet: string;
  headerRow: number;
  /** 1-based column of the marker header: the block's first column. */
  firstColumn: number;
  /** The header cells from `firstColumn` on; the first is `STATUS_BLOCK_MARKER`. */
  headers: string[];
  /** Comment attached to the marker header cell. */
  note: string;
  /** Body rows by 1-based sheet row; each holds `headers.length` values. */
  rows: { row: number; values: ModelValue[] }[];
  /**
   * The earlier block to clear first (the add-in's own columns from a previous run): its width and
   * its last row. Cells there that the new block does not write become blank.
   */
  clear: { columns: number; lastRow: number };
  /** Body range ("F3:P40") the conditional formats apply to, or null when there are no body rows. */
  formatRange: string | null;
  rules: TextEqualsRule[];
  /** Column widths in Excel character units, by 1-based column. */
  columnWidths: Record<number, number>;
}

/** What a port wrote. */
export interface StatusColumnsWriteReport {
  sheet: string;
  /** The block written, header included ("F2:P40"). */
  range: string;
  rows: number;
}

/** Why a port could not write a block: the user's sheet is left exactly as it was. */
export interface StatusColumnsProblem {
  code: "sheet-missing" | "sheet-protected" | "columns-in-use" | "write-failed";
  message: string;
}

export type StatusColumnsWrite =
  { ok: true; report: StatusColumnsWriteReport } | { ok: false; problem: StatusColumnsProblem };

/** The block's range, header included: what a port reports it wrote. */
export function statusColumnsRange(model: StatusColumnsModel): string {
  const bottom = model.rows.reduce((b, r) => Math.max(b, r.row), model.headerRow);
  return `${cellAddress(model.headerRow, model.firstColumn)}:${cellAddress(bottom, model.firstColumn + model.headers.length - 1)}`;
}

/** A port's report of a block written. */
export function statusColumnsWritten(model: StatusColumnsModel): StatusColumnsWrite {
  return {
    ok: true,
    report: { sheet: model.sheet, range: statusColumnsRange(model), rows: model.rows.length },
  };
}

/** The same sentence from every port when the sheet cannot take the block. */
export function statusColumnsRefused(
  code: "sheet-missing" | "sheet-protected",
  sheet: string,
): StatusColumnsWrite {
  const message =
    code === "sheet-missing"
      ? `There is no sheet named “${sheet}” any more: the status columns were not written.`
      : `“${sheet}” is protected, so the status columns were not written: unprotect it (Review > Unprotect Sheet) and run again.`;
  return { ok: false, problem: { code, message } };
}

/**
 * The same sentence from every port when the block stands inside an Excel Table with the table's own
 * columns to its right and fewer columns are needed now: a narrower block would leave blank headers
 * inside the table, and moving the user's columns is not the add-in's to do.
 */
export function statusColumnsInsideTable(model: StatusColumnsModel, table: string): StatusColumnsProblem {
  return {
    code: "write-failed",
    message:
      `“${model.sheet}”: the status columns stand inside the Excel Table “${table}” with the table's own ` +
      "columns to their right, and fewer columns are needed now. Delete the status columns from the " +
      "table (or move them to its right end) and run again.",
  };
}
