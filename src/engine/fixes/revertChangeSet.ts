import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import type { CellChange, ChangeSet } from "../port/ChangeSet";
import { REVERT_RULE, type ChangeLogRow } from "./changeLog";

export type RevertResult =
  { kind: "changeSet"; changeSet: ChangeSet } | { kind: "notFound"; id: string; knownIds: string[] };

/**
 * The inverse of a logged change set: each change's old and new swapped, last change first. Applied
 * through a port it restores what the cells held, except cells edited since the fix, which the port
 * skips (their current value is no longer the fix's new value).
 *
 * The cell's number format is left as the fix set it: text shows as text whatever the format, and
 * a cell's format lives in a style other cells may share, so changing it back could reach them.
 */
export function revertChangeSet(
  logRows: readonly ChangeLogRow[],
  id: string,
  revertId: string,
): RevertResult {
  const rows = logRows.filter((r) => r.changeSet === id);
  if (rows.length === 0) {
    return { kind: "notFound", id, knownIds: [...new Set(logRows.map((r) => r.changeSet))] };
  }
  const changes: CellChange[] = [...rows]
    .reverse()
    .map((row) => ({ sheet: row.sheet, cell: row.cell, old: row.new, new: row.old, rule: REVERT_RULE }));
  return {
    kind: "changeSet",
    changeSet: { id: revertId, description: `Reverted change set ${id}`, changes },
  };
}

/**
 * Lines a revert up with what the cells hold now. The log gives back a date the fix wrote as a
 * `Date`, but a port may read that cell as a serial number (Office.js does; so does a cell whose date
 * format was lost): the same day either way, so it is not an edit. Any other difference stays, and
 * the port skips that cell as edited since.
 */
export function alignWithCurrentValues(
  changeSet: ChangeSet,
  currentValue: (sheet: string, cell: string) => CellValue | undefined,
): ChangeSet {
  return {
    ...changeSet,
    changes: changeSet.changes.map((change) => {
      const current = currentValue(change.sheet, change.cell);
      if (current === undefined || !isDateValue(change.old) || !isDateValue(current)) return change;
      return dayOf(current) === dayOf(change.old) ? { ...change, old: current } : change;
    }),
  };
}

function isDateValue(value: CellValue): boolean {
  return value instanceof Date || typeof value === "number";
}

function dayOf(value: CellValue): number | undefined {
  const read = coerceCellDate(value);
  return read.kind === "date" ? read.day : undefined;
}
