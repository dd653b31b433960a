import { defineCheck, problem, type Problem } from "./defineCheck";

/** A household is one row on the recruitment and support sheets: a second row double-counts it. */
export const duplicateHousehold = defineCheck({
  code: "HOUSEHOLD-DUPLICATE-ID",
  severity: "error",
  title: "Same household ID on two rows",
  sheets: ["recruitment", "fosteringSupport"],
  reads: ["householdId"],
  check(table) {
    const firstRow = new Map<string, number>();
    const found: Problem[] = [];
    for (const row of table.rows) {
      const id = row.text("householdId");
      if (id === undefined) continue;
      const first = firstRow.get(id.toUpperCase());
      if (first === undefined) firstRow.set(id.toUpperCase(), row.rowNumber);
      else found.push(problem(row.rowNumber, "householdId", { id, firstRow: first }));
    }
    return found;
  },
});
