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
