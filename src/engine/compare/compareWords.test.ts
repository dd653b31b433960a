import { comparePeriodOf } from "./compareFixtures";
import { compareWords } from "./compareWords";

describe("compareWords", () => {
  it("says 0 of 0 for a period with no cases and no gaps, never NaN%", () => {
    const words = compareWords({
      verdict: "too few cases",
      before: comparePeriodOf("2025-01..2025-06"),
      after: comparePeriodOf("2025-07..2025-12"),
      beforeText: "60% on time (3 of 5)",
      afterText: "no cases",
      changeText: "",
      testText: "",
      casesBefore: 5,
      casesAfter: 0,
      noInformationBefore: 2,
      noInformationAfter: 0,
    });
    expect(words).toContain("for 2 of 7 (29%) before and 0 of 0 after");
    expect(words).not.toContain("NaN");
  });
});
