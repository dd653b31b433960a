import { NO_DAY } from "../dates/epochDay";
import type { CellDate } from "../cells/coerceCellDate";
import { day, defineCheck, problem, type Problem } from "./defineCheck";
import { repeatedIds } from "./repeatedIds";

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
    const ids = table.texts("childId");
    const exits = table.dates("permanenceAchieved");
    const starts = table.days("becameLookedAfter");
    const found: Problem[] = [];
    for (const rows of repeatedIds(table, "childId")) {
      let first: number | undefined;
      for (const i of rows) {
        // Any exit date, even one typed wrongly, closes the row: that date is reported on its own.
        if ((exits[i] as CellDate).kind !== "empty") continue;
        if (first === undefined) {
          first = i;
          continue;
        }
        const started = starts[i] as number;
        const firstStarted = starts[first] as number;
        if (firstStarted !== started || started === NO_DAY) {
          found.push(
            problem(table.rowNumber(i), "childId", {
              id: ids[i] as string,
              firstRow: table.rowNumber(first),
              ...(firstStarted === NO_DAY ? {} : { firstStarted: day(firstStarted) }),
            }),
          );
        }
      }
    }
    return found;
  },
});
