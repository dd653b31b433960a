import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { refreshTracker, type RefreshTrackerResult } from "./refreshTracker";
import { revertChanges } from "./revertChanges";

/*
 * Refresh fills the Family Finding sheet's adoption dates from the return's tables: PlacedAdoption
 * DATE_PLACED (the should-be-placed decision), legal status E1 (the placement order), AD1 DATE_MATCH
 * and FOSTER_CARE, the first A3–A6 placement and the E11 / E12 end, in the Joint Tracker's change set.
 */

const asOf = parseIsoDate("2025-12-01") as EpochDay;
const now = { day: asOf, hour: 9, minute: 5 };
const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\r\n") + "\r\n";

const FILES = [
  {
    name: "header.csv",
    content: csv([
      ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
      ["C001", "1", "01/03/2022", "WBRI", "", "", ""],
    ]),
  },
  {
    name: "episodes.csv",
    content: csv([
      [
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
      ],
      ["C001", "18/01/2023", "S", "C2", "N1", "U5", "PR1", "05/09/2023", "X1", "", "", "", ""],
      ["C001", "05/09/2023", "L", "E1", "N1", "U5", "PR1", "20/03/2024", "X1", "", "", "", ""],
      ["C001", "20/03/2024", "T", "E1", "N1", "A3", "PR1", "02/10/2024", "E11", "", "", "", ""],
    ]),
  },
  {
    name: "reviews.csv",
    content: csv([
      ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
      ["C001", "01/03/2022", "15/02/2023", "PN1"],
    ]),
  },
  {
    name: "placed.csv",
    content: csv([
      ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
      ["C001", "01/03/2022", "01/06/2023", "", ""],
    ]),
  },
  {
    name: "ad1.csv",
    content: csv([
      ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
      ["C001", "01/03/2022", "01/06/2023", "10/11/2023", "1", "2", "MF", "L11"],
    ]),
  },
];

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook([
    {
      name: "Joint Tracker",
      values: [
        ["Child ID", "Date of birth", "Date became looked after", "1st CLA review"],
        ["C001", "01/03/2022", "18/01/2023", "15/02/2023"],
      ],
    },
    {
      name: "Family Finding",
      values: [
        [
          "Child ID",
          "Referral",
          "SHOBPA",
          "PO date",
          "ADM",
          "Adopted by foster carers",
          "Placement date",
          "Date closed",
        ],
        // The tracker has the decision and a placement order a day off the system's.
        ["C001", "01/06/2023", "01/06/2023", "06/09/2023", null, null, null, null],
      ],
    },
  ]);
}

function refreshed(result: RefreshTrackerResult): Extract<RefreshTrackerResult, { kind: "refreshed" }> {
  if (result.kind !== "refreshed") throw new Error(`expected a refresh, got ${result.message}`);
  return result;
}

describe("refresh of the Family Finding sheet", () => {
  it("fills the match, foster carers, placement and adoption, and lists the order the system dates otherwise", async () => {
    const port = workbook();
    const result = refreshed(await refreshTracker(port, { files: FILES, asOf, now }));
    const ff = result.familyFinding;
    expect(ff?.filled.map((f) => [f.header, f.system])).toEqual([
      ["ADM", "10/11/2023"],
      ["Adopted by foster carers", "Yes"],
      ["Placement date", "20/03/2024"],
      ["Date closed", "02/10/2024"],
    ]);
    expect(ff?.conflicts.map((c) => [c.header, c.tracker, c.system, c.kept])).toEqual([
      ["PO date", "06/09/2023", "05/09/2023", "tracker"],
    ]);
    expect(result.changeSet.description).toMatch(/; Family Finding: 4 cell\(s\) filled, 1 conflict\(s\)$/);
    const row = port.snapshot()["Family Finding"]?.[1];
    expect(row?.[5]).toBe("Yes");
    expect(row?.[3]).toBe("06/09/2023");
    // Nothing more to do on a second run but the one conflict, still the tracker's way.
    const again = refreshed(await refreshTracker(port, { files: FILES, asOf, now: { ...now, minute: 6 } }));
    expect(again.familyFinding?.filled).toEqual([]);
    expect(again.familyFinding?.conflicts).toHaveLength(1);
  });

  it("is undone with the Joint Tracker's changes by reverting the change set", async () => {
    const port = workbook();
    const before = port.snapshot()["Family Finding"];
    const result = refreshed(await refreshTracker(port, { files: FILES, asOf, now }));
    const reverted = await revertChanges(port, {
      changeSetId: result.changeSet.id,
      now: { ...now, minute: 7 },
    });
    expect(reverted.kind).toBe("reverted");
    expect(port.snapshot()["Family Finding"]).toEqual(before);
  });
});
