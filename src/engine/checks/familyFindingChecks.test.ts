import type { CellValue } from "../cells/CellValue";
import { findingsOf, serial, tableWith } from "../../../test/support/checkFixtures";
import {
  familyFindingDecisionMadeAgain,
  familyFindingDecisionReversed,
} from "./familyFindingDecisionReversed";
import { familyFindingFosterStartMissing } from "./familyFindingFosterStartMissing";
import { familyFindingOrderBeforeDecision } from "./familyFindingOrderBeforeDecision";
import { familyFindingOrderOnFostering } from "./familyFindingOrderOnFostering";
import { familyFindingPlacedBeforeMatch } from "./familyFindingPlacedBeforeMatch";

/* The Family Finding sheet's bad input (issue 20), each flagged where it is, in plain words. */

const adoption = {
  permanencePlan: "Adoption",
  shouldBePlaced: serial("2025-01-10"),
  placementOrder: serial("2025-02-14"),
};

describe("the family-finding checks", () => {
  it("flag a placement order before the should-be-placed decision, as the DfE rules do", () => {
    const table = tableWith("familyFinding", { ...adoption, shouldBePlaced: serial("2025-03-01") });
    expect(findingsOf(familyFindingOrderBeforeDecision, table)).toEqual([
      [
        "FF-ORDER-BEFORE-DECISION",
        expect.stringMatching(/^[A-Z]+2$/),
        "Placement order 14/02/2025 is before the should-be-placed decision on 01/03/2025: the decision comes first (DfE SSDA903 rules)",
      ],
    ]);
    expect(findingsOf(familyFindingOrderBeforeDecision, tableWith("familyFinding", adoption))).toEqual([]);
  });

  it("flag a child placed before the ADM's match decision", () => {
    const table = tableWith("familyFinding", { adm: serial("2025-07-02") });
    expect(findingsOf(familyFindingPlacedBeforeMatch, table)).toEqual([
      [
        "FF-PLACED-BEFORE-MATCH",
        expect.stringMatching(/^[A-Z]+2$/),
        "Placement date 01/07/2025 is before the ADM's match decision on 02/07/2025: a child is placed after the match (DfE SSDA903 rules)",
      ],
    ]);
    expect(findingsOf(familyFindingPlacedBeforeMatch, tableWith("familyFinding", {}))).toEqual([]);
  });

  it("warn of a placement order on a long-term fostering row", () => {
    const table = tableWith("familyFinding", {
      permanencePlan: "Long-term fostering",
      placementOrder: serial("2025-02-14"),
    });
    expect(
      findingsOf(familyFindingOrderOnFostering, table).map(([code, , message]) => [code, message]),
    ).toEqual([
      [
        "FF-ORDER-ON-FOSTERING",
        "Placement order 14/02/2025 is on a long-term fostering row: a placement order is for adoption; check the plan or the order",
      ],
    ]);
    expect(findingsOf(familyFindingOrderOnFostering, tableWith("familyFinding", adoption))).toEqual([]);
  });

  it("warn of a reversed decision on an open row, and not once the row is closed", () => {
    const reversed = { ...adoption, decisionReversed: serial("2025-04-01") };
    expect(
      findingsOf(familyFindingDecisionReversed, tableWith("familyFinding", reversed)).map(([code, , m]) => [
        code,
        m,
      ]),
    ).toEqual([
      [
        "FF-DECISION-REVERSED",
        "Decision reversed: the should-be-placed decision of 10/01/2025 was reversed on 01/04/2025 and the row is still open: close it or record the new decision",
      ],
    ]);
    expect(
      findingsOf(
        familyFindingDecisionReversed,
        tableWith("familyFinding", { ...reversed, closedDate: serial("2025-04-02") }),
      ),
    ).toEqual([]);
  });

  it("say which decision counts when it was reversed and then made again", () => {
    const again = { ...adoption, decisionReversed: serial("2024-11-01") };
    expect(findingsOf(familyFindingDecisionReversed, tableWith("familyFinding", again))).toEqual([]);
    expect(
      findingsOf(familyFindingDecisionMadeAgain, tableWith("familyFinding", again)).map(([code, , m]) => [
        code,
        m,
      ]),
    ).toEqual([
      [
        "FF-DECISION-MADE-AGAIN",
        "Should be placed decision 10/01/2025 was made again after the decision was reversed on 01/11/2024: the new decision is the one that counts",
      ],
    ]);
  });

  it("warn of a foster-carer adoption with no foster placement start, A10's end", () => {
    const found = (extra: Record<string, CellValue>) =>
      findingsOf(familyFindingFosterStartMissing, tableWith("familyFinding", { ...adoption, ...extra })).map(
        ([code, , message]) => [code, message],
      );
    expect(found({ adoptedByFosterCarers: "1" })).toEqual([
      [
        "FF-FOSTER-START-MISSING",
        "Foster placement start is empty for a child adopted by their foster carers: A1 stops when that foster placement began (A10), so record it",
      ],
    ]);
    expect(found({ placementType: "A5" })).toHaveLength(1);
    expect(found({ placementType: "A4", adoptedByFosterCarers: "No" })).toEqual([]);
    expect(found({ adoptedByFosterCarers: "Yes", fosterPlacementStart: serial("2024-03-01") })).toEqual([]);
  });
});
