import { defineCheck, problem, type Problem } from "./defineCheck";
import { readCount } from "./integerCells";

/**
 * Every approved place is either filled, vacant or not available, so the three cannot add up to more
 * than the approved places; if they do, the fill and vacancy rates of the summary are wrong.
 */
export const placesExceedApproved = defineCheck({
  code: "FS-PLACES-EXCEED-APPROVED",
  severity: "error",
  title: "Placed, vacant and unavailable places exceed approved places",
  sheets: ["fosteringSupport"],
  reads: ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"],
  check(table) {
    const found: Problem[] = [];
    for (const row of table.rows) {
      const approved = readCount(row.value("approvedPlaces"));
      if (approved.kind !== "number") continue;
      const parts = (["childrenPlaced", "vacantPlaces", "notAvailablePlaces"] as const).map((k) =>
        readCount(row.value(k)),
      );
      const values = parts.map((p) => (p.kind === "number" ? p.value : p.kind === "empty" ? 0 : Number.NaN));
      const total = values.reduce((a, b) => a + b, 0);
      if (Number.isFinite(total) && total > approved.value) {
        const [placed = 0, vacant = 0, notAvailable = 0] = values;
        found.push(
          problem(row.rowNumber, "approvedPlaces", {
            approved: approved.value,
            placed,
            vacant,
            notAvailable,
            total,
          }),
        );
      }
    }
    return found;
  },
});
