import { day, defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/** An event that has happened (a review held, a child placed) cannot be dated after the as-at day. */
export const dateInFuture = defineCheck({
  code: "DATE-IN-FUTURE",
  severity: "error",
  title: "Date in the future",
  reads: [],
  check: (table, { asOf }) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "date" && !column.future && read.day > asOf
        ? problem(row.rowNumber, column.key, { date: day(read.day), asOf: day(asOf) })
        : undefined,
    ),
});
