import type { CellValue } from "../cells/CellValue";
import { codeListNamed, matchCode, type CodeList, type CodeMatch } from "../profile/codeLists";
import type { ColumnKey, ColumnSpec } from "../profile/TrackerProfile";
import { cellText, type TypedTable } from "./TypedTable";

/** How a code cell was written: the code itself ("c2 " counts), the words for it, or neither. */
export type CodeReading =
  | { kind: "code"; match: Extract<CodeMatch, { kind: "code" }> }
  | { kind: "words"; match: Extract<CodeMatch, { kind: "code" }>; text: string }
  | { kind: "unknown"; text: string };

export function readCode(list: CodeList, text: string): CodeReading {
  const match = matchCode(list, text);
  if (match.kind === "unknown") return { kind: "unknown", text: match.text };
  if (match.kind === "empty") return { kind: "unknown", text };
  return match.code.code === text.trim().toUpperCase()
    ? { kind: "code", match }
    : { kind: "words", match, text };
}

/** A code column whose list is known, with the cells any code check could report. */
export interface CodeColumnCells {
  column: ColumnSpec;
  list: CodeList;
  /** Row indexes and readings of the cells that are not a current code written as the code. */
  cells: readonly { index: number; reading: CodeReading }[];
}

/**
 * The table's code columns whose code list is known, each with its cells that are unknown, written
 * as words, or a legacy code, in row order: a current code written as itself is fine for every code
 * check, and is nearly every cell. Read once per typed table (TypedTable.shared) for the three code
 * checks, and each distinct text is matched once per column: a column holds a handful of texts over
 * 100,000 rows.
 */
export function codeCellsToReport(table: TypedTable): readonly CodeColumnCells[] {
  const found: CodeColumnCells[] = [];
  for (const column of table.mappedColumns) {
    const list = codeListOf(column);
    if (list !== undefined) found.push({ column, list, cells: table.shared(column.key, reportableCells) });
  }
  return found;
}

function reportableCells(table: TypedTable, key: ColumnKey): { index: number; reading: CodeReading }[] {
  const list = codeListOf(table.mappedColumns.find((c) => c.key === key));
  if (list === undefined) return [];
  const values = table.values(key);
  // Read by the cell as it is: the same few values fill the column, and each is trimmed and
  // matched once. `null` remembers a cell with no text.
  const readings = new Map<CellValue, CodeReading | null>();
  const cells: { index: number; reading: CodeReading }[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? null;
    if (value === null) continue;
    let reading = readings.get(value);
    if (reading === undefined) {
      const text = cellText(value);
      reading = text === undefined ? null : readCode(list, text);
      readings.set(value, reading);
    }
    if (reading !== null && (reading.kind !== "code" || reading.match.code.legacy === true)) {
      cells.push({ index, reading });
    }
  }
  return cells;
}

/** The code list of a code column, when the profile names one that exists. */
function codeListOf(column: ColumnSpec | undefined): CodeList | undefined {
  return column?.type === "code" && column.codeList !== undefined
    ? codeListNamed(column.codeList)
    : undefined;
}
