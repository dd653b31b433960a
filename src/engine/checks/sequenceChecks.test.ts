import { becameLookedAfterBeforeBirth } from "./becameLookedAfterBeforeBirth";
import { findingsOf, serial, tableWith } from "../../../test/support/checkFixtures";
import { connectedPersonsAdmBeforePanel } from "./connectedPersonsAdmBeforePanel";
import { eventAfterExit } from "./eventAfterExit";
import { familyFindingAdmBeforePanel } from "./familyFindingAdmBeforePanel";
import { ihvBeforeEnquiry } from "./ihvBeforeEnquiry";
import { matchAdmBeforePanel } from "./matchAdmBeforePanel";
import { panelBeforeApplication } from "./panelBeforeApplication";
import { ppmBeforeBecomingLookedAfter } from "./ppmBeforeBecomingLookedAfter";
import { recruitmentAdmBeforePanel } from "./recruitmentAdmBeforePanel";
import { reviewBeforeBecomingLookedAfter } from "./reviewBeforeBecomingLookedAfter";
import { runChecks } from "./runChecks";
import { secondReviewBeforeFirst } from "./secondReviewBeforeFirst";
import { testContext } from "../../../test/support/checkFixtures";

describe("the sequence checks", () => {
  it("report becoming looked after before birth", () => {
    expect(
      findingsOf(
        becameLookedAfterBeforeBirth,
        tableWith("jointTracker", { dateOfBirth: serial("2024-02-01") }),
      ),
    ).toEqual([
      [
        "JT-BLA-BEFORE-DOB",
        "F2",
        "Date became looked after 15/01/2024 is before the child's date of birth 01/02/2024",
      ],
    ]);
    expect(findingsOf(becameLookedAfterBeforeBirth, tableWith("jointTracker", {}))).toEqual([]);
  });

  it("report each CLA review held before the child became looked after", () => {
    const table = tableWith("jointTracker", {
      firstReview: serial("2024-01-12"),
      latestReview: serial("2023-12-01"),
    });
    expect(findingsOf(reviewBeforeBecomingLookedAfter, table)).toEqual([
      [
        "JT-REVIEW-BEFORE-BLA",
        "K2",
        "1st CLA review 12/01/2024 is before the child became looked after on 15/01/2024",
      ],
      [
        "JT-REVIEW-BEFORE-BLA",
        "M2",
        "Latest CLA review 01/12/2023 is before the child became looked after on 15/01/2024",
      ],
    ]);
  });

  it("warn, not err, when a PPM comes before becoming looked after (early permanence planning)", () => {
    const issues = runChecks([tableWith("jointTracker", { firstPpm: serial("2024-01-10") })], testContext(), [
      ppmBeforeBecomingLookedAfter,
    ]);
    expect(issues.map((i) => [i.severity, i.cell])).toEqual([["warning", "N2"]]);
    expect(
      findingsOf(ppmBeforeBecomingLookedAfter, tableWith("jointTracker", { firstPpm: serial("2024-01-15") })),
    ).toEqual([]);
  });

  it("report a 2nd review before the 1st", () => {
    expect(
      findingsOf(secondReviewBeforeFirst, tableWith("jointTracker", { secondReview: serial("2024-02-08") })),
    ).toEqual([
      [
        "JT-REVIEW2-BEFORE-REVIEW1",
        "L2",
        "2nd CLA review 08/02/2024 is before the 1st CLA review on 09/02/2024",
      ],
    ]);
    expect(findingsOf(secondReviewBeforeFirst, tableWith("jointTracker", { secondReview: null }))).toEqual(
      [],
    );
  });

  it("report an ADM decision before its panel on every sheet that has both, and allow the same day", () => {
    expect(
      findingsOf(matchAdmBeforePanel, tableWith("jointTracker", { matchAdm: serial("2024-08-30") })),
    ).toHaveLength(1);
    expect(
      findingsOf(matchAdmBeforePanel, tableWith("jointTracker", { matchAdm: serial("2024-09-02") })),
    ).toEqual([]);
    expect(
      findingsOf(recruitmentAdmBeforePanel, tableWith("recruitment", { admDecision: serial("2025-06-30") })),
    ).toEqual([["RA-ADM-BEFORE-PANEL", "K2", "ADM decision 30/06/2025 is before the panel on 01/07/2025"]]);
    expect(
      findingsOf(familyFindingAdmBeforePanel, tableWith("familyFinding", { adm: serial("2025-05-30") })),
    ).toHaveLength(1);
    expect(
      findingsOf(
        connectedPersonsAdmBeforePanel,
        tableWith("connectedPersons", { admDecision: serial("2025-06-09") }),
      ),
    ).toHaveLength(1);
    expect(findingsOf(familyFindingAdmBeforePanel, tableWith("familyFinding", {}))).toEqual([]);
    expect(findingsOf(connectedPersonsAdmBeforePanel, tableWith("connectedPersons", {}))).toEqual([]);
  });

  it("report an initial home visit before the enquiry and a panel before the application", () => {
    const table = tableWith("recruitment", { ihv: serial("2025-01-03"), panel: serial("2025-01-31") });
    expect(findingsOf(ihvBeforeEnquiry, table)).toEqual([
      ["RA-IHV-BEFORE-ENQUIRY", "F2", "Initial home visit 03/01/2025 is before the enquiry on 06/01/2025"],
    ]);
    expect(findingsOf(panelBeforeApplication, table)).toEqual([
      ["RA-PANEL-BEFORE-APPLICATION", "J2", "Panel 31/01/2025 is before the application on 03/02/2025"],
    ]);
    expect(findingsOf(ihvBeforeEnquiry, tableWith("recruitment", {}))).toEqual([]);
    expect(findingsOf(panelBeforeApplication, tableWith("recruitment", {}))).toEqual([]);
  });

  it("report events after the row's exit date, but not planned dates", () => {
    const table = tableWith("jointTracker", {
      permanenceAchieved: serial("2024-10-31"),
      nextPpm: serial("2026-12-01"),
    });
    expect(findingsOf(eventAfterExit, table)).toEqual([
      ["EVENT-AFTER-EXIT", "M2", "Latest CLA review 01/11/2024 is after the row's exit date 31/10/2024"],
    ]);
    expect(
      findingsOf(eventAfterExit, tableWith("jointTracker", { permanenceAchieved: serial("2024-11-01") })),
    ).toEqual([]);
    expect(findingsOf(eventAfterExit, tableWith("recruitment", {}))).toEqual([]);
  });
});
