import type { CellValue } from "../cells/CellValue";
import { excelSerialFromEpochDay } from "../cells/coerceCellDate";
import { parseIsoDate, utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import type { SystemRow } from "./buildSystemRows";
import { proposeRefresh, REFRESH_RULES } from "./proposeRefresh";

const day = (iso: string) => parseIsoDate(iso) as EpochDay;
const spec = profileSheet(DEFAULT_PROFILE, "jointTracker") as SheetSpec;
const real = (iso: string): Date => utcDateFromEpochDay(day(iso));

function tableOf(values: CellValue[][]) {
  const table = mapTrackerTable({ name: "Tracker", values, merges: [], protected: false }, spec).table;
  if (!table) throw new Error("no table");
  return table;
}

function system(childId: string, bla: string, extra: Partial<SystemRow> = {}): SystemRow {
  return {
    childKey: childId.toUpperCase(),
    childId,
    becameLookedAfter: day(bla),
    placementsLast12Months: 1,
    source: { file: "episodes.csv", line: 2 },
    ...extra,
  };
}

// Columns in the tracker's own order, with its own words: notes and PPMs are the tracker's only.
const HEADER = [
  "Notes",
  "Child ID",
  "BLA",
  "DOB",
  "Legal status",
  "1st PPM",
  "1st CLA review",
  "Placement type",
];

describe("proposeRefresh", () => {
  it("fills empty cells, keeps the tracker's value in a conflict, and reads code words as their code", () => {
    const table = tableOf([
      HEADER,
      [
        "keep me",
        " ab1 ",
        real("2025-02-01"),
        real("2015-01-01"),
        "Full care order",
        real("2025-02-10"),
        null,
        "U4",
      ],
    ]);
    const { changeSet, report } = proposeRefresh(
      table,
      spec,
      [
        system("AB1", "2025-02-01", {
          dateOfBirth: day("2015-01-02"),
          legalStatus: "C2",
          firstReview: day("2025-03-01"),
          placementType: "U4",
        }),
      ],
      [],
      { id: "RF-1" },
    );
    expect(changeSet.changes).toEqual([
      {
        sheet: "Tracker",
        cell: "G2",
        old: null,
        new: excelSerialFromEpochDay(day("2025-03-01")),
        numberFormat: "dd/mm/yyyy",
        rule: REFRESH_RULES.fill,
      },
    ]);
    expect(report.rowsMatched).toBe(1);
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        cell: "D2",
        column: "dateOfBirth",
        tracker: "01/01/2015",
        system: "02/01/2015",
        kept: "tracker",
      }),
    ]);
  });

  it("takes the system's value in a conflict only when asked", () => {
    const table = tableOf([
      HEADER,
      [null, "AB1", real("2025-02-01"), real("2015-01-01"), null, null, null, null],
    ]);
    const { changeSet } = proposeRefresh(
      table,
      spec,
      [system("AB1", "2025-02-01", { dateOfBirth: day("2015-01-02") })],
      [],
      {
        id: "RF-1",
        acceptSystem: true,
      },
    );
    expect(changeSet.changes.map((c) => [c.cell, c.rule])).toEqual([["D2", REFRESH_RULES.system]]);
  });

  it("reports a care period matched by two rows of one child and changes neither", () => {
    const table = tableOf([
      HEADER,
      [null, "AB1", real("2025-02-01"), null, null, null, null, null],
      [null, "ab1 ", "01/02/2025", null, null, null, null, null],
    ]);
    const { changeSet, report } = proposeRefresh(
      table,
      spec,
      [system("AB1", "2025-02-01", { legalStatus: "C1" })],
      [],
      {
        id: "RF-1",
      },
    );
    expect(changeSet.changes).toEqual([]);
    expect(report.duplicateMatches).toEqual([
      { childId: "AB1", becameLookedAfter: day("2025-02-01"), rows: [2, 3] },
    ]);
    expect(report.newChildren).toEqual([]);
  });

  it("matches a child's only row to its only period when the BLA differs, showing the BLA as a conflict", () => {
    const table = tableOf([HEADER, [null, "AB1", real("2025-02-03"), null, null, null, null, null]]);
    const { report } = proposeRefresh(table, spec, [system("AB1", "2025-02-01")], [], { id: "RF-1" });
    expect(report.rowsMatched).toBe(1);
    expect(report.conflicts.map((c) => [c.column, c.tracker, c.system])).toEqual([
      ["becameLookedAfter", "03/02/2025", "01/02/2025"],
    ]);
  });

  it("leaves rows it cannot place to the user and does not append their child's open period", () => {
    const table = tableOf([
      HEADER,
      [null, "AB1", real("2020-01-01"), null, null, null, null, null],
      [null, "AB1", real("2021-01-01"), null, null, null, null, null],
    ]);
    const { changeSet, report } = proposeRefresh(table, spec, [system("AB1", "2025-02-01")], [], {
      id: "RF-1",
    });
    expect(changeSet.changes).toEqual([]);
    expect(report.unmatchedRows.map((u) => u.row)).toEqual([2, 3]);
  });

  it("appends a child in care below the last row, in the tracker's column order and its text date form", () => {
    const table = tableOf([
      HEADER,
      ["n", "X1", "01/01/2024", "02/02/2010", "C2", null, "03/03/2024", "U4"],
      [null, null, null, null, null, null, null, null],
      ["n", "X2", "01/01/2023", "02/02/2011", "C2", null, "03/03/2023", "U4"],
    ]);
    const { changeSet, report } = proposeRefresh(
      table,
      spec,
      [
        system("NEW1", "2026-06-01", {
          dateOfBirth: day("2016-05-04"),
          legalStatus: "V2",
          firstReview: day("2026-06-20"),
          placementType: "U6",
        }),
        system("GONE", "2020-01-01", { ceased: day("2021-01-01") }),
      ],
      [],
      { id: "RF-1" },
    );
    expect(report.newChildren).toEqual([{ childId: "NEW1", becameLookedAfter: day("2026-06-01"), row: 5 }]);
    expect(changeSet.changes.map((c) => [c.cell, c.new, c.rule])).toEqual([
      ["B5", "NEW1", REFRESH_RULES.newChild],
      ["C5", "01/06/2026", REFRESH_RULES.newChild],
      ["D5", "04/05/2016", REFRESH_RULES.newChild],
      ["E5", "V2", REFRESH_RULES.newChild],
      ["G5", "20/06/2026", REFRESH_RULES.newChild],
      ["H5", "U6", REFRESH_RULES.newChild],
    ]);
    expect(changeSet.changes.every((c) => c.old === null && c.numberFormat === undefined)).toBe(true);
    expect(report.rowsNotInExtract).toBe(2);
  });

  it("fills the exit date of a child who left care and classifies it as ceased", () => {
    const table = tableOf([
      [...HEADER, "Date ceased"],
      [null, "AB1", real("2025-02-01"), null, null, null, null, null, "TBC"],
    ]);
    const { changeSet, report } = proposeRefresh(
      table,
      spec,
      [system("AB1", "2025-02-01", { ceased: day("2026-03-04"), reasonCeased: "E11" })],
      [],
      { id: "RF-1" },
    );
    expect(report.ceased).toEqual([
      { childId: "AB1", row: 2, cell: "I2", ceased: day("2026-03-04"), reason: "E11" },
    ]);
    expect(report.filled).toEqual([]);
    expect(changeSet.changes.map((c) => [c.cell, c.old, c.rule])).toEqual([
      ["I2", "TBC", REFRESH_RULES.ceased],
    ]);
  });
});
