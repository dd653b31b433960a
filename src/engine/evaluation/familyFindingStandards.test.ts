import fc from "fast-check";
import { formatIsoDate, formatUkDate } from "../dates/epochDay";
import { simpleEvaluate, type Cell } from "../../../test/support/simpleEvaluation";
import { evaluateStandard } from "./evaluateStandard";
import { explainResult } from "./explainResult";
import { contextAsOf, day, defaultStandard, evaluate } from "../../../test/support/evaluationFixtures";

/*
 * The family-finding standards (standards.md, "Family Finding") at their boundaries: the adoption
 * scorecard's A2 (121 days from the placement order to the match) and A1 (426 days from becoming
 * looked after to moving in), the early end A2 alone allows, and A10's foster-carer adoptions. The
 * day counts in the comments are counted on a calendar, not by the code under test; each case is
 * also checked against the day-by-day re-implementation (test/support/simpleEvaluation.ts).
 */

const uk = (iso: string): string => formatUkDate(day(iso));

/** The re-implementation's answer for a default standard of calendar days, from start and end days. */
function simpleDays(id: string, start: number, end: number | null, asOf: number) {
  const standard = defaultStandard(id);
  const limit = standard.limit as { n: number; unit: "days" };
  const cell = (d: number | null): Cell => (d === null ? { kind: "empty" } : { kind: "date", day: d });
  return simpleEvaluate(
    {
      n: limit.n,
      unit: limit.unit,
      amber: standard.amberWorkingDays,
      required: standard.startKind === "required",
      recurring: false,
      earlyEndMet: standard.earlyEndMet,
    },
    cell(start),
    cell(end),
    { kind: "empty" },
    asOf,
  );
}

/** The same from ISO dates. */
const simple = (id: string, start: string, end: string | null, asOf: string) =>
  simpleDays(id, day(start), end === null ? null : day(end), day(asOf));

const summary = (r: {
  status: string;
  deadline: number | null;
  elapsedWorkingDays: number | null;
  overdueWorkingDays: number | null;
}) => ({
  status: r.status,
  deadline: r.deadline,
  elapsed: r.elapsedWorkingDays,
  overdue: r.overdueWorkingDays,
});

describe("ff-match-a2: matched within 121 days of the placement order (adoption scorecard A2)", () => {
  // Mon 04/03/2024 + 121 days = Wed 03/07/2024.
  const order = { placementOrder: "04/03/2024", shouldBePlaced: "01/02/2024" };

  it.each([
    ["day 120", "2024-07-02", "met", 0],
    ["day 121", "2024-07-03", "met", 0],
    ["day 122", "2024-07-04", "met late", 1],
  ])("counts a match on %s (%s) as %s", (_, match, status, overdue) => {
    const r = evaluate("ff-match-a2", { ...order, adm: uk(match) }, "2024-08-01");
    expect(r).toMatchObject({ status, deadline: day("2024-07-03"), overdueWorkingDays: overdue });
    expect(summary(r)).toEqual(simple("ff-match-a2", "2024-03-04", match, "2024-08-01"));
  });

  it("is overdue the day after the deadline while no match is made", () => {
    const r = evaluate("ff-match-a2", order, "2024-07-04");
    expect(r).toMatchObject({ status: "overdue", overdueWorkingDays: 1 });
    expect(summary(r)).toEqual(simple("ff-match-a2", "2024-03-04", null, "2024-07-04"));
  });

  it("counts a match made before the placement order as met at 0 days (early permanence)", () => {
    const r = evaluate("ff-match-a2", { ...order, adm: "12/02/2024" }, "2024-08-01");
    expect(r).toMatchObject({ status: "met", rag: "green", elapsedWorkingDays: 0, overdueWorkingDays: 0 });
    expect(r.reason).toBeNull();
    expect(summary(r)).toEqual(simple("ff-match-a2", "2024-03-04", "2024-02-12", "2024-08-01"));
  });

  it("explains an early match in one sentence, with its basis as a scorecard threshold", () => {
    const r = evaluate("ff-match-a2", { ...order, adm: "12/02/2024" }, "2024-08-01");
    expect(explainResult(r, defaultStandard("ff-match-a2"))).toBe(
      "Matched after the placement order due 03/07/2024 (121 days after the placement order on 04/03/2024; " +
        "DfE adoption scorecard threshold, DfE adoption scorecard A2 threshold 2013–16: placement order to match " +
        "within 121 days (4 months)): done on 12/02/2024, before it started (early permanence), in time",
    );
  });

  it("has not started for a child with no placement order (long-term fostering, or not yet granted)", () => {
    expect(evaluate("ff-match-a2", { adm: "12/02/2024" }, "2024-08-01")).toMatchObject({
      status: "not applicable",
      reason: { code: "clock-not-started" },
    });
  });
});

describe("only ff-match-a2 allows an end before its start", () => {
  it("cannot assess a profile completed before the referral", () => {
    expect(
      evaluate("ff-profile", { referral: "10/05/2024", profileCompleted: "09/05/2024" }, "2024-06-01"),
    ).toMatchObject({ status: "cannot assess", reason: { code: "end-before-start" } });
  });

  it("cannot assess an ADM match decision before the matching panel", () => {
    expect(evaluate("ff-panel-adm", { panel: "10/05/2024", adm: "09/05/2024" }, "2024-06-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "end-before-start" },
    });
  });

  it("cannot assess a placement with the adoptive family before the child became looked after", () => {
    expect(
      evaluate(
        "ff-placed-a1",
        { shouldBePlaced: "01/02/2024", becameLookedAfter: "10/05/2023", placementDate: "09/05/2023" },
        "2024-06-01",
      ),
    ).toMatchObject({ status: "cannot assess", reason: { code: "end-before-start" } });
  });
});

