import type { ChangeLogRow } from "../../engine/fixes/changeLog";

export interface LoggedChangeSet {
  id: string;
  /** When it was applied, as the log says (dd/MM/yyyy HH:mm). */
  when: string;
  /** How many cells it changed. */
  count: number;
}

/** The Change log's change sets, newest first, each once, for the pane's undo list. */
export function changeSetsOf(log: readonly ChangeLogRow[]): LoggedChangeSet[] {
  const sets = new Map<string, LoggedChangeSet>();
  for (const row of log) {
    const set = sets.get(row.changeSet) ?? { id: row.changeSet, when: row.when, count: 0 };
    set.count++;
    sets.set(row.changeSet, set);
  }
  return [...sets.values()].reverse();
}
