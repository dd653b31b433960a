import { addRankedCase, orderCases, rankOf, rankedCases } from "./caseOrder";

interface TestCase {
  id: string;
  rank: number;
  group?: string;
}

function ordered(cases: readonly TestCase[]): string[] {
  const ranked = rankedCases<TestCase>();
  for (const c of cases) addRankedCase(ranked, c, c.rank, c.group ?? null);
  return orderCases(ranked).map((c) => c.id);
}

const overdue = (days: number): number => rankOf(0, -days);
const dueSoon = (daysLeft: number): number => rankOf(1, daysLeft);
const toCheck = rankOf(2, 0);
const rest = rankOf(3, 0);

describe("ordering a worker's cases", () => {
  it("puts the most overdue first, then due soon by fewest days left, then dates to check, then the rest", () => {
    expect(
      ordered([
        { id: "C1", rank: rest },
        { id: "C2", rank: dueSoon(5) },
        { id: "C3", rank: overdue(2) },
        { id: "C4", rank: toCheck },
        { id: "C5", rank: dueSoon(1) },
        { id: "C6", rank: overdue(30) },
      ]),
    ).toEqual(["C6", "C3", "C5", "C2", "C4", "C1"]);
  });

  it("orders cases as bad as each other by ID as a person reads numbers: C9 before C10", () => {
    expect(ordered(["C10", "C9", "C100", "H2", "C09"].map((id) => ({ id, rank: rest })))).toEqual([
      "C9",
      "C09",
      "C10",
      "C100",
      "H2",
    ]);
  });

  it("keeps a sibling group together at the place of its worst member, worst first within it", () => {
    expect(
      ordered([
        { id: "C1", rank: overdue(3) },
        { id: "C2", rank: rest, group: "smith" },
        { id: "C3", rank: dueSoon(2) },
        { id: "C4", rank: overdue(10), group: "smith" },
      ]),
    ).toEqual(["C4", "C2", "C1", "C3"]);
  });

  it("keeps a repeated ID's rows together, as a group of their own", () => {
    expect(
      ordered([
        { id: "C7", rank: overdue(1) },
        { id: "C5", rank: dueSoon(3) },
        { id: "C7", rank: rest },
      ]).join(" "),
    ).toBe("C7 C7 C5");
  });
});
