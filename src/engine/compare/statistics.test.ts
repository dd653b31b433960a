import { fisherExact } from "./fisherExact";
import { medianInterval } from "./medianInterval";
import { mannWhitneyU } from "./mannWhitneyU";
import { newcombeDifference } from "./newcombeDifference";
import { wilsonInterval } from "./wilsonInterval";

/*
 * Every expected value here was computed independently by test/reference/compareReference.py
 * (Python's standard library only: exact fractions and math.comb for Fisher, the Wilson and Newcombe
 * formulas with statistics.NormalDist, the Mann–Whitney normal approximation as scipy's "asymptotic"
 * method computes it, and the exact distribution by enumerating every split of the ranks). Run it
 * to see them again.
 */

const CLOSE = 12; // decimal places

describe("Fisher's exact test, two-sided", () => {
  it.each([
    ["12% to 33% on cohorts of about 60", [7, 58, 20, 61], 0.00854595760435625],
    ["a cohort of one each way", [0, 1, 1, 1], 1],
    ["a tiny cohort of 2 against 3", [1, 2, 0, 3], 0.4],
    ["all met in both periods", [10, 10, 12, 12], 1],
    ["none met in both periods", [0, 15, 0, 9], 1],
    ["all met before, none met after", [8, 8, 0, 7], 0.0001554001554001554],
    ["30% to 75% on 10 and 12 cases", [3, 10, 9, 12], 0.08355730956350152],
    ["29% to 42% on cohorts of about 60", [18, 63, 25, 60], 0.13598502676950228],
  ])("gives the reference p-value for %s", (_, [a, n, b, m], expected) => {
    expect(fisherExact(a as number, n as number, b as number, m as number)).toBeCloseTo(expected, CLOSE);
  });

  it("is 1 when a period has no cohort: there is nothing to compare", () => {
    expect(fisherExact(0, 0, 3, 9)).toBe(1);
  });
});

describe("Wilson score interval", () => {
  it.each([
    [7, 58, 0.05970966048240722, 0.2287935404596088],
    [20, 61, 0.22335119798553632, 0.4527819368646336],
    [0, 1, 0, 0.7934506856227626],
    [1, 1, 0.20654931437723745, 1],
    [10, 10, 0.7224672001371109, 1],
    [0, 15, 0, 0.20388330103584854],
  ])("for %i of %i is the reference interval", (k, n, low, high) => {
    const interval = wilsonInterval(k, n);
    expect(interval?.low).toBeCloseTo(low, CLOSE);
    expect(interval?.high).toBeCloseTo(high, CLOSE);
  });

  it("stays within 0% and 100% when all or none were on time", () => {
    expect(wilsonInterval(12, 12)?.high).toBe(1);
    expect(wilsonInterval(0, 9)?.low).toBe(0);
  });

  it("has no interval for an empty cohort", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("Newcombe's hybrid score interval for the change, after minus before", () => {
  it.each([
    ["12% to 33%", [7, 58, 20, 61], 0.20717919728660256, 0.056811680479199045, 0.3461822131104259],
    ["a cohort of one each way", [0, 1, 1, 1], 1, -0.12210872068194178, 1],
    ["a tiny cohort of 2 against 3", [1, 2, 0, 3], -0.5, -0.9054687942657693, 0.19259213090610783],
    ["all met in both periods", [10, 10, 12, 12], 0, -0.24249400665524068, 0.27753279986288915],
    ["none met in both periods", [0, 15, 0, 9], 0, -0.20388330103584854, 0.299145048419544],
    ["all met before, none met after", [8, 8, 0, 7], -1, -1, -0.519593583131494],
    ["30% to 75%", [3, 10, 9, 12], 0.45, 0.03570566744276177, 0.7007667901955255],
  ])("is the reference interval for %s", (_, [a, n, b, m], difference, low, high) => {
    const result = newcombeDifference(a as number, n as number, b as number, m as number);
    expect(result?.difference).toBeCloseTo(difference, CLOSE);
    expect(result?.interval.low).toBeCloseTo(low, CLOSE);
    expect(result?.interval.high).toBeCloseTo(high, CLOSE);
  });

  it("has no interval when either period's cohort is empty", () => {
    expect(newcombeDifference(3, 5, 0, 0)).toBeNull();
  });
});

describe("Mann–Whitney U test, two-sided", () => {
  it("matches the tie- and continuity-corrected normal approximation on samples with ties", () => {
    const result = mannWhitneyU(
      [12, 5, 33, 8, 8, 40, 61, 15, 22, 9, 10, 10],
      [3, 7, 8, 2, 10, 5, 5, 14, 6, 9, 4],
    );
    expect(result?.method).toBe("asymptotic");
    expect(result?.u).toBe(111.5);
    expect(result?.p).toBeCloseTo(0.0054611192947202625, CLOSE);
  });

  it("uses the approximation for a small sample with ties, as the exact table assumes none", () => {
    const result = mannWhitneyU([1, 2, 2], [2, 3, 4]);
    expect(result).toEqual({
      u: 1,
      p: expect.closeTo(0.16415972847851523, CLOSE) as number,
      method: "asymptotic",
    });
  });

  it("finds no difference when every value is the same", () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5])).toEqual({ u: 3, p: 1, method: "asymptotic" });
  });

  it.each([
    ["interleaved", [6, 9, 10, 12], [1, 2, 5, 7, 8], 18, 0.06349206349206349],
    ["wholly separated", [11, 12, 13, 14, 15], [1, 2, 3, 4], 20, 0.015873015873015872],
  ])("is exact for small %s samples without ties", (_, first, second, u, p) => {
    const result = mannWhitneyU(first, second);
    expect(result?.method).toBe("exact");
    expect(result?.u).toBe(u);
    expect(result?.p).toBeCloseTo(p, CLOSE);
  });

  it("is the same test whichever period comes first", () => {
    const a = [12, 5, 33, 8, 8, 40, 61, 15, 22, 9];
    const b = [3, 7, 8, 2, 10, 5, 5, 14, 6, 9];
    expect(mannWhitneyU(a, b)?.p).toBeCloseTo(mannWhitneyU(b, a)?.p ?? NaN, CLOSE);
  });

  it("has no test when a period has no values", () => {
    expect(mannWhitneyU([], [1, 2])).toBeNull();
  });
});

describe("distribution-free interval for a median", () => {
  it.each([
    ["six values", [9, 2, 6, 5, 3, 5], 2, 9],
    ["twelve values with ties", [12, 5, 33, 8, 8, 40, 61, 15, 22, 9, 10, 10], 8, 33],
    ["thirty values", Array.from({ length: 30 }, (_, i) => (i * 37) % 101), 30, 67],
  ])("is the reference order-statistic interval for %s", (_, values, low, high) => {
    expect(medianInterval(values)).toEqual({ low, high });
  });

  it("has none below six values, where no pair of order statistics covers the median 95% of the time", () => {
    expect(medianInterval([3, 1, 4, 1, 5])).toBeNull();
  });
});
