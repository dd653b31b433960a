import type { CellValue } from "../cells/CellValue";
import { excelSerialFromEpochDay } from "../cells/coerceCellDate";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import { day, table } from "../../../test/support/summaryFixtures";
import type { TrackerTable } from "../tables/TrackerTable";
import { proposeFamilyFindingRefresh, type FamilyFindingSystemChild } from "./proposeFamilyFindingRefresh";

/* The Family Finding sheet refreshed from the case system under the Joint Tracker's change-set rules. */

const spec = profileSheet(DEFAULT_PROFILE, "familyFinding") as SheetSpec;
const serial = (iso: string): number => excelSerialFromEpochDay(day(iso));

const ROWS: Record<string, CellValue>[] = [
  {
    childId: "C1",
    shouldBePlaced: serial("2025-01-10"),
    decisionReversed: null,
    placementOrder: null,
    adm: null,
    adoptedByFosterCarers: null,
    placementDate: null,
    closedDate: null,
  },
  { childId: "c2 ", shouldBePlaced: serial("2025-02-01"), placementOrder: serial("2025-03-01") },
  { childId: "C3", shouldBePlaced: serial("2025-02-01") },
  { childId: "C3", shouldBePlaced: serial("2025-02-01") },
  { childId: "C4", shouldBePlaced: null },
];
const SYSTEM: FamilyFindingSystemChild[] = [
  {
    childId: "C1",
    shouldBePlaced: day("2025-01-10"),
    placementOrder: day("2025-02-20"),
    match: day("2025-05-01"),
    adoptedByFosterCarers: true,
    placedForAdoption: day("2025-05-20"),
    adopted: day("2025-11-03"),
  },
  // The system's order is a week later than the tracker's.
  { childId: "C2", shouldBePlaced: day("2025-02-01"), placementOrder: day("2025-03-08") },
  { childId: "C3", placementOrder: day("2025-04-01") },
  { childId: "C9", shouldBePlaced: day("2025-06-01") },
];

const ff = (rows = ROWS): TrackerTable => table("familyFinding", rows);

describe("refreshing the Family Finding sheet from the case system", () => {
  const { changes, report } = proposeFamilyFindingRefresh(ff(), spec, SYSTEM, {});

  it("fills the empty cells the system knows: order, match, foster carers, placement and adoption", () => {
    expect(report.filled.map((f) => [f.childId, f.column, f.tracker, f.system])).toEqual([
      ["C1", "placementOrder", "(empty)", "20/02/2025"],
      ["C1", "adm", "(empty)", "01/05/2025"],
      ["C1", "adoptedByFosterCarers", "(empty)", "Yes"],
      ["C1", "placementDate", "(empty)", "20/05/2025"],
      ["C1", "closedDate", "(empty)", "03/11/2025"],
    ]);
    expect(changes.find((c) => c.new === "Yes")).toMatchObject({ rule: "REFRESH-FILL", old: null });
    expect(changes.find((c) => c.new === serial("2025-02-20"))).toMatchObject({ numberFormat: "dd/mm/yyyy" });
  });

  it("lists a disagreement with both values and keeps the tracker's, unless the system's is accepted", () => {
    expect(report.conflicts.map((c) => [c.childId, c.column, c.tracker, c.system, c.kept])).toEqual([
      ["C2", "placementOrder", "01/03/2025", "08/03/2025", "tracker"],
    ]);
    expect(changes.some((c) => c.rule === "REFRESH-SYSTEM-VALUE")).toBe(false);
    const accepted = proposeFamilyFindingRefresh(ff(), spec, SYSTEM, { acceptSystem: true });
    expect(accepted.changes.filter((c) => c.rule === "REFRESH-SYSTEM-VALUE")).toEqual([
      expect.objectContaining({ old: serial("2025-03-01"), new: serial("2025-03-08") }),
    ]);
  });

  it("changes neither row of a child entered twice, and adds no row for a child it lacks", () => {
    expect(report.duplicateRows).toEqual([{ childId: "C3", rows: [4, 5] }]);
    expect(changes.some((c) => /[A-Z]+[45]$/.test(c.cell))).toBe(false);
    expect(report.missingChildren).toEqual([{ childId: "C9", shouldBePlaced: day("2025-06-01") }]);
    expect(report.rowsNotInExtract).toBe(1);
  });

  it("reports a reversed decision, and a decision made again later as a disagreement", () => {
    const again = proposeFamilyFindingRefresh(
      ff(),
      spec,
      [
        {
          childId: "C1",
          shouldBePlaced: day("2025-09-01"),
          decisionReversed: day("2025-04-01"),
          reasonReversed: "RD1",
        },
      ],
      {},
    );
    expect(again.report.reversed).toEqual([
      { childId: "C1", row: 2, reversed: day("2025-04-01"), reason: "RD1" },
    ]);
    expect(again.report.conflicts.map((c) => [c.column, c.tracker, c.system])).toEqual([
      ["shouldBePlaced", "10/01/2025", "01/09/2025"],
    ]);
    expect(again.report.filled.map((f) => f.column)).toEqual(["decisionReversed"]);
  });

  it("proposes nothing when run again on the refreshed sheet", () => {
    const columnKey = new Map(ff().columns.map((c) => [c.column, c.key] as const));
    const rows = ROWS.map((r) => ({ ...r }));
    for (const change of changes) {
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(change.cell) as RegExpExecArray;
      const column = [...(letters as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      (rows[Number(digits) - 2] as Record<string, CellValue>)[columnKey.get(column) as string] = change.new;
    }
    const second = proposeFamilyFindingRefresh(ff(rows), spec, SYSTEM, {});
    expect(second.changes).toEqual([]);
    expect(second.report.filled).toEqual([]);
  });

  it("writes text dates into a sheet that keeps its dates as text", () => {
    const texts = ROWS.map((r) => ({
      ...r,
      shouldBePlaced: "10/01/2025",
      placementOrder: r.placementOrder === null ? null : "01/03/2025",
    }));
    const { changes: textChanges } = proposeFamilyFindingRefresh(ff(texts), spec, SYSTEM.slice(0, 1), {});
    expect(textChanges.find((c) => c.new === "20/02/2025")).toBeDefined();
  });
});
