import { excelSerialFromEpochDay, type CellDate } from "../cells/coerceCellDate";
import { formatUkDate } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./checkColumns";

/**
 * A date typed as text works in the add-in but not in Excel's own sorting, filters and formulas.
 * Only unambiguous text is offered as a fix ("3rd April 2019", "2019-04-03", "25/12/2024").
 */
export const dateAsText = defineCheck({
  code: "DATE-AS-TEXT",
  severity: "info",
  title: "Date held as text",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      const dates = table.dates(key);
      for (const i of table.irregularDates(key)) {
        const read = dates[i] as CellDate;
        if (read.kind !== "date" || read.from !== "text" || read.ambiguous) continue;
        found.push(
          problem(
            table.rowNumber(i),
            key,
            { date: day(read.day) },
            {
              value: excelSerialFromEpochDay(read.day),
              numberFormat: "dd/mm/yyyy",
              text: formatUkDate(read.day),
            },
          ),
        );
      }
    }
    return found;
  },
});
