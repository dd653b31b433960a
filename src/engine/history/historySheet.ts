import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import type { DataQualityIssue } from "../checks/DataQualityIssue";
import { epochDayFromUtcDate, formatUkDate, type EpochDay } from "../dates/epochDay";
import type { CellStyle, ModelRun, ModelValue, SheetModel } from "../port/SheetModel";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { normaliseHeader, type SheetSpec, type TrackerProfile } from "../profile/TrackerProfile";
import { cellAddress } from "../tables/cellAddress";
import {
  HISTORY_HEADERS,
  HISTORY_SHEET_NAME,
  type HistoryEntry,
  type HistorySource,
  type RecordedEntry,
} from "./TrackerHistory";
import { plainCellTextOrNull } from "../cells/plainCellText";
import { shownCellText } from "../cells/shownCellText";

/** A row to append: the entry, with the sheet and column named as the user sees them. */
export interface HistoryRowToAppend extends HistoryEntry {
  sheetName: string;
  columnTitle: string;
}

export interface HistoryRead {
  /** Every valid row, in the sheet's order (the order the dates were seen in). */
  entries: RecordedEntry[];
  /** Rows that could not be read, each at its cell; they are kept on the sheet as they are. */
  issues: DataQualityIssue[];
}

const FIELDS = ["sheet", "id", "column", "date", "seen", "source"] as const;
type Field = (typeof FIELDS)[number];
const HEADER_TEXTS: Readonly<Record<Field, string>> = {
  sheet: normaliseHeader(HISTORY_HEADERS[0]),
  id: normaliseHeader(HISTORY_HEADERS[1]),
  column: normaliseHeader(HISTORY_HEADERS[2]),
  date: normaliseHeader(HISTORY_HEADERS[3]),
  seen: normaliseHeader(HISTORY_HEADERS[4]),
  source: normaliseHeader(HISTORY_HEADERS[5]),
};
const SOURCES: ReadonlyMap<string, HistorySource> = new Map([
  [normaliseHeader("tracker"), "tracker"],
  [normaliseHeader("case system"), "case system"],
]);

/** Whether a row is the Tracker history's header row: at least its ID, Date and Day seen columns. */
export function looksLikeHistoryHeader(cells: readonly CellValue[]): boolean {
  const texts = cells.map((v) => (typeof v === "string" ? normaliseHeader(v) : ""));
  return [HEADER_TEXTS.id, HEADER_TEXTS.date, HEADER_TEXTS.seen].every((t) => texts.includes(t));
}

/**
 * Reads the Tracker history sheet back. A user may have edited it, sorted it, deleted rows or
 * columns, or typed over a date: each row is read on its own, a row that cannot be read is reported
 * at its cell and left out of the figures (never rewritten), and nothing throws. The header row is
 * found by its texts in the first five rows, so moved columns are still read; without one, the
 * columns are taken in the order the add-in writes them.
 */
