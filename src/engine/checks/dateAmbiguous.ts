import { day, defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/**
 * Text such as "03/04/2019" reads as 3 April (UK) or 4 March (US). The add-in reads it day first and
 * says so; it is never fixed automatically because only the user knows which was meant.
 */
export const dateAmbiguous = defineCheck({
  code: "DATE-AMBIGUOUS",
  severity: "warning",
  title: "Text date that could be read two ways",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "date" && read.from === "text" && read.ambiguous
        ? problem(row.rowNumber, column.key, { date: day(read.day) })
        : undefined,
    ),
});
