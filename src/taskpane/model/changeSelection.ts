import type { CellChange } from "../../engine/port/ChangeSet";

/** A change's cell as the preview and the apply step both name it: "Joint Tracker!C2". */
export function changeKey(change: Pick<CellChange, "sheet" | "cell">): string {
  return `${change.sheet}!${change.cell}`;
}

/**
 * The test `fixTracker` applies: every change but those the user unticked. Unticked, not ticked,
 * is kept, so a change the re-check finds afresh (a cell edited meanwhile) is not silently dropped.
 */
export function keepTicked(unticked: ReadonlySet<string>): (change: CellChange) => boolean {
  return (change) => !unticked.has(changeKey(change));
}

/** The unticked set with one change's tick flipped. */
export function toggleTick(unticked: ReadonlySet<string>, key: string, ticked: boolean): Set<string> {
  const next = new Set(unticked);
  if (ticked) next.delete(key);
  else next.add(key);
  return next;
}

/** How many of the proposed changes will be made. */
export function tickedCount(changes: readonly CellChange[], unticked: ReadonlySet<string>): number {
  const keep = keepTicked(unticked);
  return changes.filter(keep).length;
}
