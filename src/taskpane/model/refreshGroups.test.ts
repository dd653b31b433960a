import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import type { ChangeSet } from "../../engine/port/ChangeSet";
import { REFRESH_RULES, type RefreshReport } from "../../engine/ssda903/proposeRefresh";
import { initiallyUnticked, refreshGroups } from "./refreshGroups";

const day = (iso: string) => parseIsoDate(iso) as EpochDay;
const cell = { sheet: "Joint Tracker", childId: "A1", tracker: "", row: 3 };

const report: RefreshReport = {
  sheet: "Joint Tracker",
  rowsMatched: 2,
  filled: [{ ...cell, cell: "D3", column: "legalStatus", header: "Legal status", system: "C2" }],
  conflicts: [
    {
      ...cell,
      cell: "F3",
      column: "firstReview",
      header: "1st CLA review",
      tracker: "01/02/2020",
      system: "03/02/2020",
      kept: "system",
    },
  ],
  newChildren: [{ childId: "B2", becameLookedAfter: day("2021-05-01"), row: 9 }],
  ceased: [{ childId: "C3", row: 4, cell: "H4", ceased: day("2020-08-15"), reason: "E11" }],
  duplicateMatches: [],
  unmatchedRows: [{ childId: "D4", row: 5, reason: "no care period in the extract starts on its date" }],
  rowsNotInExtract: 0,
  extractProblems: [
    { code: "DATE-FORM", severity: "info", file: "e.csv", message: "e.csv: dates read as yyyy-mm-dd" },
    { code: "DATE-AMBIGUOUS", severity: "error", file: "e.csv", line: 4, message: "e.csv line 4: DECOM" },
  ],
};
const change = (cellAt: string, rule: string) => ({
  sheet: "Joint Tracker",
  cell: cellAt,
  old: null,
  new: 1,
  rule,
});
const changeSet: ChangeSet = {
  id: "RF-1",
  description: "refresh",
  changes: [
    change("D3", REFRESH_RULES.fill),
    change("F3", REFRESH_RULES.system),
    change("A9", REFRESH_RULES.newChild),
    change("C9", REFRESH_RULES.newChild),
    change("H4", REFRESH_RULES.ceased),
  ],
};

describe("refreshGroups", () => {
  it("groups the change set as the CLI reports it, a new child's row under one tick", () => {
    const groups = refreshGroups(report, changeSet);
    expect(groups.map((g) => [g.heading, g.items.map((i) => [i.label, i.changeKeys])])).toEqual([
      ["Cells filled (1)", [["D3 A1, Legal status: C2", ["Joint Tracker!D3"]]]],
      [
        "Conflicts (1)",
        [["F3 A1, 1st CLA review: tracker 01/02/2020, system 03/02/2020", ["Joint Tracker!F3"]]],
      ],
      [
        "New children (1)",
        [["B2, looked after since 01/05/2021: new row 9", ["Joint Tracker!A9", "Joint Tracker!C9"]]],
      ],
      ["Left care (1)", [["H4 C3: ceased 15/08/2020 (E11)", ["Joint Tracker!H4"]]]],
      [
        "Problems (2)",
        [
          ["Not refreshed: row 5 (D4): no care period in the extract starts on its date", []],
          ["e.csv line 4: DECOM", []],
        ],
      ],
    ]);
  });

  it("leaves the system's side of a conflict unticked until the user ticks it", () => {
    expect(initiallyUnticked(changeSet)).toEqual(new Set(["Joint Tracker!F3"]));
  });
});
