import type { CellValue } from "../cells/CellValue";
import type { RowEvaluation } from "../evaluation/evaluateTracker";
import type { Rag, StandardStatus } from "../evaluation/StandardResult";
import type { ModelValue } from "../port/SheetModel";
import type { SheetSnapshot } from "../port/WorkbookPort";
import type { Standard } from "../standards/Standard";
import { cellAddress, columnLetters } from "../tables/cellAddress";
import type { TrackerTable } from "../tables/TrackerTable";
import {
  STATUS_BLOCK_MARKER,
  STATUS_BLOCK_NOTE,
  STATUS_HEADER_PREFIX,
  type StatusColumnsModel,
  type StatusColumnsProblem,
  type TextEqualsRule,
} from "./StatusColumnsModel";

/** The word a status column shows: the status as the CLI names it, capitalised. */
export const STATUS_WORDS: Readonly<Record<StandardStatus, string>> = {
  overdue: "Overdue",
  "met late": "Met late",
  "due soon": "Due soon",
  "cannot assess": "Cannot assess",
  met: "Met",
  "not yet due": "Not yet due",
  "not applicable": "Not applicable",
};

/** The overall column's word; a row where nothing applies is left blank. */
export const RAG_WORDS: Readonly<Record<Rag, string | null>> = {
  red: "Red",
  amber: "Amber",
  grey: "Grey",
  green: "Green",
  none: null,
};

/** Excel's own "light red fill with dark red text" family of presets, so the block looks native. */
export const STATUS_RULES: readonly TextEqualsRule[] = [
  { texts: ["Red", STATUS_WORDS.overdue, STATUS_WORDS["met late"]], fill: "FFC7CE", fontColor: "9C0006" },
  { texts: ["Amber", STATUS_WORDS["due soon"]], fill: "FFEB9C", fontColor: "9C5700" },
  { texts: ["Grey", STATUS_WORDS["cannot assess"]], fill: "D9D9D9", fontColor: "404040" },
  { texts: ["Green", STATUS_WORDS.met, STATUS_WORDS["not yet due"]], fill: "C6EFCE", fontColor: "006100" },
];

export type StatusColumnsBuild =
  { ok: true; model: StatusColumnsModel } | { ok: false; problem: StatusColumnsProblem };

export interface StatusColumnsInput {
  /** The tracker sheet as read now, for where the table ends and where an earlier block sits. */
  snapshot: SheetSnapshot;
  table: TrackerTable;
  /** The evaluated rows; rows of other sheets are ignored. */
  rows: readonly RowEvaluation[];
  /** The standards evaluated: the sheet's enabled ones become columns, in this order. */
  standards: readonly Standard[];
}

/**
 * The add-in's status block beside one tracker table: the overall RAG, one status word per standard of
 * the sheet, and the next due date with its standard. The block goes in the first free column right
 * of everything in the table's rows, or exactly where the marker header of an earlier block stands, so
 * a re-run replaces it and no user cell moves. A wider block never spills over a user's cells: that
 * is a problem to report, not a cell to overwrite.
 */
