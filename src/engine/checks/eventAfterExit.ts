import { rowsWithDayAfterOther } from "./checkColumns";
import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * Once a child has ceased to be looked after (or a household has closed) nothing more can happen on
 * the row; a later date is mistyped or belongs to a new episode. Planned dates (`future` columns such
 * as the next PPM) and the date of birth are left out.
 */
export const eventAfterExit = defineCheck({
  code: "EVENT-AFTER-EXIT",
  severity: "error",
  title: "Event after the row's exit date",
  reads: [],
  check(table) {
    const exit = table.spec.exitColumn;
    if (exit === undefined || !table.has(exit)) return [];
    const columns = table.mappedColumns.filter(
      (c) => c.type === "date" && !c.future && c.key !== exit && c.key !== "dateOfBirth",
    );
    const exits = table.days(exit);
    const found: Problem[] = [];
    for (const { key } of columns) {
      const days = table.days(key);
      for (const i of rowsWithDayAfterOther(days, exits)) {
        found.push(
          problem(table.rowNumber(i), key, { date: day(days[i] as number), exit: day(exits[i] as number) }),
        );
      }
    }
    return found;
  },
});
