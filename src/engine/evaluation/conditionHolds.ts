import { isCellError } from "../cells/CellValue";
import { CODE_LISTS } from "../profile/codeLists";
import { normaliseHeader } from "../profile/TrackerProfile";
import type { Condition } from "../standards/Standard";
import type { EvaluationRow } from "./EvaluationRow";

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

/**
 * Whether a row meets a standard's condition. `in` compares the cell, as a code or the words for
 * one, case-, space- and punctuation-insensitively; `present` is true for any non-empty cell, a
 * placeholder such as "TBC" being empty.
 */
export function conditionHolds(condition: Condition, row: EvaluationRow): boolean {
  if ("present" in condition) return row.date(condition.column).kind !== "empty";
  const value = row.value(condition.column);
  if (value === null || value instanceof Date || isCellError(value)) return false;
  let accepted = acceptedCache.get(condition);
  if (accepted === undefined) {
    accepted = acceptedSpellings(condition.in);
    acceptedCache.set(condition, accepted);
  }
  const text = normaliseHeader(String(value));
  return text !== "" && accepted.has(text);
}
