import { remapColumn, remapConflict } from "../../engine/profile/remapColumn";
import type { ColumnKey, SheetKey, TrackerProfile } from "../../engine/profile/TrackerProfile";
import type { SheetInfo } from "../../engine/port/WorkbookPort";
import type { TableMapping } from "../../engine/tables/mapTrackerTable";
import type { SheetRead, TrackerRead } from "../../jobs/readTracker";

/** One header of a tracker sheet and the profile column it is (to be) read as; `null` for none. */
export interface HeaderChoice {
  /** 1-based worksheet column. */
  column: number;
  header: string;
  key: ColumnKey | null;
}

/** Every headed column of a read sheet, left to right, with the column it is read as now. */
export function headerChoices(mapping: TableMapping): HeaderChoice[] {
  const read: HeaderChoice[] = mapping.mapped.map((m) => ({
    column: m.column,
    header: m.header,
    key: m.key,
  }));
  const unread: HeaderChoice[] = mapping.unknownColumns.map((u) => ({
    column: u.column,
    header: u.header,
    key: null,
  }));
  return [...read, ...unread].sort((a, b) => a.column - b.column);
}

/**
 * The choices with one header read as `key`. A profile column is read from one header only, so a
 * header that was read as it is set to "not read": the user sees the swap before saving.
 */
export function chooseColumn(
  choices: readonly HeaderChoice[],
  column: number,
  key: ColumnKey | null,
): HeaderChoice[] {
  return choices.map((c) => {
    if (c.column === column) return { ...c, key };
    if (key !== null && c.key === key) return { ...c, key: null };
    return c;
  });
}

/** The headers whose choice differs from how the sheet is read now. */
export function changedChoices(
  before: readonly HeaderChoice[],
  after: readonly HeaderChoice[],
): HeaderChoice[] {
  return after.filter((a) => before.find((b) => b.column === a.column)?.key !== a.key);
}

/**
 * The profile with every changed choice saved as an alias (see `remapColumn`), and in plain words
 * the choices that cannot be saved that way (a header that is another column's own title).
 */
export function applyChoices(
  profile: TrackerProfile,
  sheetKey: SheetKey,
  before: readonly HeaderChoice[],
  after: readonly HeaderChoice[],
): { profile: TrackerProfile; conflicts: { column: number; message: string }[] } {
  const conflicts: { column: number; message: string }[] = [];
  let saved = profile;
  // Headers taken off a column go first, so a header moved onto it afterwards is not undone.
  const changed = changedChoices(before, after).sort(
    (a, b) => Number(a.key !== null) - Number(b.key !== null),
  );
  for (const choice of changed) {
    const conflict = remapConflict(saved, sheetKey, choice.header, choice.key);
    if (conflict !== undefined) conflicts.push({ column: choice.column, message: conflict });
    else saved = remapColumn(saved, sheetKey, choice.header, choice.key);
  }
  return { profile: saved, conflicts };
}

/**
 * After saving: the choices the next read still does not follow, in plain words. A header made of
 * a column's words can still be read as it by the closest-name guess; renaming the header is then
 * the way.
 */
export function unmetChoices(
  chosen: readonly HeaderChoice[],
  read: SheetRead | undefined,
  titleOf: (key: ColumnKey) => string,
): string[] {
  if (read?.status !== "read") return ["The sheet could not be read again after saving."];
  const now = headerChoices(read.mapping);
  return chosen.flatMap((c) => {
    const actual = now.find((n) => n.column === c.column)?.key ?? null;
    if (actual === c.key) return [];
    const got = actual === null ? "not read" : `read as “${titleOf(actual)}”`;
    return [`“${c.header}” is still ${got}: rename the header in the sheet to change that.`];
  });
}

/**
 * Worksheets a missing profile sheet can be pointed at: visible or hidden ones that no profile sheet
 * is read from (very hidden sheets are the add-in's own).
 */
export function unclaimedWorksheets(sheets: readonly SheetInfo[], read: TrackerRead): string[] {
  const claimed = new Set(
    Object.values(read.mappings).flatMap((m) => (m.status === "read" ? [m.sheetName.toLowerCase()] : [])),
  );
  return sheets
    .filter((s) => s.visibility !== "veryHidden" && !claimed.has(s.name.toLowerCase()))
    .map((s) => s.name);
}
