import type { ColumnKey } from "../profile/TrackerProfile";
import type { TypedTable } from "./TypedTable";

/**
 * The rows of each ID that is on more than one row of a table, in row order; IDs are compared
 * trimmed and upper-cased ("c101 " is C101). Each group starts with the ID's first row.
 *
 * The duplicate checks of one sheet share it (TypedTable.shared), so the IDs are looked at once per
 * table rather than once per check, and each check then visits the few repeated IDs, not every row.
 */
export function repeatedIds(table: TypedTable, key: ColumnKey): readonly (readonly number[])[] {
  return table.shared(key, groupsOf);
}

const EMPTY = -1;

/*
 * Every row's ID goes into a table of row numbers addressed by a hash of the ID (open addressing):
 * a Map of 100,000 IDs, growing as it went, was most of the cost of the duplicate checks.
 */
function groupsOf(table: TypedTable, key: ColumnKey): number[][] {
  const ids = table.texts(key);
  const upper = ids.map((id) => id?.toUpperCase());
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const firstRows = new Int32Array(size).fill(EMPTY);
  // Most IDs are on one row: a group is made only when an ID comes back, keyed by its first row.
  const repeated = new Map<number, number[]>();
  for (let i = 0; i < upper.length; i++) {
    const id = upper[i];
    if (id === undefined) continue;
    for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
      const first = firstRows[slot] as number;
      if (first === EMPTY) {
        firstRows[slot] = i;
        break;
      }
      if (upper[first] === id) {
        const group = repeated.get(first);
        if (group === undefined) repeated.set(first, [first, i]);
        else group.push(i);
        break;
      }
    }
  }
  return [...repeated.values()];
}

/** FNV-1a over the text's UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
