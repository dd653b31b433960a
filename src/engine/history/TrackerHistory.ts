import { z } from "zod";
import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";
import { isRecurring, type Standard } from "../standards/Standard";

/*
 * The Tracker history (evaluation-semantics.md "Recurring standards and history"): a tracker keeps
 * only the latest CLA review, PPM, annual review and visit, overwriting the one before, so the add-in
 * keeps every date it has seen in a sheet of its own, one row per change. Recurring standards and
 * "PPMs held" are counted from it.
 */

/** The add-in's own sheet of dates the tracker overwrites. */
export const HISTORY_SHEET_NAME = "Tracker history";

/** Its columns, left to right, from row 1. */
export const HISTORY_HEADERS = ["Sheet", "ID", "Column", "Date", "Day seen", "Source"] as const;

/** Where a date came from: a tracker cell the add-in read, or the case system's SSDA903 Reviews table. */
export const HistorySource = z.enum(["tracker", "case system"]);
export type HistorySource = z.infer<typeof HistorySource>;

/** One date of one row's column, as seen on one day. */
export interface HistoryEntry {
  sheet: SheetKey;
  /** The child or household ID as the tracker shows it (trimmed). */
  id: string;
  column: ColumnKey;
  date: EpochDay;
  seen: EpochDay;
  source: HistorySource;
}

/** A history row already on the sheet: where it is, for messages and links. */
export interface RecordedEntry extends HistoryEntry {
  /** 1-based row number on the Tracker history sheet. */
  row: number;
}

/** The key of one row's column in the history: sheet, ID and column. */
export function historyKey(sheet: SheetKey, id: string, column: ColumnKey): string {
  return `${sheet}\u0000${id.trim().toLowerCase()}\u0000${column}`;
}

/**
 * The columns whose dates the history keeps: each enabled recurring standard's first start column,
 * the one holding the latest event (latest review, latest PPM, last visit, DBS date). The other start
 * columns (2nd review, 1st PPM, approval) are fixed events the tracker does not overwrite.
 */
export function anchorColumns(standards: readonly Standard[]): { sheet: SheetKey; column: ColumnKey }[] {
  const seen = new Set<string>();
  const anchors: { sheet: SheetKey; column: ColumnKey }[] = [];
  for (const standard of standards) {
    if (!standard.enabled || !isRecurring(standard)) continue;
    const column = standard.start[0];
    if (column === undefined || seen.has(`${standard.sheet}.${column}`)) continue;
    seen.add(`${standard.sheet}.${column}`);
    anchors.push({ sheet: standard.sheet, column });
  }
  return anchors;
}
