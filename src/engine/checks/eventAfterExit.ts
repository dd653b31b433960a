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
    const found: Problem[] = [];
    for (const row of table.rows) {
      const ended = row.day(exit);
      if (ended === undefined) continue;
      for (const column of columns) {
        const then = row.day(column.key);
        if (then !== undefined && then > ended) {
          found.push(problem(row.rowNumber, column.key, { date: day(then), exit: day(ended) }));
        }
      }
    }
    return found;
  },
});
