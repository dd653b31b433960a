import type ExcelJS from "exceljs";
import type { StatusColumnsModel, StatusColumnsProblem } from "../engine/status/StatusColumnsModel";
import { cellAddress, parseRangeAddress, type RangePosition } from "../engine/tables/cellAddress";
import { XlsxPackage, attributesOf, tagsNamed } from "./nativeChartsPackage";

/*
 * Excel Tables (ListObjects) in the .xlsx port. exceljs 4.4's Table API (addColumn, commit) only
 * works on tables it created in the same run: a loaded table has no `ref`, `tl` or `rows`, and
 * `commit()` throws. What exceljs does keep is the table's model, and it writes that model back as it
 * is (lib/xlsx/xform/table/table-xform.js renders `tableRef`, `autoFilterRef` and `columns`, numbering
 * the column ids 1..n itself). So the status columns join a table by widening its model directly.
 */

/** A table's model as exceljs keeps it, loaded or created: the fields it writes back. */
interface TableModel {
  name: string;
  /** The table's range, header and totals rows included ("A1:I6"). */
  tableRef: string;
  /** The filter's range: the table less its totals row. Absent when the table has no filter. */
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: TableColumnModel[];
}

interface TableColumnModel {
  name: string;
  /** Whether the column's filter button shows: exceljs writes `hiddenButton="1"` when it is not true. */
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
}

/** exceljs's Table object holds its model in `table`; getTables() returns these, not the declared tuples. */
interface TableHolder {
  table: TableModel;
}

function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  return (ws.getTables() as unknown as TableHolder[]).map((holder) => holder.table);
}

/**
 * exceljs misreads tables saved by Excel, and would write them back broken:
 * - Excel leaves out `headerRowCount` when the table has its one header row (the default); exceljs
 *   reads the missing attribute as "no header row" and writes `headerRowCount="0"`, so Excel would
 *   take the header cells for data and repair the file.
 * - Excel writes a `filterColumn` only for a column that is filtered or whose button is hidden;
 *   exceljs reads every other column as "button hidden" (and maps filterColumns by position, not
 *   by colId), so every filter button would disappear.
 * This reads each table part of the loaded file again and puts both back as the file had them.
 */
export async function repairLoadedTables(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const byName = new Map<string, TableModel>();
  for (const ws of workbook.worksheets) for (const t of tablesOf(ws)) byName.set(t.name, t);
  if (byName.size === 0) return;
  const pkg = await XlsxPackage.load(bytes);
  for (const path of pkg.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = (await pkg.text(path)) ?? "";
    const open = tagsNamed(xml, "table")[0];
    if (open === undefined) continue;
    const attributes = attributesOf(open);
    const table = byName.get(attributes.get("name") ?? "");
    if (!table) continue;
    // ECMA-376 18.5.1.2: headerRowCount defaults to 1.
    table.headerRow = (attributes.get("headerRowCount") ?? "1") !== "0";
    if (tagsNamed(xml, "autoFilter").length === 0) continue;
    const hidden = new Set<number>();
    for (const filter of tagsNamed(xml, "filterColumn")) {
      const column = attributesOf(filter);
      const button = column.get("hiddenButton");
      if (button === "1" || button === "true") hidden.add(Number(column.get("colId")));
    }
    table.columns.forEach((column, i) => (column.filterButton = !hidden.has(i)));
  }
}

/** How the status block joins a table: the table's new model, decided before any cell is written. */
export interface StatusTablePlan {
  table: TableModel;
  /** The block's headers as the table needs them: unique among the table's column names. */
  headers: string[];
  columns: TableColumnModel[];
  tableRef: string;
  autoFilterRef?: string;
  /** The table's last body row: the block's conditional formats reach it. */
  bodyBottom: number;
}

export type StatusTableDecision =
  { ok: true; plan: StatusTablePlan | undefined } | { ok: false; problem: StatusColumnsProblem };

/**
 * The table the status block belongs to, and its shape once the block has joined it: the table
 * whose header row is the block's and whose last column is right before the block's first (a first
 * run) or inside the block (a re-run over a block written into the table, by this port or by the
 * Office add-in). No such table: the block sits beside whatever is there, as before.
 */
export function planStatusTable(ws: ExcelJS.Worksheet, model: StatusColumnsModel): StatusTableDecision {
  const blockRight = model.firstColumn + model.headers.length - 1;
  const earlierRight = model.firstColumn + model.clear.columns - 1;
  for (const table of tablesOf(ws)) {
    const at = parseRangeAddress(table.tableRef);
    if (!at || !table.headerRow || at.top !== model.headerRow) continue;
    if (!(at.left < model.firstColumn && model.firstColumn <= at.right + 1)) continue;
    if (at.right > earlierRight && blockRight !== earlierRight) {
      // The table goes on past the earlier block with columns of its own: a narrower block would
      // leave blank headers inside the table, and moving the user's columns is not ours to do.
      return { ok: false, problem: inTheMiddle(model, table.name) };
    }
    const keptLeft = table.columns.slice(0, model.firstColumn - at.left);
    const keptRight = at.right > earlierRight ? table.columns.slice(earlierRight - at.left + 1) : [];
    const headers = uniqueHeaders(model.headers, [...keptLeft, ...keptRight]);
    const button = keptLeft[keptLeft.length - 1]?.filterButton;
    const right = at.right > earlierRight ? at.right : blockRight;
    const filter = table.autoFilterRef === undefined ? undefined : parseRangeAddress(table.autoFilterRef);
    return {
      ok: true,
      plan: {
        table,
        headers,
        columns: [
          ...keptLeft,
          ...headers.map((name) => ({ name, ...(button === undefined ? {} : { filterButton: button }) })),
          ...keptRight,
        ],
        tableRef: rangeOf({ ...at, right }),
        ...(filter ? { autoFilterRef: rangeOf({ ...filter, right }) } : {}),
        bodyBottom: at.bottom - (table.totalsRow ? 1 : 0),
      },
    };
  }
  return { ok: true, plan: undefined };
}

/** Gives the table its new columns and range; the name, style and other columns stay as they were. */
export function widenStatusTable(plan: StatusTablePlan): void {
  plan.table.columns = plan.columns;
  plan.table.tableRef = plan.tableRef;
  if (plan.autoFilterRef !== undefined) plan.table.autoFilterRef = plan.autoFilterRef;
}

/**
 * Excel refuses a table with two columns of one name (compared case-insensitively) and renames a
 * repeated header "Name2" itself; the block's headers get a number the same way, cell and column alike.
 */
function uniqueHeaders(headers: readonly string[], others: readonly TableColumnModel[]): string[] {
  const taken = new Set(others.map((c) => c.name.toLocaleLowerCase("en-GB")));
  return headers.map((header) => {
    let name = header;
    for (let n = 2; taken.has(name.toLocaleLowerCase("en-GB")); n++) name = `${header}${n}`;
    taken.add(name.toLocaleLowerCase("en-GB"));
    return name;
  });
}

function rangeOf(at: RangePosition): string {
  return `${cellAddress(at.top, at.left)}:${cellAddress(at.bottom, at.right)}`;
}

function inTheMiddle(model: StatusColumnsModel, table: string): StatusColumnsProblem {
  return {
    code: "write-failed",
    message:
      `“${model.sheet}”: the status columns stand inside the Excel Table “${table}” with the table's own ` +
      "columns to their right, and fewer columns are needed now. Delete the status columns from the " +
      "table (or move them to its right end) and run again.",
  };
}
