import { defineCheck, problem, type Problem } from "./defineCheck";
import { countOf } from "./integerCells";

/** A household may not care for more children than it is approved for (Fostering Services Regs 2011). */
export const placedAboveApproved = defineCheck({
  code: "FS-PLACED-ABOVE-APPROVED",
  severity: "error",
  title: "More children placed than approved places",
  sheets: ["fosteringSupport"],
  reads: ["approvedPlaces", "childrenPlaced"],
  check(table) {
    const approvedPlaces = table.values("approvedPlaces");
    const childrenPlaced = table.values("childrenPlaced");
    const found: Problem[] = [];
    for (let i = 0; i < approvedPlaces.length; i++) {
      const approved = countOf(approvedPlaces[i] ?? null);
      const placed = countOf(childrenPlaced[i] ?? null);
      if (approved !== undefined && placed !== undefined && placed > approved) {
        found.push(problem(table.rowNumber(i), "childrenPlaced", { placed, approved }));
      }
    }
    return found;
  },
});
