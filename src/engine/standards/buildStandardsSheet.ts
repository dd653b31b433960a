import type { SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import { columnLetters } from "../tables/cellAddress";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet } from "../profile/TrackerProfile";
import type { Standard } from "./Standard";
import {
  STANDARDS_COLUMNS,
  STANDARDS_HEADER_ROW,
  STANDARDS_SHEET_NAME,
  type StandardsColumnKey,
} from "./standardsSheetColumns";
import { formatCondition, formatEnd, formatLimitVariants } from "./standardText";

const UNIT_TEXT = { workingDays: "working days", days: "days", weeks: "weeks", months: "months" } as const;

/** A standard as the sheet shows it: one readable cell per column. */
export function standardCells(standard: Standard): Record<StandardsColumnKey, string | number> {
  return {
    id: standard.id,
    title: standard.title,
    sheet: profileSheet(DEFAULT_PROFILE, standard.sheet)?.title ?? standard.sheet,
    start: standard.start.join(", "),
    startKind: standard.startKind,
    end: formatEnd(standard.end, standard.endVariants),
    earlyEnd: standard.earlyEndMet ? "met" : "",
    limit: standard.limit?.n ?? "",
    unit: standard.limit ? UNIT_TEXT[standard.limit.unit] : "",
    by: standard.by ?? "",
    amber: standard.amberWorkingDays,
    appliesWhen: standard.appliesWhen ? formatCondition(standard.appliesWhen) : "",
    limitVariants: formatLimitVariants(standard.limitVariants),
    exit: standard.exit ?? "",
    basis: standard.basis,
    source: standard.source,
    enabled: standard.enabled ? "yes" : "no",
  };
}

/**
 * The Standards sheet, written when a workbook has none: one row per standard under a header, so a
 * manager can change a limit, switch a local target off or add a local standard, and the add-in
 * reads it back (readStandardsSheet) as the source of truth.
 */
export function buildStandardsSheet(standards: readonly Standard[]): SheetModel {
  const c = new SheetRuns();
  c.cell(1, 1, "Standards the tracker is checked against", { bold: true, size: 14 });
  c.cell(
    2,
    1,
    "Change a limit, the amber window or On (yes/no) here; add a row for a local standard over the " +
      "tracker's column keys. Start: columns in order, the first with a date wins; leave End blank for a " +
      "recurring “next due” standard, or add “; other column when condition” for rows that end elsewhere; " +
      "End before start “met” counts an end dated before the start as met " +
      "(early permanence). Basis: STAT regulation or Act, SG statutory guidance, NMS national minimum " +
      "standard, SCORECARD DfE adoption scorecard threshold, LOCAL local target.",
    { italic: true, wrap: false },
  );
  c.row(
    STANDARDS_HEADER_ROW,
    1,
    STANDARDS_COLUMNS.map((column) => column.header),
    { bold: true, fill: "D9E1F2", border: true, wrap: true, vertical: "top" },
  );
  standards.forEach((standard, r) => {
    const values = standardCells(standard);
    c.row(
      STANDARDS_HEADER_ROW + 1 + r,
      1,
      STANDARDS_COLUMNS.map((column) => values[column.key]),
      { vertical: "top" },
    );
  });
  const lastColumn = STANDARDS_COLUMNS.length;
  const lastRow = STANDARDS_HEADER_ROW + Math.max(1, standards.length);
  return {
    name: STANDARDS_SHEET_NAME,
    purpose: "standards",
    runs: c.runs,
    columnWidths: Object.fromEntries(STANDARDS_COLUMNS.map((c, i) => [i + 1, c.width])),
    freeze: { rows: STANDARDS_HEADER_ROW, columns: 2 },
    autoFilter: `A${STANDARDS_HEADER_ROW}:${columnLetters(lastColumn)}${lastRow}`,
    print: {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { first: STANDARDS_HEADER_ROW, last: STANDARDS_HEADER_ROW },
    },
  };
}
