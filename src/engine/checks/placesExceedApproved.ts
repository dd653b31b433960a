import { defineCheck, problem, type Problem } from "./defineCheck";
import { countOf } from "./integerCells";

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
    const approvedPlaces = table.values("approvedPlaces");
    const childrenPlaced = table.values("childrenPlaced");
    const vacantPlaces = table.values("vacantPlaces");
    const notAvailablePlaces = table.values("notAvailablePlaces");
    const found: Problem[] = [];
    for (let i = 0; i < approvedPlaces.length; i++) {
      const approved = countOf(approvedPlaces[i] ?? null);
      if (approved === undefined) continue;
      // An empty part counts as none; a part that is no number makes the total NaN, so no finding.
      const placed = countOf(childrenPlaced[i] ?? null) ?? 0;
      const vacant = countOf(vacantPlaces[i] ?? null) ?? 0;
      const notAvailable = countOf(notAvailablePlaces[i] ?? null) ?? 0;
      const total = 0 + placed + vacant + notAvailable;
      if (Number.isFinite(total) && total > approved) {
        found.push(
          problem(table.rowNumber(i), "approvedPlaces", {
            approved,
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
