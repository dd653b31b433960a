import { buildMultiYearExtract } from "../../test/support/multiYearExtract";
import { formatUkDate } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { refreshTracker, type RefreshTrackerResult } from "./refreshTracker";

const built = buildMultiYearExtract();
const files = built.files.map((f) => ({ name: f.name, content: f.text }));
const now = { day: built.asOf, hour: 9, minute: 0 };
const asOf = built.asOf;

const workbook = () => new MemoryWorkbook([{ name: "Joint Tracker", values: built.tracker }]);

function refreshed(result: RefreshTrackerResult): Extract<RefreshTrackerResult, { kind: "refreshed" }> {
  if (result.kind !== "refreshed") throw new Error(`expected a refresh, got ${result.message}`);
  return result;
}

describe("refreshTracker on several years' returns (issue 19)", () => {
  it("appends only the children in care in the latest return and applies endings from later returns", async () => {
    const { report } = refreshed(await refreshTracker(workbook(), { files, asOf, now, dryRun: true }));
    expect(report.newChildren.map((c) => c.childId)).toEqual(built.newChildren);
    expect(report.ceased.map((c) => [c.childId, formatUkDate(c.ceased), c.reason])).toEqual(
      built.ceased.map((c) => [c.childId, c.day, c.reason]),
    );
    expect(report.rowsMatched).toBe(built.tracker.length - 1);
    expect(report.unmatchedRows).toEqual([]);
    // 1002's legal status, from the episode the 2021 and 2022 returns hold.
    expect(report.filled).toContainEqual(
      expect.objectContaining({ childId: "1002", column: "legalStatus", system: "C2" }),
    );
    expect(report.conflicts).toEqual([]);
  });

  it("lists each planted inconsistency once with its file and line, and no repeat or ISO date", async () => {
    const { report } = refreshed(await refreshTracker(workbook(), { files, asOf, now, dryRun: true }));
    const problems = report.extractProblems.filter((p) => p.severity !== "info");
    expect(
      problems.map((p) => ({ code: p.code, file: p.file, line: p.line, childId: childOf(p.message) })),
    ).toEqual(
      expect.arrayContaining(
        built.planted.map((p) => ({ code: p.code, file: p.file, line: p.line, childId: p.childId })),
      ),
    );
    expect(problems).toHaveLength(built.planted.length);
    // The date forms are noted once per file, as information.
    const notes = report.extractProblems.filter((p) => p.severity === "info");
    expect(notes.map((n) => n.message)).toEqual([
      "episodes.csv: dates read as yyyy-mm-dd (“2019-06-10”)",
      "header.csv: dates read as yyyy-mm-dd with a midnight time (“2012-02-02 00:00:00”)",
      "reviews.csv: dates read as yyyy-mm-dd (“2019-11-20”)",
    ]);
  });

  it("asks which authority of a regional file to read, and reads the one chosen", async () => {
    const region = [{ name: built.regionFile.name, content: built.regionFile.text }];
    const asked = await refreshTracker(workbook(), { files: region, asOf, now, dryRun: true });
    expect(asked).toMatchObject({
      kind: "cannot-refresh",
      reason: "choose-authority",
      authorities: built.authorities,
    });
    const chosen = refreshed(
      await refreshTracker(workbook(), { files: region, la: "Westvale", asOf, now, dryRun: true }),
    );
    expect(chosen.report.newChildren.map((c) => [c.childId, formatUkDate(c.becameLookedAfter)])).toEqual([
      ["2001", "01/06/2021"],
    ]);
  });

  it("changes the tracker, and a second run on the result changes nothing", async () => {
    const port = workbook();
    const first = refreshed(await refreshTracker(port, { files, asOf, now }));
    expect(first.applied?.applied.length).toBe(first.changeSet.changes.length);
    const again = refreshed(await refreshTracker(port, { files, asOf, now: { ...now, minute: 1 } }));
    expect(again.changeSet.changes).toEqual([]);
  });
});

/** "episodes.csv line 4: child 1005's episode..." → "1005". */
function childOf(message: string): string | undefined {
  return /child (\w+)/.exec(message)?.[1];
}

