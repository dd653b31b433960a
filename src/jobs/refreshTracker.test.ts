import type { CellValue } from "../engine/cells/CellValue";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { readChangeLog } from "../engine/fixes/changeLog";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { generateSsda903Extract } from "../engine/ssda903/generateSsda903Extract";
import { REFRESHED_COLUMNS, REFRESH_RULES } from "../engine/ssda903/proposeRefresh";
import { refreshTracker, type RefreshTrackerResult } from "./refreshTracker";
import { revertChanges } from "./revertChanges";
import { readCsv, type CsvFile } from "../engine/ssda903/readCsv";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { profileSheet, type SheetSpec } from "../engine/profile/TrackerProfile";
import { mapTrackerTable } from "../engine/tables/mapTrackerTable";

const jointSpec = profileSheet(DEFAULT_PROFILE, "jointTracker") as SheetSpec;

const asOf = parseIsoDate("2026-11-24") as EpochDay;
const now = { day: asOf, hour: 9, minute: 5 };
const sample = generateSampleTracker({ children: 400, seed: 11, asOf, messy: true });
const extract = generateSsda903Extract(sample, { asOf, seed: 11 });
const files = extract.files.map((f) => ({ name: f.name, content: f.text }));

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook(
    sample.sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges ?? [] })),
  );
}

function refreshed(result: RefreshTrackerResult): Extract<RefreshTrackerResult, { kind: "refreshed" }> {
  if (result.kind !== "refreshed") throw new Error(`expected a refresh, got ${result.message}`);
  return result;
}

const planted = (kind: string) => extract.planted.filter((p) => p.kind === kind);

