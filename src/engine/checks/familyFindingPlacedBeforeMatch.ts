import { sequenceCheck } from "./sequenceCheck";

/**
 * A child moves in with the family they were matched with: the DfE's SSDA903 rules require the match
 * (AD1 DATE_MATCH) on or before the adoption placement's start.
 */
export const familyFindingPlacedBeforeMatch = sequenceCheck({
  code: "FF-PLACED-BEFORE-MATCH",
  severity: "error",
  title: "Placement date before the ADM's match decision",
  sheets: ["familyFinding"],
  earlier: "adm",
  later: ["placementDate"],
});