describe("refreshTracker and the SocialWorker table", () => {
  const socialWorker = {
    name: "socialworker.csv",
    content: [
      "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON,LA,YEAR",
      "1002,2014-07-19,SW7,2021-04-01,,,Northshire,2022",
      "1006,2011-05-05,sw9,2020-01-12,2021-06-01,LEFTRL,Northshire,2022",
      "1006,2011-05-05,SW8,2021-06-02,,,Northshire,2022",
    ].join("\n"),
  };
  const withWorkers = [...files, socialWorker];
  const workerCell = (port: MemoryWorkbook, childId: string) =>
    port.snapshot()["Joint Tracker"]?.find((row) => String(row[0]) === childId)?.[5];

  it("never guesses a name: lists the IDs in a Worker IDs sheet, and fills the worker once the user names the ID", async () => {
    const port = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: built.tracker.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === 5 ? null : v)))),
      },
    ]);
    const first = refreshed(await refreshTracker(port, { files: withWorkers, asOf, now }));
    expect(first.workerIds).toMatchObject({ named: 0, unnamed: ["SW7", "SW8"] });
    expect(first.workerIds?.sheet?.name).toBe("Worker IDs");
    expect(port.sheetModel("Worker IDs")?.purpose).toBe("workerIds");
    expect(workerCell(port, "1002") ?? null).toBeNull();
    expect(port.snapshot()["Worker IDs"]?.slice(3)).toEqual([["SW7"], ["SW8"]]);

    // The user writes one name beside its ID.
    await port.applyChanges({
      id: "user",
      description: "typed",
      changes: [{ sheet: "Worker IDs", cell: "B4", old: null, new: "Jo Bloggs", rule: "typed" }],
    });
    const second = refreshed(
      await refreshTracker(port, { files: withWorkers, asOf, now: { ...now, minute: 2 } }),
    );
    expect(second.workerIds).toEqual({ named: 1, unnamed: ["SW8"] });
    expect(workerCell(port, "1002")).toBe("Jo Bloggs");
    expect(workerCell(port, "1006") ?? null).toBeNull();
  });

  it("lists a worker the system names differently from the tracker as a conflict, keeping the tracker's", async () => {
    const port = workbook();
    await refreshTracker(port, { files: withWorkers, asOf, now });
    await port.applyChanges({
      id: "user",
      description: "typed",
      changes: [{ sheet: "Worker IDs", cell: "B4", old: null, new: "Jo Bloggs", rule: "typed" }],
    });
    const { report } = refreshed(await refreshTracker(port, { files: withWorkers, asOf, now, dryRun: true }));
    expect(report.conflicts.map((c) => [c.childId, c.header, c.tracker, c.system, c.kept])).toEqual([
      ["1002", "Social worker", "A. Worker", "Jo Bloggs", "tracker"],
    ]);
  });
});

describe("refreshTracker with only the ticked changes", () => {
  it("applies only what is kept, and its log says what was done", async () => {
    // 1002's placement type differs from the system's (U4): a conflict.
    const values = built.tracker.map((row) =>
      row[0] === 1002 ? row.map((v, c) => (c === 4 ? "U6" : v)) : row,
    );
    const port = new MemoryWorkbook([{ name: "Joint Tracker", values }]);
    const dry = refreshed(await refreshTracker(port, { files, asOf, now, acceptSystem: true, dryRun: true }));
    const conflict = dry.report.conflicts[0];
    expect(conflict).toMatchObject({ childId: "1002", column: "placementType", kept: "system" });
    const leftOut = new Set([
      `Joint Tracker!${conflict?.cell}`,
      `Joint Tracker!${dry.report.filled[0]?.cell}`,
    ]);
    const result = refreshed(
      await refreshTracker(port, {
        files,
        asOf,
        now,
        acceptSystem: true,
        only: (c) => !leftOut.has(`${c.sheet}!${c.cell}`),
      }),
    );
    expect(result.applied?.applied).toHaveLength(dry.changeSet.changes.length - 2);
    expect(port.snapshot()["Joint Tracker"]?.find((row) => row[0] === 1002)?.[4]).toBe("U6");
    expect(result.changeSet.description).toBe(
      "Refresh from the case system (SSDA903): 6 row(s) matched, 1 cell(s) filled, 1 conflict(s), 1 new child(ren), 1 ceased",
    );
  });
});
