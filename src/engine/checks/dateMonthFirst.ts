import { excelSerialFromEpochDay } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import { day, defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/**
 * US-style text ("12/31/2024") pasted from another system. The probable date is suggested, but the
 * safe fixes never apply it: only the user can say which date was meant.
 */
export const dateMonthFirst = defineCheck({
  code: "DATE-MONTH-FIRST",
  severity: "error",
  title: "Month-first (US style) date",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) => {
      if (read.kind !== "problem" || read.problem.code !== "month-first") return undefined;
      const meant = read.problem.suggestion;
      if (meant === undefined) return problem(row.rowNumber, column.key, { detail: read.problem.message });
      return problem(
        row.rowNumber,
        column.key,
        { meant: day(meant) },
        { value: excelSerialFromEpochDay(meant), numberFormat: "dd/mm/yyyy", text: formatUkDate(meant) },
      );
    }),
});
