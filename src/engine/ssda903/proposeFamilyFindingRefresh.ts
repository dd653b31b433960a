import { z } from "zod";
import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, excelSerialFromEpochDay } from "../cells/coerceCellDate";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { shownLogValue } from "../fixes/changeLog";
import type { CellChange } from "../port/ChangeSet";
import { matchCode, YES_NO } from "../profile/codeLists";
import type { ColumnKey, SheetSpec } from "../profile/TrackerProfile";
import { cellAddress } from "../tables/cellAddress";
import { cellOf, type MappedColumn, type TrackerRow, type TrackerTable } from "../tables/TrackerTable";
import { REFRESH_RULES, type RefreshCell, type RefreshConflict, type RefreshOptions } from "./proposeRefresh";
import { childKeyOf } from "./readSsda903Extract";
import { plainCellText } from "../cells/plainCellText";

/*
 * Refresh of the Family Finding sheet from the case system (standards.md, "Family Finding"; issue 20):
 * the dates the SSDA903 return holds, with the Joint Tracker's change-set rules: an empty cell the
 * system knows is filled, a disagreement is listed with both values and the tracker's kept unless
 * the user accepts the system's, nothing else is touched, and a second run proposes nothing.
 */

/**
 * What the case system knows of one child's adoption journey, from the return's tables:
 * PlacedAdoption DATE_PLACED (the should-be-placed decision) and DATE_PLACED_CEASED with
 * REASON_PLACED_CEASED (the decision reversed); the start of legal status E1 (the placement order);
 * AD1 DATE_MATCH (the ADM's match) and FOSTER_CARE (adopted by the foster carers); the first A3–A6
 * placement's start (placed for adoption); the end of the episode with REC E11 or E12 (adopted).
 */
export const FamilyFindingSystemChild = z
  .object({
    childId: z.string().min(1),
    shouldBePlaced: z.number().int().optional(),
    decisionReversed: z.number().int().optional(),
    reasonReversed: z.string().optional(),
    placementOrder: z.number().int().optional(),
    match: z.number().int().optional(),
    adoptedByFosterCarers: z.boolean().optional(),
    placedForAdoption: z.number().int().optional(),
    adopted: z.number().int().optional(),
  })
  .strict();
export type FamilyFindingSystemChild = z.infer<typeof FamilyFindingSystemChild>;

/** The Family Finding columns refresh fills, and the system fact each comes from. */
const FILLED = [
  ["shouldBePlaced", "shouldBePlaced"],
  ["decisionReversed", "decisionReversed"],
  ["placementOrder", "placementOrder"],
  ["adm", "match"],
  ["adoptedByFosterCarers", "adoptedByFosterCarers"],
  ["placementDate", "placedForAdoption"],
  ["closedDate", "adopted"],
] as const satisfies readonly (readonly [ColumnKey, keyof FamilyFindingSystemChild])[];

export interface FamilyFindingRefreshReport {
  sheet: string;
  rowsMatched: number;
  filled: RefreshCell[];
  conflicts: RefreshConflict[];
  /** Decisions the system records as reversed (DATE_PLACED_CEASED), each with its row. */
  reversed: { childId: string; row: number; reversed: EpochDay; reason?: string }[];
  /** A child with two or more Family Finding rows: reported, no row changed. */
  duplicateRows: { childId: string; rows: number[] }[];
  /** Children with a should-be-placed decision in the system and no Family Finding row (not added: a row is the family finder's). */
  missingChildren: { childId: string; shouldBePlaced: EpochDay }[];
  rowsNotInExtract: number;
}

/**
 * What the extract would change in the Family Finding sheet: its changes (to add to the refresh's
 * change set) and a report. Rows are matched by child ID, trimmed and case-insensitive.
 */
