import type { CellValue } from "../cells/CellValue";
import { coerceCellDate, excelSerialFromEpochDay } from "../cells/coerceCellDate";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { shownLogValue } from "../fixes/changeLog";
import type { CellChange, ChangeSet } from "../port/ChangeSet";
import { codeListNamed, matchCode } from "../profile/codeLists";
import type { ColumnKey, ColumnSpec, SheetSpec } from "../profile/TrackerProfile";
import { cellAddress } from "../tables/cellAddress";
import { cellOf, type MappedColumn, type TrackerRow, type TrackerTable } from "../tables/TrackerTable";
import type { SystemRow } from "./buildSystemRows";
import type { ExtractProblem } from "./ExtractProblem";
import { childKeyOf } from "./readSsda903Extract";
import { plainCellText } from "../cells/plainCellText";

/** The rules refresh logs its changes under. */
export const REFRESH_RULES = {
  /** An empty tracker cell the system knows. */
  fill: "REFRESH-FILL",
  /** A conflict resolved the system's way (only with `acceptSystem`). */
  system: "REFRESH-SYSTEM-VALUE",
  /** A cell of a row appended for a child in care missing from the tracker. */
  newChild: "REFRESH-NEW-CHILD",
  /** The exit date of a child the system says left care. */
  ceased: "REFRESH-CEASED",
} as const;

/**
 * The tracker columns the SSDA903 extract gives, and nothing else: PPMs, plans, notes and any column
 * not listed here are the tracker's own and are never touched. The social worker comes only from the
 * names the user gave the case system's worker IDs (the Worker IDs sheet). The child ID is only
 * written on appended rows. Placements in the last 12 months are counted to the as-at day, which a tracker
 * may count to its own meeting date: they fill an empty cell but are never called a conflict.
 */
export const REFRESHED_COLUMNS = [
  "dateOfBirth",
  "legalStatus",
  "becameLookedAfter",
  "placementType",
  "placementProvider",
  "placementStart",
  "placementsLast12Months",
  "firstReview",
  "secondReview",
  "latestReview",
  "socialWorker",
  "permanenceAchieved",
] as const satisfies readonly (keyof SystemRow | "permanenceAchieved")[];
export type RefreshedColumn = (typeof REFRESHED_COLUMNS)[number];

/** One cell refresh filled, or where tracker and system disagree: both values as the user reads them. */
export interface RefreshCell {
  sheet: string;
  cell: string;
  row: number;
  childId: string;
  column: ColumnKey;
  header: string;
  tracker: string;
  system: string;
}

export interface RefreshConflict extends RefreshCell {
  /** Whose value the change set keeps: the tracker's unless the user accepted the system's. */
  kept: "tracker" | "system";
}

export interface NewChild {
  childId: string;
  becameLookedAfter: EpochDay;
  /** The row appended for the child. */
  row: number;
}

export interface CeasedChild {
  childId: string;
  row: number;
  cell: string;
  ceased: EpochDay;
  /** The SSDA903 REC reason (E11 adopted, E45 special guardianship...). */
  reason?: string;
}

export interface RefreshReport {
  sheet: string;
  rowsMatched: number;
  filled: RefreshCell[];
  conflicts: RefreshConflict[];
  newChildren: NewChild[];
  ceased: CeasedChild[];
  /** A care period matched by two or more tracker rows: reported, neither row changed. */
  duplicateMatches: { childId: string; becameLookedAfter: EpochDay; rows: number[] }[];
  /** Tracker rows of a child in the extract that no care period could be matched to without a guess. */
  unmatchedRows: { childId: string; row: number; reason: string }[];
  /** Tracker rows whose child is not in the extract at all (left alone). */
  rowsNotInExtract: number;
  extractProblems: ExtractProblem[];
}

export interface RefreshOptions {
  /** The change set's id (the caller makes it unique against the Change log). */
  id: string;
  /** Resolve every conflict the system's way. */
  acceptSystem?: boolean;
}

/**
 * What the case system's extract would change in the tracker, as one change set and a report;
 * nothing is written here. Each system care period is matched to a Joint Tracker row by child ID
 * (trimmed, case-insensitive) and date became looked after; a child with one unmatched row and one
 * unmatched period is matched anyway, its BLA shown as a conflict. Empty cells the system knows are
 * filled, disagreements listed (the tracker's value kept unless `acceptSystem`), children in care
 * missing from the tracker appended in its own column order and date form, and exit dates of
 * children who left care filled. Running it again on the result proposes nothing.
 */
