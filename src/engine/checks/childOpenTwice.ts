import { day, defineCheck, problem, type Problem } from "./defineCheck";

/**
 * A child is looked after in one care episode at a time: the same child ID on two rows that are both
 * still open (no date permanence achieved or ceased) means an earlier episode's end was never
 * recorded, or one child's row carries another's ID. Either way the child is counted twice in every
 * open-case figure and agenda. The same ID and BLA date is one episode typed twice, reported by
 * JT-DUPLICATE-EPISODE instead.
 */
export const childOpenTwice = defineCheck({
  code: "JT-CHILD-OPEN-TWICE",
  severity: "error",
  title: "Child open on two rows",
  sheets: ["jointTracker"],
  reads: ["childId", "becameLookedAfter", "permanenceAchieved"],
  check(table) {
    const firstOpen = new Map<string, { row: number; started: number | undefined }>();
    const found: Problem[] = [];
    for (const row of table.rows) {
      const id = row.text("childId");
      // Any exit date, even one typed wrongly, closes the row: that date is reported on its own.
      if (id === undefined || row.date("permanenceAchieved").kind !== "empty") continue;
      const started = row.day("becameLookedAfter");
      const key = id.toUpperCase();
      const first = firstOpen.get(key);
      if (first === undefined) {
        firstOpen.set(key, { row: row.rowNumber, started });
      } else if (first.started !== started || started === undefined) {
        found.push(
          problem(row.rowNumber, "childId", {
            id,
            firstRow: first.row,
            ...(first.started === undefined ? {} : { firstStarted: day(first.started) }),
          }),
        );
      }
    }
    return found;
  },
});
