import { buildChangeLogSheet, type LogTime } from "../engine/fixes/changeLog";
import { alignWithCurrentValues, revertChangeSet } from "../engine/fixes/revertChangeSet";
import { parseCellAddress } from "../engine/tables/cellAddress";
import type { CellValue } from "../engine/cells/CellValue";
import type { ApplyReport, ChangeSet } from "../engine/port/ChangeSet";
import type { SheetSnapshot, SheetWrite, WorkbookPort } from "../engine/port/WorkbookPort";
import { applyAndLog, readLog, uniqueChangeSetId } from "./fixTracker";
import { recordWorkbookHistory } from "./recordTrackerHistory";

export type RevertChangesResult =
  | { kind: "reverted"; changeSet: ChangeSet; report: ApplyReport; log?: SheetWrite }
  | { kind: "notFound"; id: string; knownIds: string[] };

/**
 * Undoes a logged change set: the inverse changes are applied through the port (which skips cells
 * edited since the fix) and logged as a change set of their own, so a revert can itself be reverted.
 */
export async function revertChanges(
  port: WorkbookPort,
  options: { changeSetId: string; now: LogTime },
): Promise<RevertChangesResult> {
  const log = await readLog(port);
  const inverse = revertChangeSet(log, options.changeSetId, uniqueChangeSetId(options.now, log, "RV"));
  if (inverse.kind === "notFound") return inverse;

  const snapshots = new Map<string, SheetSnapshot | undefined>();
  const sheets = await port.listSheets();
  for (const name of new Set(inverse.changeSet.changes.map((c) => c.sheet))) {
    const sheet = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    snapshots.set(name, sheet ? await port.readSheet(sheet.name) : undefined);
  }
  const current = (sheet: string, cell: string): CellValue | undefined => {
    const position = parseCellAddress(cell);
    const snapshot = snapshots.get(sheet);
    if (!position || !snapshot) return undefined;
    return snapshot.values[position.row - 1]?.[position.column - 1] ?? null;
  };
  const changeSet = alignWithCurrentValues(inverse.changeSet, current);

  // The dates as they stand before the revert (the next job records what it puts back), recorded
  // first so that the revert with its Change log rows stays the last step on Excel's undo stack.
  await recordWorkbookHistory(port, options.now.day);
  const { report, log: written } = await applyAndLog(port, changeSet, (applied) =>
    buildChangeLogSheet(log, changeSet, applied, options.now),
  );
  return { kind: "reverted", changeSet, report, ...(written ? { log: written } : {}) };
}
