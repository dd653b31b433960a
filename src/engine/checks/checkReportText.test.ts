import { checkReportLine, failedText, skippedText } from "./checkReportText";

describe("the check report in words", () => {
  it("says how many checks ran on how many sheets, and how many were skipped or failed", () => {
    const ran = (sheet: string) => ({ code: "DATE-INVALID", title: "Not a date", sheet, problems: 1 });
    const skip = { code: "X", title: "X", sheet: "Joint Tracker", missingColumns: ["Child ID", "Name"] };
    expect(
      checkReportLine({
        ran: [ran("Joint Tracker"), ran("PLO Tracker"), ran("PLO Tracker")],
        skipped: [skip, skip],
        failed: [],
      }),
    ).toBe("3 checks ran on 2 sheets, 2 skipped (columns are missing), none failed");
  });

  it("names every column a skipped check lacks, and words a failed check as its CHECK-FAILED issue", () => {
    expect(
      skippedText({
        code: "FS-PLACES-EXCEED-APPROVED",
        title: "Places exceed approved places",
        sheet: "Fostering Support",
        missingColumns: ["Vacant places", "Places not available"],
      }),
    ).toBe(
      "Fostering Support: Places exceed approved places (FS-PLACES-EXCEED-APPROVED) was skipped: the sheet has no columns “Vacant places”, “Places not available”",
    );
    expect(failedText({ code: "TEST-BROKEN", title: "Broken", sheet: "PLO Tracker" })).toBe(
      "PLO Tracker: Broken (TEST-BROKEN) could not run (an internal error); its problems are not listed",
    );
  });
});