describe("refreshTracker", () => {
  it("finds every planted difference and classifies each exactly, and nothing else", async () => {
    const { report } = refreshed(await refreshTracker(workbook(), { files, asOf, now, dryRun: true }));
    for (const kind of ["conflict", "fill", "ceased", "new-child"]) expect(planted(kind)).toHaveLength(3);
    expect(report.conflicts.map((c) => [c.childId, c.row, c.column, c.tracker, c.system, c.kept])).toEqual(
      expect.arrayContaining(
        planted("conflict").map((p) => [p.childId, p.row, p.column, p.tracker, p.system, "tracker"]),
      ),
    );
    expect(report.conflicts).toHaveLength(3);
    expect(report.filled.map((f) => [f.childId, f.row, f.column, f.system]).sort()).toEqual(
      planted("fill")
        .map((p) => [p.childId, p.row, p.column, p.system])
        .sort(),
    );
    expect(report.ceased.map((c) => [c.childId, c.row, c.reason]).sort()).toEqual(
      planted("ceased")
        .map((p) => [p.childId, p.row, p.reason])
        .sort(),
    );
    expect(report.newChildren.map((c) => c.childId).sort()).toEqual(
      planted("new-child").map((p) => p.childId),
    );
    expect(report.duplicateMatches).toEqual([]);
    expect(report.unmatchedRows).toEqual([]);
    expect(report.extractProblems).toEqual([]);
    expect(report.rowsNotInExtract).toBe(extract.rowsLeftOut.length);
    expect(report.rowsMatched).toBe(400 - extract.rowsLeftOut.length);
  });

  it("changes only refreshed columns and appended rows, logs the change set, and a re-run changes nothing", async () => {
    const port = workbook();
    const before = port.snapshot()["Joint Tracker"] as CellValue[][];
    const first = refreshed(await refreshTracker(port, { files, asOf, now }));
    expect(first.applied?.skipped).toEqual([]);
    expect(first.applied?.applied).toHaveLength(first.changeSet.changes.length);
    const rules = new Set(first.changeSet.changes.map((c) => c.rule));
    expect(rules).toEqual(new Set([REFRESH_RULES.fill, REFRESH_RULES.ceased, REFRESH_RULES.newChild]));

    const after = port.snapshot()["Joint Tracker"] as CellValue[][];
    const table = mapTrackerTable(await workbook().readSheet("Joint Tracker"), jointSpec).table;
    const refreshedColumns = new Set(
      (table?.columns ?? [])
        .filter((c) => (REFRESHED_COLUMNS as readonly string[]).includes(c.key))
        .map((c) => c.column - 1),
    );
    expect(refreshedColumns.size).toBe(REFRESHED_COLUMNS.length);
    const width = Math.max(...before.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      if (refreshedColumns.has(c)) continue;
      expect(after.slice(0, before.length).map((r) => r[c] ?? null)).toEqual(before.map((r) => r[c] ?? null));
    }
    expect(after).toHaveLength(before.length + 3);

    const log = readChangeLog(await port.readSheet("Change log"));
    expect(log).toHaveLength(first.changeSet.changes.length);
    expect(new Set(log.map((r) => r.changeSet))).toEqual(new Set(["RF-20261124-0905"]));

    const again = refreshed(await refreshTracker(port, { files, asOf, now }));
    expect(again.changeSet.changes).toEqual([]);
    expect(again.report.conflicts).toHaveLength(3);
    expect(again.report.newChildren).toEqual([]);
    expect(again.report.rowsMatched).toBe(first.report.rowsMatched + 3);
  });

  it("writes the system's values over conflicts only when asked", async () => {
    const port = workbook();
    const result = refreshed(await refreshTracker(port, { files, asOf, now, acceptSystem: true }));
    // The Joint Tracker's; the Family Finding sheet's conflicts are its own report's.
    const accepted = result.changeSet.changes.filter(
      (c) => c.rule === REFRESH_RULES.system && c.sheet === "Joint Tracker",
    );
    expect(accepted.map((c) => c.cell).sort()).toEqual(result.report.conflicts.map((c) => c.cell).sort());
    expect(result.report.conflicts.every((c) => c.kept === "system")).toBe(true);
    const again = refreshed(await refreshTracker(port, { files, asOf, now }));
    expect(again.report.conflicts).toEqual([]);
  });

  it("is undone by reverting its change set from the Change log", async () => {
    const port = workbook();
    const before = port.snapshot()["Joint Tracker"];
    const result = refreshed(await refreshTracker(port, { files, asOf, now }));
    const reverted = await revertChanges(port, {
      changeSetId: result.changeSet.id,
      now: { ...now, minute: 6 },
    });
    expect(reverted.kind).toBe("reverted");
    expect(port.snapshot()["Joint Tracker"]).toEqual(before);
  });

  it("reads the same extract exported with semicolons, a byte-order mark, blank lines and Windows-1252", async () => {
    const plain = refreshed(await refreshTracker(workbook(), { files, asOf, now, dryRun: true }));
    const exported = extract.files.map((f, i) => {
      const text = f.text.replace(/,/g, ";").replace(/\r\n/g, "\r\n\r\n");
      // Windows-1252 needs bytes that are not UTF-8: text in “curly quotes” (0x93, 0x94) in the UPN column.
      const bytes =
        i === 0
          ? Uint8Array.from(Buffer.from(text.replace(";;;\r\n", ";\u0093M1\u0094;;\r\n"), "latin1"))
          : Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")]);
      return { name: f.name, content: bytes };
    });
    const header = readCsv(exported[0] as CsvFile);
    expect(header.kind === "table" && [header.table.encoding, header.table.separator]).toEqual([
      "windows-1252",
      ";",
    ]);
    expect(header.kind === "table" && header.table.rows[0]?.fields[4]).toBe("\u201cM1\u201d");
    const other = refreshed(await refreshTracker(workbook(), { files: exported, asOf, now, dryRun: true }));
    expect(other.report).toEqual(plain.report);
    expect(other.changeSet.changes).toEqual(plain.changeSet.changes);
  });

  it("refuses a workbook without a Joint Tracker and files without episodes, saying why", async () => {
    const empty = new MemoryWorkbook([{ name: "Notes", values: [["hello"]] }]);
    const noTracker = await refreshTracker(empty, { files, asOf, now });
    expect(noTracker).toMatchObject({ kind: "cannot-refresh", reason: "no-tracker" });
    const headerOnly = files.filter((f) => f.name === "header.csv");
    const noEpisodes = await refreshTracker(workbook(), { files: headerOnly, asOf, now });
    expect(noEpisodes).toMatchObject({ kind: "cannot-refresh", reason: "no-episodes" });
  });
});
