import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { defaultStandard, evaluate } from "../../../test/support/evaluationFixtures";
import { explainResult } from "./explainResult";

const titleOf = (id: string): string | undefined => DEFAULT_STANDARDS.find((s) => s.id === id)?.title;

describe("explainResult", () => {
  it("spells out an overdue review with its dates and basis", () => {
    const result = evaluate("cla-review-2", { firstReview: "14/12/2024" }, "2025-03-24");
    expect(explainResult(result, defaultStandard("cla-review-2"))).toBe(
      "2nd CLA review due 14/03/2025 (3 months after the 1st CLA review on 14/12/2024; statutory, " +
        "CPPCR 2010 reg 33(2)): overdue by 6 working days",
    );
  });

  it("says a late 1st review was done after the deadline, without blame", () => {
    const result = evaluate(
      "cla-review-1",
      { becameLookedAfter: "27/05/2022", firstReview: "29/06/2022" },
      "2022-07-01",
    );
    const sentence = explainResult(result, defaultStandard("cla-review-1"));
    expect(sentence).toMatch(
      /^1st CLA review due 28\/06\/2022 \(20 working days after becoming looked after on 27\/05\/2022; statutory, .*reg 33\(1\)\): done on 29\/06\/2022, 1 working day after the deadline$/,
    );
    expect(sentence).not.toMatch(/fail/i);
  });

  it("names the standard a plan is due by", () => {
    const result = evaluate(
      "permanence-plan",
      { becameLookedAfter: "01/10/2024", firstReview: "14/12/2024" },
      "2025-03-10",
    );
    expect(explainResult(result, defaultStandard("permanence-plan"), { standardTitle: titleOf })).toBe(
      "Permanence plan agreed due 14/03/2025 (by the 2nd CLA review, itself due that day; statutory guidance, " +
        "Children Act 1989 guidance and regulations vol 2 (plan for permanence by the 2nd review)): due in 4 working days",
    );
  });

  it("explains why a standard does not apply or cannot be assessed", () => {
    const ltf = defaultStandard("match-adm");
    expect(
      explainResult(
        evaluate("match-adm", { permanencePlan: "ADOPTION", matchToPanel: "03/03/2025" }, "2025-04-01"),
        ltf,
      ),
    ).toBe(
      "ADM decision on the long-term fostering match: not applicable (only where permanence plan is LTF)",
    );
    expect(
      explainResult(
        evaluate("cla-review-1", { becameLookedAfter: "31/02/2022" }, "2022-07-01"),
        defaultStandard("cla-review-1"),
      ),
    ).toBe(
      "1st CLA review: cannot be assessed: becoming looked after: “31/02/2022” is not a valid date: there is no 31 February 2022",
    );
    expect(
      explainResult(
        evaluate("ppm-first", { becameLookedAfter: "27/05/2022", firstPpm: "20/05/2022" }, "2022-07-01"),
        defaultStandard("ppm-first"),
      ),
    ).toBe(
      "1st permanency planning meeting: cannot be assessed: the 1st PPM (20/05/2022) is dated before becoming looked after (27/05/2022)",
    );
    expect(
      explainResult(
        evaluate(
          "cla-review-1",
          { becameLookedAfter: "27/05/2022", permanenceAchieved: "01/06/2022" },
          "2022-07-01",
        ),
        defaultStandard("cla-review-1"),
      ),
    ).toBe("1st CLA review: not applicable (closed on 01/06/2022, before it was due on 28/06/2022)");
  });

  it("counts down to a deadline that is not yet due", () => {
    const result = evaluate("ppm-first", { becameLookedAfter: "27/05/2022" }, "2022-05-30");
    expect(explainResult(result, defaultStandard("ppm-first"))).toMatch(
      /: not yet due \(9 working days to go\)$/,
    );
  });
});