describe("ff-placed-a1: moved in within 426 days of becoming looked after (adoption scorecard A1)", () => {
  // Wed 18/01/2023 + 426 days (2024 a leap year) = Tue 19/03/2024.
  const adoption = { becameLookedAfter: "18/01/2023", shouldBePlaced: "01/06/2023" };

  it.each([
    ["day 425", "2024-03-18", "met", 0],
    ["day 426", "2024-03-19", "met", 0],
    ["day 427", "2024-03-20", "met late", 1],
  ])("counts a child moving in on %s (%s) as %s", (_, placed, status, overdue) => {
    const r = evaluate("ff-placed-a1", { ...adoption, placementDate: uk(placed) }, "2024-06-01");
    expect(r).toMatchObject({ status, deadline: day("2024-03-19"), overdueWorkingDays: overdue });
    expect(summary(r)).toEqual(simple("ff-placed-a1", "2023-01-18", placed, "2024-06-01"));
  });

  it("does not apply to a long-term fostering match (no should-be-placed decision)", () => {
    expect(
      evaluate(
        "ff-placed-a1",
        { becameLookedAfter: "18/01/2023", placementDate: "20/03/2024" },
        "2024-06-01",
      ),
    ).toMatchObject({ status: "not applicable", reason: { code: "condition-not-met" } });
  });

  it("cannot assess an adoption row with no date became looked after", () => {
    expect(evaluate("ff-placed-a1", { shouldBePlaced: "01/06/2023" }, "2024-06-01")).toMatchObject({
      status: "cannot assess",
      reason: { code: "required-start-missing", column: "becameLookedAfter" },
    });
  });
});

describe("A10: a child adopted by their own foster carers", () => {
  // Placed with the carers on day 37; the placement became an adoption placement (A3) on day 600.
  const fosterCarers = {
    becameLookedAfter: "18/01/2023",
    shouldBePlaced: "01/06/2023",
    fosterPlacementStart: "24/02/2023",
    placementDate: "09/09/2024",
  };

  it("stops A1's clock when the foster placement began (AD1 FOSTER_CARE 1)", () => {
    const r = evaluate("ff-placed-a1", { ...fosterCarers, adoptedByFosterCarers: "1" }, "2024-10-01");
    expect(r).toMatchObject({ status: "met", end: day("2023-02-24") });
    expect(summary(r)).toEqual(simple("ff-placed-a1", "2023-01-18", "2023-02-24", "2024-10-01"));
  });

  it("stops it there for an A3 or A5 placement too, the words for yes included", () => {
    expect(evaluate("ff-placed-a1", { ...fosterCarers, placementType: "A5" }, "2024-10-01").status).toBe(
      "met",
    );
    expect(
      evaluate("ff-placed-a1", { ...fosterCarers, adoptedByFosterCarers: "Yes" }, "2024-10-01").status,
    ).toBe("met");
  });

  it("counts the adoption placement for every other child", () => {
    const r = evaluate(
      "ff-placed-a1",
      { ...fosterCarers, adoptedByFosterCarers: "No", placementType: "A4" },
      "2024-10-01",
    );
    expect(r).toMatchObject({ status: "met late", end: day("2024-09-09") });
  });
});

describe("the family-finding standards against the day-by-day re-implementation", () => {
  const FIRST = day("2019-01-01");
  it("agree on status, deadline and working days for random A1, A2 and A10 rows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ff-match-a2", "ff-placed-a1"),
        fc.integer({ min: FIRST, max: FIRST + 2500 }),
        fc.option(fc.integer({ min: -60, max: 520 })),
        fc.option(fc.integer({ min: -30, max: 520 })),
        fc.boolean(),
        fc.integer({ min: 0, max: 600 }),
        (id, start, endOffset, fosterOffset, byFosterCarers, asOfOffset) => {
          const standard = defaultStandard(id);
          const startKey = standard.start[0] as string;
          const endDay = endOffset === null ? null : start + endOffset;
          const fosterDay = fosterOffset === null ? null : start + fosterOffset;
          const values = {
            shouldBePlaced: "01/01/2018",
            [startKey]: formatUkDate(start),
            [standard.end as string]: endDay === null ? null : formatUkDate(endDay),
            fosterPlacementStart: fosterDay === null ? null : formatUkDate(fosterDay),
            adoptedByFosterCarers: byFosterCarers ? "Yes" : "No",
          };
          const asOf = start + asOfOffset;
          const actual = evaluateStandard(
            standard,
            { rowNumber: 2, values },
            contextAsOf(formatIsoDate(asOf)),
          );
          // A10 applies to A1 only: for a foster-carer adoption its end is the foster placement's start.
          const end = id === "ff-placed-a1" && byFosterCarers ? fosterDay : endDay;
          const expected = simpleDays(id, start, end, asOf);
          expect(summary(actual)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
