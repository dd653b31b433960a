import { isoDay, serial } from "../../../test/support/checkFixtures";
import { cellsOf } from "../../../test/support/modelRuns";
import type { ChangeSet } from "../port/ChangeSet";
import { MemoryWorkbook } from "../port/MemoryWorkbook";
import { buildChangeLogSheet, CHANGE_LOG_SHEET, readChangeLog } from "./changeLog";
import { alignWithCurrentValues, revertChangeSet } from "./revertChangeSet";

const when = { day: isoDay("2026-11-24"), hour: 9, minute: 5 };

const fixes: ChangeSet = {
  id: "CS-20261124-0905",
  description: "Safe fixes",
  changes: [
    {
      sheet: "Joint Tracker",
      cell: "B2",
      old: "3rd April 2019",
      new: serial("2019-04-03"),
      numberFormat: "dd/mm/yyyy",
      rule: "DATE-AS-TEXT",
    },
    {
      sheet: "Joint Tracker",
      cell: "C2",
      old: "jane smith",
      new: "Jane Smith",
      rule: "WORKER-NAME-VARIANTS",
    },
  ],
};

function trackerWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook([
    {
      name: "Joint Tracker",
      values: [
        ["ID", "BLA", "SW"],
        ["C1", "3rd April 2019", "jane smith"],
      ],
    },
  ]);
}

describe("the change log", () => {
  it("logs each applied change with the time, a link to its cell and a date shown as a date", async () => {
    const workbook = trackerWorkbook();
    const report = await workbook.applyChanges(fixes);
    const model = buildChangeLogSheet([], fixes, report, when);
    expect(model.name).toBe(CHANGE_LOG_SHEET);
    expect(model.purpose).toBe("changeLog");
    const row2 = cellsOf(model)
      .filter((c) => c.row === 2)
      .map((c) => c.value);
    expect(row2).toEqual([
      "CS-20261124-0905",
      "24/11/2026 09:05",
      "Joint Tracker",
      "B2",
      "3rd April 2019",
      { date: isoDay("2019-04-03") },
      "DATE-AS-TEXT",
      "Text date made a real date",
    ]);
    expect(cellsOf(model).find((c) => c.row === 3 && c.column === 4)?.link).toEqual({
      sheet: "Joint Tracker",
      cell: "C2",
    });
  });

  it("does not log a change the port skipped", async () => {
    const report = {
      applied: [],
      skipped: [{ change: fixes.changes[0]!, reason: "sheet-protected" as const }],
    };
    expect(cellsOf(buildChangeLogSheet([], fixes, report, when)).filter((c) => c.row > 1)).toEqual([]);
  });

  it("appends a new change set to the rows read back from the sheet", async () => {
    const workbook = trackerWorkbook();
    await workbook.writeSheet(buildChangeLogSheet([], fixes, await workbook.applyChanges(fixes), when));
    const logged = readChangeLog(await workbook.readSheet(CHANGE_LOG_SHEET));
    expect(logged.map((r) => [r.changeSet, r.cell, r.old])).toEqual([
      ["CS-20261124-0905", "B2", "3rd April 2019"],
      ["CS-20261124-0905", "C2", "jane smith"],
    ]);
    const next: ChangeSet = {
      id: "CS-2",
      description: "Safe fixes",
      changes: [{ sheet: "Joint Tracker", cell: "A2", old: "C1", new: "C1X", rule: "TEXT-UNTRIMMED" }],
    };
    const model = buildChangeLogSheet(logged, next, { applied: next.changes, skipped: [] }, when);
    expect(
      cellsOf(model)
        .filter((c) => c.column === 1 && c.row > 1)
        .map((c) => c.value),
    ).toEqual(["CS-20261124-0905", "CS-20261124-0905", "CS-2"]);
  });
});

describe("revertChangeSet", () => {
  it("restores every cell of a logged change set, last change first", async () => {
    const workbook = trackerWorkbook();
    await workbook.writeSheet(buildChangeLogSheet([], fixes, await workbook.applyChanges(fixes), when));
    const logged = readChangeLog(await workbook.readSheet(CHANGE_LOG_SHEET));
    const result = revertChangeSet(logged, "CS-20261124-0905", "CS-R");
    if (result.kind !== "changeSet") throw new Error("expected a change set");
    expect(result.changeSet.changes.map((c) => [c.cell, c.new, c.rule])).toEqual([
      ["C2", "jane smith", "REVERT"],
      ["B2", "3rd April 2019", "REVERT"],
    ]);
    const sheet = await workbook.readSheet("Joint Tracker");
    const aligned = alignWithCurrentValues(
      result.changeSet,
      (_, cell) => (cell === "B2" ? sheet.values[1]?.[1] : sheet.values[1]?.[2]) ?? null,
    );
    const report = await workbook.applyChanges(aligned);
    expect(report.skipped).toEqual([]);
    expect(workbook.snapshot()["Joint Tracker"]).toEqual([
      ["ID", "BLA", "SW"],
      ["C1", "3rd April 2019", "jane smith"],
    ]);
  });

  it("skips a cell edited since the fix", async () => {
    const workbook = trackerWorkbook();
    const report = await workbook.applyChanges(fixes);
    const logged = readChangeLog({ name: CHANGE_LOG_SHEET, merges: [], protected: false, values: [] });
    expect(logged).toEqual([]);
    await workbook.applyChanges({
      id: "edit",
      description: "",
      changes: [{ sheet: "Joint Tracker", cell: "C2", old: "Jane Smith", new: "Jane Smyth", rule: "user" }],
    });
    const log = buildChangeLogSheet([], fixes, report, when);
    await workbook.writeSheet(log);
    const result = revertChangeSet(
      readChangeLog(await workbook.readSheet(CHANGE_LOG_SHEET)),
      fixes.id,
      "CS-R",
    );
    if (result.kind !== "changeSet") throw new Error("expected a change set");
    const undo = await workbook.applyChanges(result.changeSet);
    expect(undo.skipped.map((s) => [s.change.cell, s.reason, s.current])).toContainEqual([
      "C2",
      "edited-since",
      "Jane Smyth",
    ]);
  });

  it("says which change sets the log holds when the id is not one of them", () => {
    expect(revertChangeSet([], "CS-9", "CS-R")).toEqual({ kind: "notFound", id: "CS-9", knownIds: [] });
  });
});