export function proposeRefresh(
  table: TrackerTable,
  spec: SheetSpec,
  systemRows: readonly SystemRow[],
  extractProblems: readonly ExtractProblem[],
  options: RefreshOptions,
): { changeSet: ChangeSet; report: RefreshReport } {
  const report: RefreshReport = {
    sheet: table.sheetName,
    rowsMatched: 0,
    filled: [],
    conflicts: [],
    newChildren: [],
    ceased: [],
    duplicateMatches: [],
    unmatchedRows: [],
    rowsNotInExtract: 0,
    extractProblems: [...extractProblems],
  };
  const changes: CellChange[] = [];
  const writer = cellWriter(table, spec);

  const trackerRows = new Map<string, TrackerRow[]>();
  for (const row of table.rows) {
    const id = plainCellText(cellOf(row, spec.idColumn));
    if (id === "") continue;
    const list = trackerRows.get(childKeyOf(id)) ?? [];
    list.push(row);
    trackerRows.set(childKeyOf(id), list);
  }
  const systemByChild = new Map<string, SystemRow[]>();
  for (const row of systemRows) {
    const list = systemByChild.get(row.childKey) ?? [];
    list.push(row);
    systemByChild.set(row.childKey, list);
  }
  for (const [key, rows] of trackerRows) if (!systemByChild.has(key)) report.rowsNotInExtract += rows.length;

  let nextRow = Math.max(table.headerRow, ...table.rows.map((r) => r.rowNumber)) + 1;
  for (const [key, periods] of systemByChild) {
    const rows = trackerRows.get(key) ?? [];
    const pairs: [TrackerRow, SystemRow][] = [];
    let freeRows = [...rows];
    let freePeriods = [...periods].sort((a, b) => a.becameLookedAfter - b.becameLookedAfter);
    for (const period of [...freePeriods]) {
      const same = freeRows.filter((r) => dayOf(cellOf(r, "becameLookedAfter")) === period.becameLookedAfter);
      if (same.length === 0) continue;
      freeRows = freeRows.filter((r) => !same.includes(r));
      freePeriods = freePeriods.filter((p) => p !== period);
      if (same.length === 1) pairs.push([same[0] as TrackerRow, period]);
      else {
        report.duplicateMatches.push({
          childId: period.childId,
          becameLookedAfter: period.becameLookedAfter,
          rows: same.map((r) => r.rowNumber),
        });
      }
    }
    if (freeRows.length === 1 && freePeriods.length === 1) {
      pairs.push([freeRows[0] as TrackerRow, freePeriods[0] as SystemRow]);
      freeRows = [];
      freePeriods = [];
    }
    for (const row of freeRows) {
      report.unmatchedRows.push({
        childId: plainCellText(cellOf(row, spec.idColumn)),
        row: row.rowNumber,
        reason:
          freePeriods.length === 0
            ? "no care period in the extract starts on its date became looked after"
            : "its date became looked after matches none of the child's care periods in the extract",
      });
    }
    for (const [row, period] of pairs) {
      report.rowsMatched++;
      changes.push(...refreshRow(row, period, writer, report, options));
    }
    // A child in care whose period has no row is appended, unless the child has rows refresh could
    // not place: then which row is the period's is the user's call.
    if (freeRows.length === 0) {
      // A period open in an earlier return whose child is missing from a later one is not in care.
      for (const period of freePeriods.filter(
        (p) => p.ceased === undefined && p.absentFromReturn === undefined,
      )) {
        changes.push(...writer.newRow(nextRow, period));
        report.newChildren.push({
          childId: period.childId,
          becameLookedAfter: period.becameLookedAfter,
          row: nextRow,
        });
        nextRow++;
      }
    }
  }
  return {
    changeSet: { id: options.id, description: describeRefresh(report), changes },
    report,
  };
}

