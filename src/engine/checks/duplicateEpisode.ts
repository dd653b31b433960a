import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * The same child ID with the same date became looked after on two rows is one care episode typed
 * twice: every figure would count the child twice. A child with two episodes (two BLA dates) is fine.
 */
export const duplicateEpisode = defineCheck({
  code: "JT-DUPLICATE-EPISODE",
  severity: "error",
  title: "Same child and episode on two rows",
  sheets: ["jointTracker"],
  reads: ["childId", "becameLookedAfter"],
  check(table) {
    const firstRow = new Map<string, number>();
    const found: Problem[] = [];
    for (const row of table.rows) {
      const id = row.text("childId");
      const started = row.day("becameLookedAfter");
      if (id === undefined || started === undefined) continue;
      const key = `${id.toUpperCase()}|${started}`;
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, row.rowNumber);
      else found.push(problem(row.rowNumber, "childId", { id, started: day(started), firstRow: first }));
    }
    return found;
  },
});
