import { isoDay, serial } from "../../test/support/checkFixtures";
import { readChangeLog } from "../engine/fixes/changeLog";
import { smallTracker } from "../../test/support/checkTrackerFixtures";
import { fixTracker } from "./fixTracker";

const now = { day: isoDay("2026-11-24"), hour: 14, minute: 30 };
const asOf = isoDay("2026-11-24");

describe("fixTracker", () => {
  it("applies the safe fixes, logs each one, and leaves the rest for the user", async () => {
    const workbook = smallTracker();
    const result = await fixTracker(workbook, { asOf, now });
    expect(result.changeSet.id).toBe("CS-20261124-1430");
    expect(result.report?.applied.map((c) => `${c.sheet}!${c.cell} ${c.rule}`)).toEqual([
      "Joint Tracker!C2 DATE-AS-TEXT",
      "Joint Tracker!D4 WORKER-NAME-VARIANTS",
      "Fostering Support!B2 TEXT-UNTRIMMED",
    ]);
    const tracker = workbook.snapshot()["Joint Tracker"];
    expect(tracker?.[1]?.[2]).toBe(serial("2024-04-03"));
    expect(workbook.numberFormat("Joint Tracker", "C2")).toBe("dd/mm/yyyy");
    expect(tracker?.[3]?.[3]).toBe("Jane Smith");
    expect(tracker?.[1]?.[5]).toBe("TBC");
    expect(tracker?.[2]?.[4]).toBe("31/02/2024");
    const log = readChangeLog(await workbook.readSheet("Change log"));
    expect(log.map((r) => [r.changeSet, r.cell])).toEqual([
      ["CS-20261124-1430", "C2"],
      ["CS-20261124-1430", "D4"],
      ["CS-20261124-1430", "B2"],
    ]);
  });

  it("clears placeholders only when asked, and gives a second change set of the same minute its own id", async () => {
    const workbook = smallTracker();
    await fixTracker(workbook, { asOf, now });
    const second = await fixTracker(workbook, { asOf, now, placeholders: true });
    expect(second.changeSet.id).toBe("CS-20261124-1430-2");
    expect(second.report?.applied.map((c) => [c.cell, c.new])).toEqual([["F2", null]]);
  });

  it("changes nothing on a dry run", async () => {
    const workbook = smallTracker();
    const before = workbook.snapshot();
    const result = await fixTracker(workbook, { asOf, now, dryRun: true });
    expect(result.changeSet.changes).toHaveLength(3);
    expect(result.report).toBeUndefined();
    expect(workbook.snapshot()).toEqual(before);
  });

  it("makes and logs only the changes the user kept ticked", async () => {
    const workbook = smallTracker();
    const kept = new Set(["Joint Tracker!C2", "Fostering Support!B2"]);
    const result = await fixTracker(workbook, { asOf, now, only: (c) => kept.has(`${c.sheet}!${c.cell}`) });
    expect(result.changeSet.changes.map((c) => c.cell)).toEqual(["C2", "B2"]);
    expect(result.report?.applied.map((c) => c.cell)).toEqual(["C2", "B2"]);
    expect(workbook.snapshot()["Joint Tracker"]?.[3]?.[3]).not.toBe("Jane Smith");
    const log = readChangeLog(await workbook.readSheet("Change log"));
    expect(log.map((r) => r.cell)).toEqual(["C2", "B2"]);
  });

  it("skips and reports the fixes to a protected sheet", async () => {
    const workbook = smallTracker({ protectedTracker: true });
    const result = await fixTracker(workbook, { asOf, now });
    expect(result.report?.skipped.map((s) => [s.change.cell, s.reason])).toEqual([
      ["C2", "sheet-protected"],
      ["D4", "sheet-protected"],
    ]);
    expect(result.report?.applied.map((c) => c.cell)).toEqual(["B2"]);
  });
});
