import { defineCheck, problem, type Problem } from "./defineCheck";
import { readCount } from "./integerCells";

/** A household may not care for more children than it is approved for (Fostering Services Regs 2011). */
export const placedAboveApproved = defineCheck({
  code: "FS-PLACED-ABOVE-APPROVED",
  severity: "error",
  title: "More children placed than approved places",
  sheets: ["fosteringSupport"],
  reads: ["approvedPlaces", "childrenPlaced"],
  check(table) {
    const found: Problem[] = [];
    for (const row of table.rows) {
      const approved = readCount(row.value("approvedPlaces"));
      const placed = readCount(row.value("childrenPlaced"));
      if (approved.kind === "number" && placed.kind === "number" && placed.value > approved.value) {
        found.push(
          problem(row.rowNumber, "childrenPlaced", { placed: placed.value, approved: approved.value }),
        );
      }
    }
    return found;
  },
});
