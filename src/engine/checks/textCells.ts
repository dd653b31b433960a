import { EXCEL_ERROR_TEXTS, isCellError } from "../cells/CellValue";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { TypedTable } from "./TypedTable";

/** The cells of a column worth a closer look by the text checks, as row indexes in row order. */
export interface TextCellsToCheck {
  /** Text with white space tidyText would change. */
  untidy: readonly number[];
  /** Error values, and text that may be an error's text ("#N/A", " #ref! "). */
  errors: readonly number[];
}

/**
 * Both text checks (TEXT-UNTRIMMED and CELL-FORMULA-ERROR) read every text cell of a column; one
 * pass per column finds the few cells either could report, and each check then reads only those.
 * Most of a tracker's million text cells are tidy text that is no error, and visiting them twice
 * was most of the cost of the checks.
 */
export function textCellsToCheck(table: TypedTable, key: ColumnKey): TextCellsToCheck {
  return table.shared(key, scanText);
}

function scanText(table: TypedTable, key: ColumnKey): TextCellsToCheck {
  const values = table.values(key);
  const untidy: number[] = [];
  const errors: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (typeof value === "string") {
      if (NEEDS_TIDYING.test(value)) untidy.push(i);
      if (mayShowError(value)) errors.push(i);
    } else if (isCellError(value)) errors.push(i);
  }
  return { untidy, errors };
}

/** The Excel error a text shows once trimmed and upper-cased, when it shows one. */
export function errorText(text: string): string | undefined {
  const shown = text.trim().toUpperCase();
  return EXCEL_ERROR_TEXTS.has(shown) ? shown : undefined;
}

const HASH = 0x23;

// Every error text starts with "#", so text that starts with another visible ASCII character is
// none, known without trimming and upper-casing it: almost every text cell.
function mayShowError(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === HASH || !(first > 0x20 && first < 0x7f);
}

// Most cells are tidy: a quick test spares them the split and join.
const NEEDS_TIDYING = /^\s|\s$|[\t\u00a0]| {2}| \n|\n /;

/** Trims and collapses runs of spaces (non-breaking spaces too) to one space; line breaks are kept. */
export function tidyText(value: string): string {
  if (!NEEDS_TIDYING.test(value)) return value;
  return value
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
}
