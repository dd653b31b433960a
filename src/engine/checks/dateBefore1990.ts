import { epochDayFromParts, type EpochDay } from "../dates/epochDay";
import { day, defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/** No child or household on a current tracker has an event this old: the year was mistyped. */
export const EARLIEST_PLAUSIBLE_DAY = epochDayFromParts(1990, 1, 1) as EpochDay;

export const dateBefore1990 = defineCheck({
  code: "DATE-BEFORE-1990",
  severity: "warning",
  title: "Date before 01/01/1990",
  reads: [],
  check: (table) =>
    eachDateCell(table, (read, row, column) =>
      read.kind === "date" && read.day < EARLIEST_PLAUSIBLE_DAY
        ? problem(row.rowNumber, column.key, { date: day(read.day) })
        : undefined,
    ),
});
