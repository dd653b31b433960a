import type { ColumnKey } from "../profile/TrackerProfile";
import type { TypedTable } from "./TypedTable";

/**
 * The rows of each ID that is on more than one row of a table, in row order; IDs are compared
 * trimmed and upper-cased ("c101 " is C101). Each group starts with the ID's first row.
 *
 * The duplicate checks of one sheet share it, so the IDs are put in one map once per table rather
 * than once per check, and each check then looks at the few repeated IDs, not the 100,000 rows.
 */
export function repeatedIds(table: TypedTable, key: ColumnKey): readonly (readonly number[])[] {
  return table.shared(key, groupsOf);
}

function groupsOf(table: TypedTable, key: ColumnKey): number[][] {
  const ids = table.texts(key);
  const firstRow = new Map<string, number>();
  // Most IDs are on one row: a group is made only when an ID comes back, keyed by its first row.
  const repeated = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === undefined) continue;
    const key = id.toUpperCase();
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, i);
      continue;
    }
    const group = repeated.get(first);
    if (group === undefined) repeated.set(first, [first, i]);
    else group.push(i);
  }
  return [...repeated.values()];
}
