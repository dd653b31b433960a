import type { CellValue } from "../cells/CellValue";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { Standard } from "../standards/Standard";
import { buildAdoptionScorecard } from "./adoptionScorecard";
import { calendar, day, table } from "../../../test/support/summaryFixtures";

/*
 * The adoption scorecard block on small trackers whose day counts are worked out by hand in the
 * comments (calendar days, as the scorecard counts them).
 */

const options = (asOf: string, standards = DEFAULT_STANDARDS) => ({
  month: { year: 2025, month: 3 },
  asOf: day(asOf),
  calendar,
  standards,
});

const FAMILY_FINDING: Record<string, CellValue>[] = [
  // Moved in 01/02/2025, 401 days after becoming looked after on 28/12/2023 (2024 a leap year); order 01/10/2024 to
  // match 01/12/2024: 61 days.
  {
    childId: "A1",
    becameLookedAfter: "28/12/2023",
    shouldBePlaced: "01/08/2024",
    placementOrder: "01/10/2024",
    adm: "01/12/2024",
    placementDate: "01/02/2025",
  },
  // Adopted by her foster carers: moved in with them 10/01/2024, 9 days after becoming looked
  // after on 01/01/2024; the adoption placement (A3) began 15/03/2025, 439 days after. Early
  // permanence: matched 01/11/2024, before the order of 20/11/2024, so A2 counts 0 days.
  {
    childId: "A2",
    becameLookedAfter: "01/01/2024",
    shouldBePlaced: "01/09/2024",
    placementOrder: "20/11/2024",
    adm: "01/11/2024",
    adoptedByFosterCarers: "Yes",
    fosterPlacementStart: "10/01/2024",
    placementType: "A3",
    placementDate: "15/03/2025",
  },
  // Waiting since the decision of 01/06/2024: 303 days at 31/03/2025.
  { childId: "W1", becameLookedAfter: "01/01/2024", shouldBePlaced: "01/06/2024" },
  // Waiting since 01/01/2025.
  {
    childId: "W2",
    becameLookedAfter: "01/01/2024",
    shouldBePlaced: "01/01/2025",
    placementOrder: "15/02/2025",
  },
  // Reversed: not waiting.
  {
    childId: "R1",
    becameLookedAfter: "01/01/2024",
    shouldBePlaced: "01/03/2024",
    decisionReversed: "01/05/2024",
  },
  // Decided, reversed, decided again: waiting since 01/02/2025.
  {
    childId: "R2",
    becameLookedAfter: "01/01/2024",
    shouldBePlaced: "01/02/2025",
    decisionReversed: "01/05/2024",
  },
  // Long-term fostering matches in February and March 2025.
  { childId: "F1", becameLookedAfter: "01/01/2024", permanencePlan: "LTF", adm: "10/02/2025" },
  { childId: "F2", becameLookedAfter: "01/01/2024", adm: "10/03/2025" },
];

describe("the adoption scorecard block", () => {
  const scorecard = buildAdoptionScorecard([table("familyFinding", FAMILY_FINDING)], options("2025-03-31"));

  it("averages A1, A2 and A10 in calendar days over the 12 months to the month", () => {
    // A1: (401 + 439) / 2 = 420; A10: (401 + 9) / 2 = 205; A2: (61 + 0) / 2 = 30.5 → 31.
    expect(scorecard.twelveMonths).toMatchObject({
      period: "12 months to 2025-03",
      a1: { children: 2, averageDays: 420 },
      a10: { children: 2, averageDays: 205 },
      a2: { children: 2, averageDays: 31 },
    });
    expect(scorecard.thresholds).toEqual({ a1: 426, a2: 121 });
  });

  it("counts the financial year holding the month, and the quarters by the day the child moved in", () => {
    expect(scorecard.financialYear).toMatchObject({ period: "2024/25", a1: { children: 2 } });
    const q1 = scorecard.quarters.at(-1);
    expect(q1).toMatchObject({ period: "2025-Q1", a1: { children: 2, averageDays: 420 } });
    // Both A2 measurements are known in Q4 2024 (the later of order and match: 01/12 and 20/11).
    expect(scorecard.quarters.at(-2)).toMatchObject({
      period: "2024-Q4",
      a2: { children: 2, averageDays: 31 },
    });
    expect(scorecard.quarters).toHaveLength(8);
  });

  it("counts the children waiting for a match and the longest wait, leaving out reversed decisions", () => {
    expect(scorecard.waiting).toEqual({ children: 3, longestWaitDays: 303, longestWaitId: "W1" });
  });

  it("counts matches per month, adoption and long-term fostering apart", () => {
    expect(scorecard.matchesByMonth.slice(-5)).toEqual([
      { month: "2024-11", adoption: 1, longTermFostering: 0 },
      { month: "2024-12", adoption: 1, longTermFostering: 0 },
      { month: "2025-01", adoption: 0, longTermFostering: 0 },
      { month: "2025-02", adoption: 0, longTermFostering: 1 },
      { month: "2025-03", adoption: 0, longTermFostering: 1 },
    ]);
  });

  it("leaves out what happened after the as-of date", () => {
    const early = buildAdoptionScorecard([table("familyFinding", FAMILY_FINDING)], options("2025-03-09"));
    expect(early.twelveMonths.a1).toEqual({ children: 1, averageDays: 401 });
    expect(early.matchesByMonth.at(-1)).toEqual({ month: "2025-03", adoption: 0, longTermFostering: 0 });
  });

  it("uses the thresholds an authority set in its Standards sheet", () => {
    const a1 = DEFAULT_STANDARDS.find((s) => s.id === "ff-placed-a1");
    const changed = DEFAULT_STANDARDS.map((s) =>
      s === a1 ? Standard.parse({ ...s, limit: { n: 365, unit: "days" } }) : s,
    );
    const local = buildAdoptionScorecard(
      [table("familyFinding", FAMILY_FINDING)],
      options("2025-03-31", changed),
    );
    expect(local.thresholds).toEqual({ a1: 365, a2: 121 });
  });

  it("measures the three matching gaps of the Joint Tracker in working days, by the later date", () => {
    // BLA Mon 06/01/2025 → IRO endorsed Mon 13/01/2025: 5 working days; → panel Mon 27/01: 10;
    // → ADM Wed 29/01: 2. A second child endorsed in 2023 is outside the 12 months.
    const joint = table("jointTracker", [
      {
        childId: "J1",
        becameLookedAfter: "06/01/2025",
        iroEndorsed: "13/01/2025",
        matchToPanel: "27/01/2025",
        matchAdm: "29/01/2025",
      },
      { childId: "J2", becameLookedAfter: "02/01/2023", iroEndorsed: "01/03/2023" },
      // An ADM before the panel is a data problem, not a negative gap.
      { childId: "J3", matchToPanel: "10/02/2025", matchAdm: "07/02/2025" },
    ]);
    const matching = buildAdoptionScorecard([joint], options("2025-03-31")).matching;
    expect(matching).toEqual({
      blaToIroEndorsement: { median: 5, mean: 5, n: 1 },
      endorsementToPanel: { median: 10, mean: 10, n: 1 },
      panelToAdm: { median: 2, mean: 2, n: 1 },
    });
  });
});
