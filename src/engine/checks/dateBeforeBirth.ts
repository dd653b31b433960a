import { NO_DAY } from "./TypedTable";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { dateColumnsOf } from "./eachCell";

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
      for (let i = 0; i < days.length; i++) {
        const then = days[i] as number;
        const birth = born[i] as number;
        if (then < birth && then !== NO_DAY) {
          found.push(problem(table.rowNumber(i), key, { date: day(then), dateOfBirth: day(birth) }));
        }
      }
    }
    return found;
  },
});
