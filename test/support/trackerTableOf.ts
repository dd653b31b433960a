import type { CellValue } from "../../src/engine/cells/CellValue";
import { DEFAULT_PROFILE } from "../../src/engine/profile/defaultProfile";
import type { ColumnKey, SheetKey } from "../../src/engine/profile/TrackerProfile";
import type { TrackerTable } from "../../src/engine/tables/TrackerTable";
import { withColumns } from "../../src/engine/tables/tableColumns";

/**
 * A tracker table built in code, for tests and examples: every column of the default profile's sheet
 * in profile order from column A (or only `columns`), the header on row 1 and one row per object.
 */
export function trackerTableOf(
  sheetKey: SheetKey,
  rows: readonly Readonly<Record<ColumnKey, CellValue>>[],
  options: { sheetName?: string; columns?: readonly ColumnKey[] } = {},
): TrackerTable {
  const spec = DEFAULT_PROFILE.sheets.find((s) => s.key === sheetKey);
  if (!spec) throw new RangeError(`the default profile has no sheet ${sheetKey}`);
  const specs = options.columns ? spec.columns.filter((c) => options.columns?.includes(c.key)) : spec.columns;
  const columns = specs.map((c, i) => ({ key: c.key, column: i + 1, header: c.title }));
  return withColumns({
    sheetKey,
    sheetName: options.sheetName ?? spec.title,
    headerRow: 1,
    columns,
    rows: rows.map((values, i) => ({
      rowNumber: i + 2,
      values: Object.fromEntries(columns.map((c) => [c.key, values[c.key] ?? null])),
    })),
  });
}
