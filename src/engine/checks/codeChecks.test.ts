import { findingsOf, tableWith, testContext } from "../../../test/support/checkFixtures";
import { codeAsWords } from "./codeAsWords";
import { codeLegacy } from "./codeLegacy";
import { codeUnknown } from "./codeUnknown";
import { runChecks } from "./runChecks";

describe("the code checks", () => {
  it("report codes in no list, and accept codes in any case with spaces", () => {
    const table = tableWith("jointTracker", {
      legalStatus: "C9",
      placementType: " u4",
      placementProvider: "Council",
    });
    expect(findingsOf(codeUnknown, table)).toEqual([
      ["CODE-UNKNOWN", "E2", "Legal status: “C9” is not in the Legal status (SSDA903 LS) list"],
      [
        "CODE-UNKNOWN",
        "W2",
        "Placement provider: “Council” is not in the Placement provider (SSDA903 PLACE_PROVIDER) list",
      ],
    ]);
    expect(findingsOf(codeUnknown, tableWith("jointTracker", {}))).toEqual([]);
  });

  it("warn of placement codes from before 2025/26", () => {
    const issues = runChecks([tableWith("jointTracker", { placementType: "H5" })], testContext(), [
      codeLegacy,
    ]);
    expect(issues.map((i) => [i.severity, i.cell, i.message])).toEqual([
      [
        "warning",
        "V2",
        "Placement type: H5 (Semi-independent living (before 2025/26)) is from an earlier year's list; use a current code for new episodes",
      ],
    ]);
    expect(findingsOf(codeLegacy, tableWith("jointTracker", { placementType: "K2" }))).toEqual([]);
  });

  it("suggest the code for a code written as words", () => {
    const issues = runChecks([tableWith("jointTracker", { legalStatus: "Full care order" })], testContext(), [
      codeAsWords,
    ]);
    expect(issues.map((i) => [i.severity, i.message, i.suggestedFix])).toEqual([
      [
        "info",
        "Legal status: “Full care order” is written as words; the code is C2 (Full care order)",
        { value: "C2", text: "C2" },
      ],
    ]);
    expect(findingsOf(codeAsWords, tableWith("jointTracker", { legalStatus: "c2" }))).toEqual([]);
  });

  it("accept words in the tracker's own lists, such as the permanence plan", () => {
    expect(findingsOf(codeAsWords, tableWith("jointTracker", { permanencePlan: "Return home" }))).toEqual([]);
  });
});
