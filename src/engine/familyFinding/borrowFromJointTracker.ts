import type { CellValue } from "../cells/CellValue";
import type { DataQualityIssue } from "../checks/DataQualityIssue";
import { cellAddress } from "../tables/cellAddress";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { BorrowedColumn, TrackerRow, TrackerTable } from "../tables/TrackerTable";
import { withColumns } from "../tables/tableColumns";

/*
 * The Family Finding sheet reads the date a child became looked after (and the sibling group) from
 * its own columns or, when it has none, from the child's Joint Tracker row (standards.md, "Family
 * Finding"): family finders seldom keep a date the joint tracker already holds, yet A1 runs from it.
 */

/** Columns the Family Finding sheet may take from the child's Joint Tracker row. */
export const BORROWED_FROM_JOINT_TRACKER: readonly ColumnKey[] = ["becameLookedAfter", "siblingGroup"];

export interface BorrowedTables {
  /** The tables, the Family Finding table with the borrowed values in its rows. */
  tables: TrackerTable[];
  /** What the Family Finding table took (empty when it has its own columns or no Joint Tracker). */
  borrowed: BorrowedColumn[];
}

/** The same child ID, however the cells spell it ("c0012 " and "C0012"). */
function idKey(value: CellValue): string | null {
  if (value === null || value instanceof Date || typeof value === "object") return null;
  const text = String(value).trim().toUpperCase();
  return text === "" ? null : text;
}

/**
 * Fills the Family Finding rows' missing columns from each child's Joint Tracker row, matched by
 * child ID: the open row (no date permanence achieved or ceased), else the latest episode (an adopted
 * child's row is closed by the adoption, and A1 still runs from its BLA). A column the Family
 * Finding sheet maps itself is never replaced, even where its cell is blank. Pure: new rows, the
 * tables given are unchanged.
 */
export function borrowFromJointTracker(tables: readonly TrackerTable[]): BorrowedTables {
  const familyFinding = tables.find((t) => t.sheetKey === "familyFinding");
  const joint = tables.find((t) => t.sheetKey === "jointTracker");
  if (familyFinding === undefined || joint === undefined) return { tables: [...tables], borrowed: [] };
  const own = new Set(familyFinding.columns.map((c) => c.key));
  const wanted = BORROWED_FROM_JOINT_TRACKER.filter(
    (key) => !own.has(key) && joint.columns.some((c) => c.key === key),
  );
  if (wanted.length === 0) return { tables: [...tables], borrowed: [] };

  const episodes = episodeOfChild(joint);
  const borrowed: BorrowedColumn[] = wanted.map((key) => ({
    key,
    from: "jointTracker",
    fromSheetName: joint.sheetName,
    found: 0,
    notFound: [],
  }));
  const rows: TrackerRow[] = familyFinding.rows.map((row) => {
    const id = row.values.childId ?? null;
    const episode = episodes.get(idKey(id) ?? "");
    const values: Record<ColumnKey, CellValue> = { ...row.values };
    for (const column of borrowed) {
      const value = episode?.values[column.key] ?? null;
      values[column.key] = value;
      if (value !== null) column.found++;
      else if (episode === undefined) column.notFound.push({ rowNumber: row.rowNumber, id: idKey(id) });
    }
    return { rowNumber: row.rowNumber, values };
  });
  const table = withColumns({ ...familyFinding, rows, borrowed });
  return { tables: tables.map((t) => (t === familyFinding ? table : t)), borrowed };
}

/** Each child's Joint Tracker row: the open one, else the one that became looked after last. */
function episodeOfChild(joint: TrackerTable): Map<string, TrackerRow> {
  const columns = joint.byColumn;
  const ids = columns.values("childId");
  const starts = columns.dates("becameLookedAfter");
  const exits = columns.dates("permanenceAchieved");
  const chosen = new Map<string, { row: TrackerRow; open: boolean; start: number }>();
  joint.rows.forEach((row, i) => {
    const key = idKey(ids[i] ?? null);
    if (key === null) return;
    const exit = exits[i];
    const open = exit === undefined || exit.kind === "empty";
    const startDate = starts[i];
    const start = startDate?.kind === "date" ? startDate.day : Number.NEGATIVE_INFINITY;
    const before = chosen.get(key);
    const better =
      before === undefined || (open && !before.open) || (open === before.open && start > before.start);
    if (better) chosen.set(key, { row, open, start });
  });
  return new Map([...chosen].map(([key, c]) => [key, c.row]));
}

/**
 * The Family Finding rows that found no date became looked after (no column of their own and no
 * Joint Tracker row for the child), as data-quality warnings at their child ID: A1 cannot be
 * assessed for them, and the list says so rather than leaving them silently grey.
 */
export function borrowingIssues(tables: readonly TrackerTable[]): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  for (const table of tables) {
    const bla = table.borrowed?.find((b) => b.key === "becameLookedAfter");
    const idColumn = table.columns.find((c) => c.key === "childId");
    if (bla === undefined || idColumn === undefined) continue;
    for (const { rowNumber, id } of bla.notFound) {
      issues.push({
        sheet: table.sheetName,
        cell: cellAddress(rowNumber, idColumn.column),
        row: rowNumber,
        column: "childId",
        severity: "warning",
        code: "FF-NO-BLA",
        message:
          `Child ID “${id ?? ""}” has no ${bla.fromSheetName} row, and the ${table.sheetName} sheet has no ` +
          `Date became looked after column: the time to moving in (A1) cannot be assessed`,
      });
    }
  }
  return issues;
}