export function buildStatusColumns(input: StatusColumnsInput): StatusColumnsBuild {
  const { snapshot, table } = input;
  const standards = input.standards.filter((s) => s.enabled && s.sheet === table.sheetKey);
  const titleOf = new Map(standards.map((s) => [s.id, s.title]));
  const headers = [
    STATUS_BLOCK_MARKER,
    ...standards.map((s) => `${STATUS_HEADER_PREFIX}RAG: ${s.title}`),
    `${STATUS_HEADER_PREFIX}RAG next due date`,
    `${STATUS_HEADER_PREFIX}RAG next due standard`,
  ];
  const width = headers.length;
  const headerCells = snapshot.values[table.headerRow - 1] ?? [];
  const earlier = earlierBlock(headerCells);
  const lastRow = Math.max(snapshot.values.length, table.headerRow);
  const firstColumn = earlier?.firstColumn ?? lastUsedColumn(snapshot.values, table.headerRow) + 1;
  const earlierWidth = earlier?.width ?? 0;

  // Columns the new block needs beyond the earlier one must be empty from the header row down.
  for (let r = table.headerRow; r <= lastRow; r++) {
    const cells = snapshot.values[r - 1] ?? [];
    for (let c = firstColumn + earlierWidth; c < firstColumn + width; c++) {
      if (!isBlank(cells[c - 1])) {
        return {
          ok: false,
          problem: {
            code: "columns-in-use",
            message:
              `“${snapshot.name}”: the status columns need ${columnLetters(firstColumn)} to ` +
              `${columnLetters(firstColumn + width - 1)}, but ${cellAddress(r, c)} holds data. ` +
              "Move it, or clear the status columns, and run again.",
          },
        };
      }
    }
  }

  const byRow = new Map<number, RowEvaluation>();
  for (const row of input.rows) if (row.sheetName === table.sheetName) byRow.set(row.rowNumber, row);
  const bodyRows = table.rows.map((trackerRow) => {
    const evaluation = byRow.get(trackerRow.rowNumber);
    return {
      row: trackerRow.rowNumber,
      values: evaluation ? rowValues(evaluation, standards, titleOf) : blanks(width),
    };
  });

  const lastStatusColumn = firstColumn + standards.length;
  const bodyBottom = bodyRows.reduce((bottom, r) => Math.max(bottom, r.row), table.headerRow);
  const formatRange =
    bodyRows.length === 0
      ? null
      : `${cellAddress(table.headerRow + 1, firstColumn)}:${cellAddress(bodyBottom, lastStatusColumn)}`;

  const columnWidths: Record<number, number> = {};
  headers.forEach((header, i) => {
    columnWidths[firstColumn + i] = i === width - 2 ? 12 : Math.min(28, Math.max(12, header.length * 0.6));
  });

  return {
    ok: true,
    model: {
      sheet: snapshot.name,
      headerRow: table.headerRow,
      firstColumn,
      headers,
      note: STATUS_BLOCK_NOTE,
      rows: bodyRows,
      clear: { columns: earlierWidth, lastRow },
      formatRange,
      rules: STATUS_RULES.map((r) => ({ ...r, texts: [...r.texts] })),
      columnWidths,
    },
  };
}

/** The marker of a block written before, and how many columns it owns (the marker and "▸ " headers). */
export function earlierBlock(
  headerCells: readonly CellValue[],
): { firstColumn: number; width: number } | undefined {
  const at = headerCells.findIndex((v) => typeof v === "string" && v.trim() === STATUS_BLOCK_MARKER);
  if (at < 0) return undefined;
  let width = 1;
  while (true) {
    const next = headerCells[at + width];
    if (typeof next !== "string" || !next.startsWith(STATUS_HEADER_PREFIX)) break;
    width++;
  }
  return { firstColumn: at + 1, width };
}

function rowValues(
  row: RowEvaluation,
  standards: readonly Standard[],
  titleOf: ReadonlyMap<string, string>,
): ModelValue[] {
  const byStandard = new Map(row.results.map((r) => [r.standardId, r.status]));
  return [
    RAG_WORDS[row.rag],
    ...standards.map((s) => {
      const status = byStandard.get(s.id);
      return status === undefined ? null : STATUS_WORDS[status];
    }),
    row.nextDue ? { date: row.nextDue.deadline } : null,
    row.nextDue ? (titleOf.get(row.nextDue.standardId) ?? row.nextDue.standardId) : null,
  ];
}

function blanks(width: number): ModelValue[] {
  return Array.from({ length: width }, () => null);
}

/** The last column holding anything from the header row down: the table and whatever sits beside it. */
function lastUsedColumn(values: readonly (readonly CellValue[])[], headerRow: number): number {
  let last = 0;
  for (let r = headerRow - 1; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = row.length - 1; c >= last; c--) {
      if (!isBlank(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
