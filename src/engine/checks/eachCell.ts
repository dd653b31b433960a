import type { CellDate } from "../cells/coerceCellDate";
import type { ColumnSpec, ColumnType } from "../profile/TrackerProfile";
import type { Problem } from "./defineCheck";
import type { TypedRow, TypedTable } from "./TypedTable";

/** Runs `visit` over every mapped date cell of a table and gathers what it finds. */
export function eachDateCell(
  table: TypedTable,
  visit: (read: CellDate, row: TypedRow, column: ColumnSpec) => Problem | undefined,
): Problem[] {
  return eachCellOf(table, ["date"], (row, column) => visit(row.date(column.key), row, column));
}

/** Runs `visit` over every mapped cell of the given column types. */
export function eachCellOf(
  table: TypedTable,
  types: readonly ColumnType[],
  visit: (row: TypedRow, column: ColumnSpec) => Problem | undefined,
): Problem[] {
  const columns = table.mappedColumns.filter((c) => types.includes(c.type));
  const found: Problem[] = [];
  for (const row of table.rows) {
    for (const column of columns) {
      const p = visit(row, column);
      if (p) found.push(p);
    }
  }
  return found;
}
