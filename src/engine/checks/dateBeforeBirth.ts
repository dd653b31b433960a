import { day, defineCheck, problem } from "./defineCheck";
import { eachDateCell } from "./eachCell";

/**
 * Nothing in a child's journey happens before they are born. Becoming looked after has its own code
 * (JT-BLA-BEFORE-DOB) because it starts every clock.
 */
export const dateBeforeBirth = defineCheck({
  code: "DATE-BEFORE-BIRTH",
  severity: "error",
  title: "Date before the child's date of birth",
  reads: ["dateOfBirth"],
  check: (table) =>
    eachDateCell(table, (read, row, column) => {
      const born = row.day("dateOfBirth");
      if (column.key === "dateOfBirth" || column.key === "becameLookedAfter") return undefined;
      return born !== undefined && read.kind === "date" && read.day < born
        ? problem(row.rowNumber, column.key, { date: day(read.day), dateOfBirth: day(born) })
        : undefined;
    }),
});