export function proposeFamilyFindingRefresh(
  table: TrackerTable,
  spec: SheetSpec,
  children: readonly FamilyFindingSystemChild[],
  options: Pick<RefreshOptions, "acceptSystem">,
): { changes: CellChange[]; report: FamilyFindingRefreshReport } {
  const report: FamilyFindingRefreshReport = {
    sheet: table.sheetName,
    rowsMatched: 0,
    filled: [],
    conflicts: [],
    reversed: [],
    duplicateRows: [],
    missingChildren: [],
    rowsNotInExtract: 0,
  };
  const rowsOf = new Map<string, TrackerRow[]>();
  for (const row of table.rows) {
    const id = plainCellText(cellOf(row, spec.idColumn));
    if (id === "") continue;
    const key = childKeyOf(id);
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  }
  const systemKeys = new Set(children.map((c) => childKeyOf(c.childId)));
  for (const [key, rows] of rowsOf) if (!systemKeys.has(key)) report.rowsNotInExtract += rows.length;

  const columns = new Map(table.columns.map((c) => [c.key, c] as const));
  const textDated = textDatedColumns(table, spec);
  const changes: CellChange[] = [];
  for (const child of children) {
    const rows = rowsOf.get(childKeyOf(child.childId)) ?? [];
    if (rows.length === 0) {
      if (child.shouldBePlaced !== undefined)
        report.missingChildren.push({ childId: child.childId, shouldBePlaced: child.shouldBePlaced });
      continue;
    }
    if (rows.length > 1) {
      report.duplicateRows.push({ childId: child.childId, rows: rows.map((r) => r.rowNumber) });
      continue;
    }
    const row = rows[0] as TrackerRow;
    report.rowsMatched++;
    if (child.decisionReversed !== undefined) {
      const reversed: FamilyFindingRefreshReport["reversed"][number] = {
        childId: child.childId,
        row: row.rowNumber,
        reversed: child.decisionReversed,
      };
      if (child.reasonReversed !== undefined) reversed.reason = child.reasonReversed;
      report.reversed.push(reversed);
    }
    for (const [key, fact] of FILLED) {
      const column = columns.get(key);
      const system = child[fact];
      if (column === undefined || system === undefined) continue;
      const current = cellOf(row, key);
      const comparison = compare(current, system);
      if (comparison === "same") continue;
      const cell = cellAddress(row.rowNumber, column.column);
      const shown: RefreshCell = {
        sheet: table.sheetName,
        cell,
        row: row.rowNumber,
        childId: child.childId,
        column: key,
        header: column.header,
        tracker: shownTrackerValue(current),
        system: typeof system === "boolean" ? (system ? "Yes" : "No") : formatUkDate(system),
      };
      const write = (rule: string): CellChange =>
        cellChange(table, column, cell, current, system, textDated, rule);
      if (comparison === "empty") {
        report.filled.push(shown);
        changes.push(write(REFRESH_RULES.fill));
        continue;
      }
      const kept = options.acceptSystem === true ? "system" : "tracker";
      report.conflicts.push({ ...shown, kept });
      if (kept === "system") changes.push(write(REFRESH_RULES.system));
    }
  }
  return { changes, report };
}

/** A day the system gives against a date cell, or yes / no against the foster-carers cell. */
function compare(current: CellValue, system: EpochDay | boolean): "same" | "empty" | "differs" {
  if (typeof system === "boolean") {
    const text = plainCellText(current);
    if (text === "") return "empty";
    const match = matchCode(YES_NO, text);
    return match.kind === "code" && (match.code.code === "YES") === system ? "same" : "differs";
  }
  const read = coerceCellDate(current);
  if (read.kind === "empty") return "empty";
  return read.kind === "date" && read.day === system ? "same" : "differs";
}

/** A sheet that keeps a date column as text ("03/04/2019") gets text dates there, as the Joint Tracker's refresh does. */
function textDatedColumns(table: TrackerTable, spec: SheetSpec): ReadonlySet<ColumnKey> {
  const dates = new Set(spec.columns.filter((c) => c.type === "date").map((c) => c.key));
  const keys = table.columns.map((c) => c.key).filter((key) => dates.has(key));
  return new Set(
    keys.filter((key) => {
      const values = table.rows.map((r) => cellOf(r, key)).filter((v) => v !== null && v !== "");
      const texts = values.filter((v) => typeof v === "string" && coerceCellDate(v).kind === "date");
      return values.length > 0 && texts.length * 2 > values.length;
    }),
  );
}

function cellChange(
  table: TrackerTable,
  column: MappedColumn,
  cell: string,
  old: CellValue,
  system: EpochDay | boolean,
  textDated: ReadonlySet<ColumnKey>,
  rule: string,
): CellChange {
  const base = { sheet: table.sheetName, cell, old, rule };
  if (typeof system === "boolean") return { ...base, new: system ? "Yes" : "No" };
  if (textDated.has(column.key)) return { ...base, new: formatUkDate(system) };
  return { ...base, new: excelSerialFromEpochDay(system), numberFormat: "dd/mm/yyyy" };
}

/** The tracker's cell as the user reads it: a date (a serial too) as dd/MM/yyyy. */
function shownTrackerValue(value: CellValue): string {
  const read = coerceCellDate(value);
  return read.kind === "date" ? formatUkDate(read.day) : shownLogValue(value);
}