export function readHistorySheet(snapshot: SheetSnapshot, profile: TrackerProfile): HistoryRead {
  const { values } = snapshot;
  const issues: DataQualityIssue[] = [];
  const entries: RecordedEntry[] = [];
  let headerRow = 0;
  let at: Record<Field, number> = { sheet: 0, id: 1, column: 2, date: 3, seen: 4, source: 5 };
  for (let r = 0; r < Math.min(5, values.length); r++) {
    const texts = (values[r] ?? []).map((v) => (typeof v === "string" ? normaliseHeader(v) : ""));
    const found = FIELDS.map((f) => texts.indexOf(HEADER_TEXTS[f]));
    if (found[1] !== -1 && found[3] !== -1) {
      headerRow = r + 1;
      at = Object.fromEntries(FIELDS.map((f, i) => [f, found[i] ?? -1])) as Record<Field, number>;
      break;
    }
  }
  const problem = (row: number, column: number, message: string): void => {
    issues.push({
      sheet: snapshot.name,
      cell: cellAddress(row, Math.max(column, 0) + 1),
      row,
      column: null,
      severity: "warning",
      code: "HISTORY-ROW-UNREADABLE",
      message: `${snapshot.name} row ${row}: ${message}; the row is kept but not counted.`,
    });
  };
  for (let r = headerRow; r < values.length; r++) {
    const cells = values[r] ?? [];
    const row = r + 1;
    if (cells.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const cell = (field: Field): CellValue => (at[field] < 0 ? null : (cells[at[field]] ?? null));
    const sheetText = plainCellTextOrNull(cell("sheet"));
    const spec = sheetText === null ? undefined : sheetSpecNamed(profile, sheetText);
    if (spec === undefined) {
      problem(row, at.sheet, `“${sheetText ?? ""}” is not a tracker sheet the profile knows`);
      continue;
    }
    const id = plainCellTextOrNull(cell("id"));
    if (id === null) {
      problem(row, at.id, "the ID is blank");
      continue;
    }
    const columnText = plainCellTextOrNull(cell("column"));
    const column = columnText === null ? undefined : columnKeyNamed(spec, columnText);
    if (column === undefined) {
      problem(row, at.column, `“${columnText ?? ""}” is not a column of the ${spec.title} sheet`);
      continue;
    }
    const date = coerceCellDate(cell("date"));
    if (date.kind !== "date") {
      problem(row, at.date, `the date “${shownCellText(cell("date"))}” is not a date`);
      continue;
    }
    const seen = coerceCellDate(cell("seen"));
    if (seen.kind !== "date") {
      problem(row, at.seen, `the day seen “${shownCellText(cell("seen"))}” is not a date`);
      continue;
    }
    const sourceText = plainCellTextOrNull(cell("source"));
    const source = sourceText === null ? undefined : SOURCES.get(normaliseHeader(sourceText));
    if (source === undefined) {
      problem(row, at.source, `the source “${sourceText ?? ""}” is neither “tracker” nor “case system”`);
      continue;
    }
    if (date.day > seen.day) {
      issues.push({
        sheet: snapshot.name,
        cell: cellAddress(row, at.date + 1),
        row,
        column: null,
        severity: "warning",
        code: "HISTORY-DATE-IN-FUTURE",
        message:
          `${snapshot.name} row ${row}: ${formatUkDate(date.day)} lies after the day it was seen ` +
          `(${formatUkDate(seen.day)}), so it cannot have happened then; the row is kept but not counted.`,
      });
      continue;
    }
    entries.push({ sheet: spec.key, id, column, date: date.day, seen: seen.day, source, row });
  }
  return { entries, issues };
}

/** The profile sheet a history row names: by its title, an alias or its key. */
export function sheetSpecNamed(profile: TrackerProfile, text: string): SheetSpec | undefined {
  const wanted = normaliseHeader(text);
  return profile.sheets.find((s) =>
    [s.key, s.title, ...s.aliases].some((n) => normaliseHeader(n) === wanted),
  );
}

function columnKeyNamed(spec: SheetSpec, text: string): string | undefined {
  const wanted = normaliseHeader(text);
  return spec.columns.find((c) => [c.key, c.title, ...c.aliases].some((n) => normaliseHeader(n) === wanted))
    ?.key;
}

const HEADER: CellStyle = { bold: true, fill: "D9E1F2", border: true };

/**
 * The Tracker history sheet whole, for its first writing: every row of `existing` exactly as it was
 * read (a same-named sheet laid out as ours whose rows are carried over, a user's edits included,
 * valid or not), then the new rows below its last used row. Once the sheet is the add-in's, rows are
 * appended to it (`WorkbookPort.appendRows`) rather than the sheet written again, so a co-author's
 * rows appended meanwhile are never lost; showing the sheet writes it again as it is, visible.
 */
export function buildHistorySheet(
  existing: SheetSnapshot | undefined,
  append: readonly HistoryRowToAppend[],
  visibility: SheetModel["visibility"] = "hidden",
): SheetModel {
  const rows: ModelRun[] = [];
  const kept = existing?.values ?? [];
  let last = 0;
  kept.forEach((cells, r) => {
    if (cells.some((v) => v !== null && !(typeof v === "string" && v.trim() === ""))) last = r + 1;
  });
  if (last === 0)
    rows.push({ row: 1, column: 1, values: [...HISTORY_HEADERS], styles: HISTORY_HEADERS.map(() => HEADER) });
  for (let r = 0; r < last; r++) {
    const cells = kept[r] ?? [];
    if (cells.some((v) => v !== null)) rows.push({ row: r + 1, column: 1, values: cells.map(modelValueOf) });
  }
  const first = Math.max(last, 1) + 1;
  append.forEach((entry, i) => rows.push({ row: first + i, column: 1, values: historyRowValues(entry) }));
  return {
    // Always the output's name: the port finds the add-in's own sheet by it, whatever the tab is called.
    name: HISTORY_SHEET_NAME,
    purpose: "trackerHistory",
    visibility,
    runs: rows,
    columnWidths: { 1: 22, 2: 14, 3: 26, 4: 12, 5: 12, 6: 13 },
    // No autofilter: the rows appended later would fall outside its range.
    freeze: { rows: 1, columns: 0 },
  };
}

/** A history row's cells, left to right as HISTORY_HEADERS names them. */
export function historyRowValues(entry: HistoryRowToAppend): ModelValue[] {
  return [
    entry.sheetName,
    entry.id,
    entry.columnTitle,
    { date: entry.date },
    { date: entry.seen },
    entry.source,
  ];
}

/** A cell as read, written back as it was: a date as a date, an error value as its text. */
function modelValueOf(value: CellValue): ModelValue {
  if (value instanceof Date) return { date: epochDayFromUtcDate(value) as EpochDay };
  if (value !== null && typeof value === "object") return value.error;
  return value;
}
