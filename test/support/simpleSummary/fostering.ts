import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { simpleAddMonths, simpleBetween } from "../simpleEvaluation";
import { dayIn, inMonths, textIn, type Months } from "./common";
import type { Counted } from "./counted";

/*
 * The fostering figures (standards.md "Summary-only measures"): enquiries and approvals per period,
 * enquiry to initial home visit in working days and application to panel in months, each counted by
 * the month of its later date, as plain loops over the Recruitment & Assessment and Fostering
 * Support rows.
 */

/** Rows with a valid date in `key` that falls in the period, the trace naming each `outcome`. */
function datedRows(table: TrackerTable, key: string, outcome: string, months: Months): Counted[] {
  const rows: Counted[] = [];
  for (const row of table.rows) {
    const day = dayIn(row, key);
    if (day === null || !inMonths(day, months)) continue;
    const id = textIn(row.values["householdId"]);
    rows.push({ sheetName: table.sheetName, row: row.rowNumber, id, standard: null, outcome, date: day });
  }
  return rows;
}

/** Enquiries: Recruitment & Assessment rows whose enquiry date falls in the period. */
export const simpleEnquiries = (recruitment: TrackerTable, months: Months): Counted[] =>
  datedRows(recruitment, "enquiry", "enquiry", months);

/** Approvals: Fostering Support households whose approval date falls in the period. */
export const simpleApprovals = (support: TrackerTable, months: Months): Counted[] =>
  datedRows(support, "approvalDate", "approved", months);

/**
 * A measure from one date to a later one, counted by the later date's month: rows whose two dates
 * are valid and in order, each with its measure.
 */
function measuredRows(
  table: TrackerTable,
  fromKey: string,
  toKey: string,
  measure: (from: number, to: number) => { value: number; outcome: string },
  months: Months,
): Counted[] {
  const rows: Counted[] = [];
  for (const row of table.rows) {
    const from = dayIn(row, fromKey);
    const to = dayIn(row, toKey);
    if (from === null || to === null || to < from || !inMonths(to, months)) continue;
    const id = textIn(row.values["householdId"]);
    rows.push({
      sheetName: table.sheetName,
      row: row.rowNumber,
      id,
      standard: null,
      date: to,
      ...measure(from, to),
    });
  }
  return rows;
}

/** Initial home visits held in the period, each with the working days since its enquiry. */
export function simpleEnquiryToIhv(recruitment: TrackerTable, months: Months): Counted[] {
  return measuredRows(
    recruitment,
    "enquiry",
    "ihv",
    (from, to) => {
      const days = simpleBetween(from, to);
      return { value: days, outcome: `${days} working days` };
    },
    months,
  );
}

/** Panels held in the period, each with the calendar months since its application. */
export function simpleApplicationToPanel(recruitment: TrackerTable, months: Months): Counted[] {
  return measuredRows(
    recruitment,
    "application",
    "panel",
    (from, to) => {
      const value = simpleMonthsBetween(from, to);
      return { value, outcome: `${value} months` };
    },
    months,
  );
}

/**
 * Calendar months from a to b to one decimal: the whole months that fit (adding months as the
 * deadlines do, clamped at a month's end), then what is left as a share of the month after them.
 */
export function simpleMonthsBetween(a: number, b: number): number {
  let whole = 0;
  while (simpleAddMonths(a, whole + 1) <= b) whole += 1;
  const monthStart = simpleAddMonths(a, whole);
  const monthLength = simpleAddMonths(a, whole + 1) - monthStart;
  return Math.round((whole + (b - monthStart) / monthLength) * 10) / 10;
}
