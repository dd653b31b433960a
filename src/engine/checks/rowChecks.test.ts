import { agedEighteenStillOpen } from "./agedEighteenStillOpen";
import { findingsOf, isoDay, serial, tableWith } from "../../../test/support/checkFixtures";
import { duplicateEpisode } from "./duplicateEpisode";
import { duplicateHousehold } from "./duplicateHousehold";
import { childOpenTwice } from "./childOpenTwice";
import { requiredValueMissing } from "./requiredValueMissing";

describe("the row checks", () => {
  it("report a required value that is empty or a placeholder", () => {
    expect(
      findingsOf(
        requiredValueMissing,
        tableWith("jointTracker", { childId: "  ", becameLookedAfter: "TBC" }),
      ),
    ).toEqual([
      ["REQUIRED-MISSING", "A2", "Child ID is empty but every row needs it"],
      ["REQUIRED-MISSING", "F2", "Date became looked after is empty but every row needs it"],
    ]);
    expect(
      findingsOf(requiredValueMissing, tableWith("jointTracker", { becameLookedAfter: "not a date" })),
    ).toEqual([]);
    expect(findingsOf(requiredValueMissing, tableWith("fosteringSupport", {}))).toEqual([]);
  });

  it("report the same child and date became looked after on two rows as one episode entered twice", () => {
    const table = tableWith(
      "jointTracker",
      {},
      { childId: "c1001 " },
      { becameLookedAfter: serial("2025-06-02") },
    );
    expect(findingsOf(duplicateEpisode, table)).toEqual([
      [
        "JT-DUPLICATE-EPISODE",
        "A3",
        "Child ID “c1001” with the same date became looked after (15/01/2024) is already on row 2: one episode entered twice?",
      ],
    ]);
  });

  it("report a child open on two rows with different episodes, but not a closed earlier episode", () => {
    const table = tableWith(
      "jointTracker",
      {},
      { becameLookedAfter: serial("2025-06-02") },
      { becameLookedAfter: serial("2025-06-02"), childId: "C2002" },
    );
    expect(findingsOf(childOpenTwice, table)).toEqual([
      [
        "JT-CHILD-OPEN-TWICE",
        "A3",
        "Child ID “C1001” is also open on row 2: a child is in one care episode at a time; record when the earlier one ended, or check the ID",
      ],
    ]);
    const closed = tableWith(
      "jointTracker",
      { permanenceAchieved: serial("2025-01-10") },
      { becameLookedAfter: serial("2025-06-02") },
    );
    expect(findingsOf(childOpenTwice, closed)).toEqual([]);
    // The same ID and BLA is one episode typed twice: JT-DUPLICATE-EPISODE says so, not this check.
    expect(findingsOf(childOpenTwice, tableWith("jointTracker", {}, {}))).toEqual([]);
  });

  it("report a household ID used twice", () => {
    expect(
      findingsOf(
        duplicateHousehold,
        tableWith("fosteringSupport", {}, { householdId: "H002" }, { householdId: "H003" }),
      ),
    ).toEqual([["HOUSEHOLD-DUPLICATE-ID", "A3", "Household ID “H002” is already on row 2"]]);
    expect(findingsOf(duplicateHousehold, tableWith("recruitment", {}, { householdId: "H009" }))).toEqual([]);
  });

  it("warn of a child aged 18 or over whose row is still open", () => {
    const table = tableWith(
      "jointTracker",
      { dateOfBirth: serial("2008-11-24") },
      { dateOfBirth: serial("2008-11-25") },
    );
    expect(findingsOf(agedEighteenStillOpen, table)).toEqual([
      [
        "JT-AGED-18-OPEN",
        "D2",
        "The child was born on 24/11/2008 and turned 18 on 24/11/2026, but the row has no date ceased to be looked after",
      ],
    ]);
    const leapling = tableWith("jointTracker", { dateOfBirth: serial("2008-02-29") });
    expect(findingsOf(agedEighteenStillOpen, leapling, isoDay("2026-02-28"))).toEqual([]);
    expect(findingsOf(agedEighteenStillOpen, leapling, isoDay("2026-03-01"))[0]?.[2]).toMatch(
      /turned 18 on 01\/03\/2026/,
    );
    const closed = tableWith("jointTracker", {
      dateOfBirth: serial("2000-01-01"),
      permanenceAchieved: serial("2018-01-01"),
    });
    expect(findingsOf(agedEighteenStillOpen, closed, isoDay("2026-11-24"))).toEqual([]);
  });
});
