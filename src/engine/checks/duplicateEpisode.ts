import { NO_DAY, type EpochDay } from "../dates/epochDay";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { repeatedIds } from "./repeatedIds";

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
    const ids = table.texts("childId");
    const starts = table.days("becameLookedAfter");
    const found: Problem[] = [];
    for (const rows of repeatedIds(table, "childId")) {
      const firstOfEpisode = new Map<EpochDay, number>();
      for (const i of rows) {
        const started = starts[i] as number;
        if (started === NO_DAY) continue;
        const first = firstOfEpisode.get(started);
        if (first === undefined) firstOfEpisode.set(started, i);
        else {
          found.push(
            problem(table.rowNumber(i), "childId", {
              id: ids[i] as string,
              started: day(started),
              firstRow: table.rowNumber(first),
            }),
          );
        }
      }
    }
    return found;
  },
});
