import type { DataQualityIssue } from "../checks/DataQualityIssue";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { profileSheet, type ColumnKey, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import { cellAddress } from "../tables/cellAddress";
import { historyKey, type RecordedEntry } from "./TrackerHistory";

/**
 * The Tracker history read back, ready to count from: each row's column's dates, and what is wrong
 * with the history as a whole (dates moved backwards, IDs the tracker does not have).
 */
export interface HistoryIndex {
  /** The distinct dates recorded for a row's column, ascending; dates a backward correction replaced are left out. */
  datesOf(sheet: SheetKey, id: string, column: ColumnKey): readonly EpochDay[];
  /** How many rows' columns have dates: none means nothing to look up (no history yet). */
  keys: number;
  /** The earliest day the add-in recorded the tracker (its first run); null when it never has. */
  firstRun: EpochDay | null;
  /** The earliest CLA review date taken from the case system; null when there is none. */
  firstCaseSystemReview: EpochDay | null;
  issues: DataQualityIssue[];
}

const EMPTY: readonly EpochDay[] = Object.freeze([]);

/**
 * Indexes the valid history rows. Rows are read in the sheet's order, the order they were seen in:
 * when the tracker's date for a row moved backwards (15/05 recorded, then 12/05), the later
 * reading is taken as the correction of a mistyped date, the date it replaced is left out of the
 * figures (it stays on the sheet) and the move is reported. Rows whose ID is on no tracker sheet
 * are kept and ignored; they are reported together, and as a likely copied workbook when no ID
 * matches at all.
 */
export function indexHistory(
  entries: readonly RecordedEntry[],
  tables: readonly TrackerTable[],
  profile: TrackerProfile,
  sheetName: string,
): HistoryIndex {
  const issues: DataQualityIssue[] = [];
  const known = new Set<string>();
  for (const table of tables) {
    const spec = profileSheet(profile, table.sheetKey);
    if (!spec) continue;
    for (const value of table.byColumn.values(spec.idColumn)) {
      if (typeof value === "string" || typeof value === "number")
        known.add(`${table.sheetKey}\u0000${String(value).trim().toLowerCase()}`);
    }
  }
  const titleOf = (entry: RecordedEntry): string =>
    profileSheet(profile, entry.sheet)?.columns.find((c) => c.key === entry.column)?.title ?? entry.column;
  const dates = new Map<string, Set<EpochDay>>();
  const lastTracker = new Map<string, RecordedEntry>();
  const unmatched: RecordedEntry[] = [];
  let firstRun: EpochDay | null = null;
  let firstCaseSystemReview: EpochDay | null = null;
  for (const entry of entries) {
    if (entry.source === "tracker")
      firstRun = firstRun === null ? entry.seen : Math.min(firstRun, entry.seen);
    else
      firstCaseSystemReview =
        firstCaseSystemReview === null ? entry.date : Math.min(firstCaseSystemReview, entry.date);
    if (!known.has(`${entry.sheet}\u0000${entry.id.toLowerCase()}`)) {
      unmatched.push(entry);
      continue;
    }
    const key = historyKey(entry.sheet, entry.id, entry.column);
    let set = dates.get(key);
    if (!set) dates.set(key, (set = new Set()));
    if (entry.source === "tracker") {
      const before = lastTracker.get(key);
      if (before && entry.date < before.date) {
        set.delete(before.date);
        issues.push({
          sheet: sheetName,
          cell: cellAddress(entry.row, 4),
          row: entry.row,
          column: null,
          severity: "warning",
          code: "HISTORY-DATE-BACKWARDS",
          message:
            `${entry.id}: the tracker's ${titleOf(entry)} moved back from ${formatUkDate(before.date)} ` +
            `(seen ${formatUkDate(before.seen)}) to ${formatUkDate(entry.date)} (seen ${formatUkDate(entry.seen)}). ` +
            `${formatUkDate(before.date)} is taken as a mistake and not counted; if both dates happened, ` +
            `enter the earlier one in the tracker first.`,
        });
      }
      lastTracker.set(key, entry);
    }
    set.add(entry.date);
  }
  if (unmatched.length > 0) {
    const ids = [...new Set(unmatched.map((e) => e.id))];
    const none = unmatched.length === entries.length;
    const first = unmatched[0] as RecordedEntry;
    issues.push({
      sheet: sheetName,
      cell: cellAddress(first.row, 2),
      row: first.row,
      column: null,
      severity: none ? "warning" : "info",
      code: "HISTORY-ID-UNKNOWN",
      message:
        `${unmatched.length} Tracker history row${unmatched.length === 1 ? " names" : "s name"} ` +
        `${ids.length === 1 ? "an ID" : `${ids.length} IDs`} no tracker row has (${ids.slice(0, 5).join(", ")}` +
        `${ids.length > 5 ? "…" : ""}): kept, not counted.` +
        (none
          ? " No history row matches this tracker: was the workbook copied from another tracker or authority? If so, clear the Tracker history sheet."
          : " Children and households who have left the tracker keep their history."),
    });
  }
  const sorted = new Map<string, readonly EpochDay[]>();
  for (const [key, set] of dates)
    sorted.set(
      key,
      [...set].sort((a, b) => a - b),
    );
  return {
    datesOf: (sheet, id, column) => sorted.get(historyKey(sheet, id, column)) ?? EMPTY,
    keys: sorted.size,
    firstRun,
    firstCaseSystemReview,
    issues,
  };
}

/** The index of an empty history: what a workbook the add-in has never recorded has. */
export const NO_HISTORY: HistoryIndex = {
  datesOf: () => EMPTY,
  keys: 0,
  firstRun: null,
  firstCaseSystemReview: null,
  issues: [],
};
