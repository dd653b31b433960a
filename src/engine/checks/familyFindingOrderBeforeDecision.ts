import { sequenceCheck } from "./sequenceCheck";

/**
 * The agency decision maker decides a child should be placed for adoption before the court is asked
 * for a placement order: the DfE's SSDA903 rules flag a should-be-placed decision (AD1 DATE_INT,
 * PlacedAdoption DATE_PLACED) after the order (legal status E1).
 */
export const familyFindingOrderBeforeDecision = sequenceCheck({
  code: "FF-ORDER-BEFORE-DECISION",
  severity: "error",
  title: "Placement order before the should-be-placed decision",
  sheets: ["familyFinding"],
  earlier: "shouldBePlaced",
  later: ["placementOrder"],
});
