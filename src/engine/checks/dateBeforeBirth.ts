import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf, rowsWithDayBeforeOther } from "./checkColumns";

/**
 * Nothing in a child's journey happens before they are born. Becoming looked after has its own code
 * (JT-BLA-BEFORE-DOB) because it starts every clock.
 */
export const dateBeforeBirth = defineCheck({
  code: "DATE-BEFORE-BIRTH",
  severity: "error",
  title: "Date before the child's date of birth",
  reads: ["dateOfBirth"],
  check(table) {
    const born = table.days("dateOfBirth");
    const found: Problem[] = [];
    for (const { key } of dateColumnsOf(table)) {
      if (key === "dateOfBirth" || key === "becameLookedAfter") continue;
      const days = table.days(key);
      for (const i of rowsWithDayBeforeOther(days, born)) {
        found.push(
          problem(table.rowNumber(i), key, {
            date: day(days[i] as number),
            dateOfBirth: day(born[i] as number),
          }),
        );
      }
    }
    return found;
  },
});
