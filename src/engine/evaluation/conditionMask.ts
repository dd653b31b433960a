import { isCellError, type CellValue } from "../cells/CellValue";
import type { CellDate } from "../cells/coerceCellDate";
import { CODE_LISTS } from "../profile/codeLists";
import { normaliseHeader } from "../profile/TrackerProfile";
import type { Condition } from "../standards/Standard";
import type { TableColumns } from "../tables/TrackerTable";

// The accepted spellings of an `in` list, built once per condition object (standards are read once
// per evaluation; the rows are many).
const acceptedCache = new WeakMap<Condition, ReadonlySet<string>>();

function acceptedSpellings(codes: readonly string[]): ReadonlySet<string> {
  const accepted = new Set<string>();
  for (const code of codes) {
    accepted.add(normaliseHeader(code));
    // A tracker may hold the words for a code ("Long-term fostering" for LTF): accept them too.
    for (const list of CODE_LISTS) {
      const definition = list.codes.find((c) => c.code === code.trim().toUpperCase());
      for (const word of definition?.words ?? []) accepted.add(normaliseHeader(word));
    }
  }
  return accepted;
}

/*
 * The rows of a table meeting each condition, computed once per table and condition: every standard
 * and limit variant with the condition reads the same mask, so each cell is tested once.
 */
const masks = new WeakMap<TableColumns, WeakMap<Condition, Uint8Array>>();

/**
 * Which rows of a table meet a standard's condition (1) and which do not (0). `in` compares the
 * cell, as a code or the words for one, case-, space- and punctuation-insensitively; `present` is
 * true for any non-empty cell, a placeholder such as "TBC" being empty.
 */
export function conditionMask(condition: Condition, columns: TableColumns): Uint8Array {
  let ofTable = masks.get(columns);
  if (ofTable === undefined) {
    ofTable = new WeakMap();
    masks.set(columns, ofTable);
  }
  let mask = ofTable.get(condition);
  if (mask === undefined) {
    mask = computeMask(condition, columns);
    ofTable.set(condition, mask);
  }
  return mask;
}

function computeMask(condition: Condition, columns: TableColumns): Uint8Array {
  if ("present" in condition) {
    const dates = columns.dates(condition.column);
    const mask = new Uint8Array(dates.length);
    for (let i = 0; i < dates.length; i++) mask[i] = (dates[i] as CellDate).kind === "empty" ? 0 : 1;
    return mask;
  }
  let accepted = acceptedCache.get(condition);
  if (accepted === undefined) {
    accepted = acceptedSpellings(condition.in);
    acceptedCache.set(condition, accepted);
  }
  const values = columns.values(condition.column);
  const mask = new Uint8Array(values.length);
  // A code column repeats a few values down every row: each distinct text is normalised once.
  const seen = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as CellValue;
    if (value === null || value instanceof Date || isCellError(value)) continue;
    const raw = String(value);
    let holds = seen.get(raw);
    if (holds === undefined) {
      const text = normaliseHeader(raw);
      holds = text !== "" && accepted.has(text) ? 1 : 0;
      seen.set(raw, holds);
    }
    mask[i] = holds;
  }
  return mask;
}
