import { codeListNamed, matchCode, type CodeList, type CodeMatch } from "../profile/codeLists";
import type { ColumnSpec } from "../profile/TrackerProfile";
import type { Problem } from "./defineCheck";
import type { TypedRow, TypedTable } from "./TypedTable";

/** How a code cell was written: the code itself ("c2 " counts), the words for it, or neither. */
export type CodeReading =
  | { kind: "code"; match: Extract<CodeMatch, { kind: "code" }> }
  | { kind: "words"; match: Extract<CodeMatch, { kind: "code" }>; text: string }
  | { kind: "unknown"; text: string };

export function readCode(list: CodeList, text: string): CodeReading {
  const match = matchCode(list, text);
  if (match.kind === "unknown") return { kind: "unknown", text: match.text };
  if (match.kind === "empty") return { kind: "unknown", text };
  return match.code.code === text.trim().toUpperCase()
    ? { kind: "code", match }
    : { kind: "words", match, text };
}

/** Runs `visit` over every non-empty cell of the table's code columns whose code list is known. */
export function eachCodeCell(
  table: TypedTable,
  visit: (reading: CodeReading, row: TypedRow, column: ColumnSpec, list: CodeList) => Problem | undefined,
): Problem[] {
  const columns = table.mappedColumns
    .filter((c) => c.type === "code" && c.codeList !== undefined)
    .map((c) => ({ column: c, list: codeListNamed(c.codeList ?? "") }));
  const found: Problem[] = [];
  for (const row of table.rows) {
    for (const { column, list } of columns) {
      const text = row.text(column.key);
      if (list === undefined || text === undefined) continue;
      const p = visit(readCode(list, text), row, column, list);
      if (p) found.push(p);
    }
  }
  return found;
}
