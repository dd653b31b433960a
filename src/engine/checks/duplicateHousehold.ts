import { defineCheck, problem, type Problem } from "./defineCheck";
import { repeatedIds } from "./repeatedIds";

/** A household is one row on the recruitment and support sheets: a second row double-counts it. */
export const duplicateHousehold = defineCheck({
  code: "HOUSEHOLD-DUPLICATE-ID",
  severity: "error",
  title: "Same household ID on two rows",
  sheets: ["recruitment", "fosteringSupport"],
  reads: ["householdId"],
  check(table) {
    const ids = table.texts("householdId");
    const found: Problem[] = [];
    for (const [first, ...later] of repeatedIds(table, "householdId")) {
      const firstRow = table.rowNumber(first as number);
      for (const i of later) {
        found.push(problem(table.rowNumber(i), "householdId", { id: ids[i] as string, firstRow }));
      }
    }
    return found;
  },
});
