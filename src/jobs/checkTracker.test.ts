import { isoDay } from "../../test/support/checkFixtures";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { checkTracker, hasErrors, writeDataQualitySheet } from "./checkTracker";
import { smallTracker } from "../../test/support/checkTrackerFixtures";

describe("checkTracker", () => {
  it("reads the profile and tracker through the port and lists every problem located on its sheet", async () => {
    const result = await checkTracker(smallTracker(), { asOf: isoDay("2026-11-24") });
    expect(result.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual([
      "Joint Tracker!C2 DATE-AS-TEXT",
      "Joint Tracker!F2 DATE-PLACEHOLDER",
      "Joint Tracker!E3 DATE-INVALID",
      "Joint Tracker!F3 JT-PPM-BEFORE-BLA",
      "Joint Tracker!D4 WORKER-NAME-VARIANTS",
      "Joint Tracker!D4 TEXT-UNTRIMMED",
      "Fostering Support!B2 TEXT-UNTRIMMED",
      "Fostering Support!E2 FS-PLACED-ABOVE-APPROVED",
    ]);
    expect(hasErrors(result)).toBe(true);
    expect(result.findings.map((f) => f.code)).toContain("SHEET-MISSING");
  });

  it("writes a Data quality sheet and leaves the tracker's cells alone", async () => {
    const workbook = smallTracker();
    const before = workbook.snapshot()["Joint Tracker"];
    const result = await checkTracker(workbook, { asOf: isoDay("2026-11-24") });
    await writeDataQualitySheet(workbook, result);
    expect(workbook.sheetModel("Data quality")?.purpose).toBe("dataQuality");
    expect(workbook.snapshot()["Joint Tracker"]).toEqual(before);
  });

  it("lists a Family Finding row whose date became looked after is neither on its sheet nor on a Joint Tracker row", async () => {
    const workbook = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: [
          ["Child ID", "Date became looked after"],
          ["C001", "18/01/2023"],
        ],
      },
      {
        name: "Family Finding",
        values: [
          ["Referral", "Child ID", "SHOBPA"],
          ["01/06/2023", "C001", "01/06/2023"],
          ["01/06/2023", "C404", "01/06/2023"],
        ],
      },
    ]);
    const result = await checkTracker(workbook, { asOf: isoDay("2024-06-01") });
    expect(result.issues.filter((i) => i.code === "FF-NO-BLA")).toEqual([
      {
        sheet: "Family Finding",
        cell: "B3",
        row: 3,
        column: "childId",
        severity: "warning",
        code: "FF-NO-BLA",
        message:
          "Child ID “C404” has no Joint Tracker row, and the Family Finding sheet has no Date became looked after column: the time to moving in (A1) cannot be assessed",
      },
    ]);
  });
});
