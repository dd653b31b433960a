import type { CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import { profileSheet, type TrackerProfile } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import type { HistoryRowToAppend } from "./historySheet";
import { anchorColumns, historyKey, type HistoryEntry } from "./TrackerHistory";

/** A CLA review date of a child in the case system's extract. */
export interface CaseSystemReview {
  childId: string;
  day: EpochDay;
}

export interface HistoryToAppendOptions {
  /** The day the tracker was read: each new row's "day seen". */
  seen: EpochDay;
  /** Every CLA review date of the case system's SSDA903 Reviews table, when refreshing from it. */
  caseSystemReviews?: readonly CaseSystemReview[];
}

/** The column the case system's CLA reviews are recorded against: the one the tracker overwrites. */
const REVIEW_COLUMN = "latestReview";

/**
 * The rows to append to the Tracker history (evaluation-semantics.md "Recurring standards and
 * history"): for each anchor column of a recurring standard, each row's valid date that differs from
 * the last date the tracker was seen to hold there; and, from the case system, each CLA review date
 * within a child's time in care that the history does not hold yet. One row per change, not per
 * run: reading an unchanged tracker again appends nothing.
 *
 * A date after the day seen is not recorded (a review cannot have been held in the future; the
 * checks report the cell). A date earlier than the last one recorded is recorded: the history says
 * what the tracker held, and reading it back flags the move backwards.
 */
export function historyToAppend(
  tables: readonly TrackerTable[],
  standards: readonly Standard[],
  profile: TrackerProfile,
  recorded: readonly HistoryEntry[],
  options: HistoryToAppendOptions,
): HistoryRowToAppend[] {
  const lastSeen = new Map<string, EpochDay>();
  const held = new Set<string>();
  for (const entry of recorded) {
    const key = historyKey(entry.sheet, entry.id, entry.column);
    held.add(`${key}\u0000${entry.date}`);
    if (entry.source === "tracker") lastSeen.set(key, entry.date);
  }
  const rows: HistoryRowToAppend[] = [];
  const anchors = anchorColumns(standards);
  for (const table of tables) {
    const spec = profileSheet(profile, table.sheetKey);
    if (!spec) continue;
    const columns = table.byColumn;
    const ids = columns.values(spec.idColumn);
    const lastRowOf = lastRowOfEachId(ids);
    for (const anchor of anchors) {
      if (anchor.sheet !== table.sheetKey) continue;
      const mapped = table.columns.find((c) => c.key === anchor.column);
      if (!mapped) continue;
      const title = spec.columns.find((c) => c.key === anchor.column)?.title ?? mapped.header;
      const dates = columns.dates(anchor.column);
      for (const [id, i] of lastRowOf) {
        const date = dates[i] as CellDate;
        if (date.kind !== "date" || date.day > options.seen) continue;
        const key = historyKey(table.sheetKey, id, anchor.column);
        const last = lastSeen.get(key);
        if (last === date.day) continue;
        // Never recorded from the tracker, but already there from the case system: nothing new.
        if (last === undefined && held.has(`${key}\u0000${date.day}`)) continue;
        rows.push(row(table, title, id, anchor.column, date.day, options.seen, "tracker"));
        held.add(`${key}\u0000${date.day}`);
      }
    }
  }
  const joint = tables.find((t) => t.sheetKey === "jointTracker");
  const jointSpec = profileSheet(profile, "jointTracker");
  if (options.caseSystemReviews && joint && jointSpec) {
    const title = jointSpec.columns.find((c) => c.key === REVIEW_COLUMN)?.title ?? REVIEW_COLUMN;
    rows.push(...reviewsToAppend(joint, jointSpec.idColumn, jointSpec.exitColumn, title, options, held));
  }
  return rows;
}

/**
 * The case system's review dates the history does not hold, each against the tracker row of the
 * child's time in care it falls in (became looked after on or before it, not ceased before it).
 * This is the one place the extract's reviews meet the history.
 */
function reviewsToAppend(
  joint: TrackerTable,
  idColumn: string,
  exitColumn: string | undefined,
  title: string,
  options: HistoryToAppendOptions,
  held: Set<string>,
): HistoryRowToAppend[] {
  const columns = joint.byColumn;
  const ids = columns.values(idColumn);
  const blas = columns.dates("becameLookedAfter");
  const exits = exitColumn === undefined ? undefined : columns.dates(exitColumn);
  const rowsOf = new Map<string, number[]>();
  ids.forEach((value, i) => {
    const id = idText(value);
    if (id !== null) rowsOf.set(id.toLowerCase(), [...(rowsOf.get(id.toLowerCase()) ?? []), i]);
  });
  const rows: HistoryRowToAppend[] = [];
  const reviews = [...(options.caseSystemReviews ?? [])].sort((a, b) => a.day - b.day);
  for (const review of reviews) {
    if (review.day > options.seen) continue;
    const i = (rowsOf.get(review.childId.trim().toLowerCase()) ?? []).find((r) => {
      const bla = blas[r] as CellDate;
      const exit = exits?.[r];
      return (
        bla.kind === "date" && bla.day <= review.day && !(exit?.kind === "date" && exit.day < review.day)
      );
    });
    if (i === undefined) continue;
    const id = idText(ids[i] ?? null) as string;
    const key = `${historyKey("jointTracker", id, REVIEW_COLUMN)}\u0000${review.day}`;
    if (held.has(key)) continue;
    held.add(key);
    rows.push(row(joint, title, id, REVIEW_COLUMN, review.day, options.seen, "case system"));
  }
  return rows;
}

function row(
  table: TrackerTable,
  columnTitle: string,
  id: string,
  column: string,
  date: EpochDay,
  seen: EpochDay,
  source: HistoryEntry["source"],
): HistoryRowToAppend {
  return { sheet: table.sheetKey, sheetName: table.sheetName, id, column, columnTitle, date, seen, source };
}

/**
 * Each ID's last row: a child with two rows (a second episode, or a duplicate) has one history per
 * sheet, and the lower row is the later one in a tracker kept in date order. Reading both would
 * record their dates alternately on every run.
 */
function lastRowOfEachId(ids: readonly unknown[]): Map<string, number> {
  const last = new Map<string, { id: string; i: number }>();
  ids.forEach((value, i) => {
    const id = idText(value);
    if (id !== null) last.set(id.toLowerCase(), { id, i });
  });
  return new Map([...last.values()].map(({ id, i }) => [id, i] as const));
}

function idText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return String(value);
  return null;
}