/** "Refresh from the case system: 3 cells filled, 1 conflict..." for the log and the CLI. */
export function describeRefresh(report: RefreshReport): string {
  const accepted = report.conflicts.filter((c) => c.kept === "system").length;
  return (
    `Refresh from the case system (SSDA903): ${report.rowsMatched} row(s) matched, ` +
    `${report.filled.length} cell(s) filled, ${report.conflicts.length} conflict(s)` +
    `${accepted > 0 ? ` (${accepted} set to the system's value)` : ""}, ` +
    `${report.newChildren.length} new child(ren), ${report.ceased.length} ceased`
  );
}

function refreshRow(
  row: TrackerRow,
  period: SystemRow,
  writer: CellWriter,
  report: RefreshReport,
  options: RefreshOptions,
): CellChange[] {
  const changes: CellChange[] = [];
  const childId = period.childId;
  for (const column of writer.columns) {
    const key = column.key as RefreshedColumn;
    const system = systemValueOf(period, key);
    if (system === undefined) continue;
    const current = cellOf(row, key);
    const comparison = writer.compare(key, current, system);
    if (comparison === "same") continue;
    const cell = cellAddress(row.rowNumber, column.column);
    const shown: RefreshCell = {
      sheet: writer.sheet,
      cell,
      row: row.rowNumber,
      childId,
      column: key,
      header: column.header,
      tracker: shownLogValue(current),
      system: shownSystemValue(system),
    };
    if (comparison === "empty") {
      const rule = key === "permanenceAchieved" ? REFRESH_RULES.ceased : REFRESH_RULES.fill;
      changes.push(writer.change(key, cell, current, system, rule));
      if (key === "permanenceAchieved" && "day" in system) {
        const ceased: CeasedChild = { childId, row: row.rowNumber, cell, ceased: system.day };
        if (period.reasonCeased !== undefined) ceased.reason = period.reasonCeased;
        report.ceased.push(ceased);
      } else {
        report.filled.push(shown);
      }
      continue;
    }
    // A count as at another day is not a disagreement (see REFRESHED_COLUMNS).
    if (key === "placementsLast12Months") continue;
    const kept = options.acceptSystem === true ? "system" : "tracker";
    report.conflicts.push({ ...shown, kept });
    if (kept === "system") changes.push(writer.change(key, cell, current, system, REFRESH_RULES.system));
  }
  return changes;
}

/** A value the system gives: a day, a code or a count (kept apart: a count is not a date serial). */
type SystemValue = { day: EpochDay } | { text: string } | { count: number };

const DATE_KEYS = new Set<RefreshedColumn>([
  "dateOfBirth",
  "becameLookedAfter",
  "placementStart",
  "firstReview",
  "secondReview",
  "latestReview",
]);

function systemValueOf(period: SystemRow, key: RefreshedColumn): SystemValue | undefined {
  if (key === "permanenceAchieved") return period.ceased === undefined ? undefined : { day: period.ceased };
  if (key === "placementsLast12Months") return { count: period.placementsLast12Months };
  if (DATE_KEYS.has(key)) {
    const day = period[key as "dateOfBirth"];
    return day === undefined ? undefined : { day };
  }
  const text = period[key as "legalStatus"];
  return text === undefined ? undefined : { text };
}

function shownSystemValue(value: SystemValue): string {
  if ("day" in value) return formatUkDate(value.day);
  return "text" in value ? value.text : String(value.count);
}

interface CellWriter {
  sheet: string;
  /** The refreshed columns the tracker maps, in its own order. */
  columns: readonly MappedColumn[];
  compare(key: RefreshedColumn, current: CellValue, system: SystemValue): "same" | "empty" | "differs";
  change(key: ColumnKey, cell: string, old: CellValue, value: SystemValue, rule: string): CellChange;
  newRow(rowNumber: number, period: SystemRow): CellChange[];
}

function cellWriter(table: TrackerTable, spec: SheetSpec): CellWriter {
  const specOf = new Map<string, ColumnSpec>(spec.columns.map((c) => [c.key, c]));
  const columns = table.columns.filter((c) => (REFRESHED_COLUMNS as readonly string[]).includes(c.key));
  // A tracker that keeps its dates as text ("03/04/2019") gets text dates; otherwise real dates.
  const textDated = new Set(
    table.columns
      .filter((c) => specOf.get(c.key)?.type === "date")
      .filter((c) => {
        const values = table.rows.map((r) => cellOf(r, c.key)).filter((v) => v !== null && v !== "");
        const texts = values.filter((v) => typeof v === "string" && coerceCellDate(v).kind === "date");
        return values.length > 0 && texts.length * 2 > values.length;
      })
      .map((c) => c.key),
  );

  const valueOf = (key: ColumnKey, value: SystemValue): { value: CellValue; numberFormat?: string } => {
    if ("day" in value) {
      return textDated.has(key)
        ? { value: formatUkDate(value.day) }
        : { value: excelSerialFromEpochDay(value.day), numberFormat: "dd/mm/yyyy" };
    }
    return { value: "text" in value ? value.text : value.count };
  };
  const change = (
    key: ColumnKey,
    cell: string,
    old: CellValue,
    value: SystemValue,
    rule: string,
  ): CellChange => {
    const written = valueOf(key, value);
    const base: CellChange = { sheet: table.sheetName, cell, old, new: written.value, rule };
    return written.numberFormat === undefined ? base : { ...base, numberFormat: written.numberFormat };
  };

  return {
    sheet: table.sheetName,
    columns,
    compare(key, current, system) {
      const column = specOf.get(key);
      if ("day" in system) {
        const read = coerceCellDate(current);
        if (read.kind === "empty") return "empty";
        return read.kind === "date" && read.day === system.day ? "same" : "differs";
      }
      const text = plainCellText(current);
      if (text === "") return "empty";
      if ("count" in system) return Number(text) === system.count ? "same" : "differs";
      const list = column?.codeList === undefined ? undefined : codeListNamed(column.codeList);
      if (list) {
        const match = matchCode(list, text);
        return match.kind === "code" && match.code.code === system.text ? "same" : "differs";
      }
      return text.toUpperCase() === system.text.toUpperCase() ? "same" : "differs";
    },
    change,
    newRow(rowNumber, period) {
      const changes: CellChange[] = [];
      for (const column of table.columns) {
        const value: SystemValue | undefined =
          column.key === spec.idColumn
            ? { text: period.childId }
            : (REFRESHED_COLUMNS as readonly string[]).includes(column.key)
              ? systemValueOf(period, column.key as RefreshedColumn)
              : undefined;
        if (value === undefined) continue;
        changes.push(
          change(column.key, cellAddress(rowNumber, column.column), null, value, REFRESH_RULES.newChild),
        );
      }
      return changes;
    },
  };
}

function dayOf(value: CellValue): EpochDay | undefined {
  const read = coerceCellDate(value);
  return read.kind === "date" ? read.day : undefined;
}
