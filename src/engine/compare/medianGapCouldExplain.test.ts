import { medianGapCouldExplain } from "./medianGapCouldExplain";

const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value);

describe("whether the cases with no value could explain a change in working days", () => {
  it("finds a quicker after period explained away when 30 of its 59 cases have no value, though both medians are 10", () => {
    // The rank test calls this a significant improvement (p < 0.001) with both medians 10; had the 30
    // cases with no value all been slow, the after period would have tended to take longer.
    const before = { values: [...repeat(10, 15), ...repeat(20, 14)], missingAtLeast: [] };
    const after = { values: [...repeat(5, 14), ...repeat(10, 15)], missingAtLeast: repeat(0, 30) };
    expect(medianGapCouldExplain(before, after)).toBe(true);
  });

  it("keeps that change when every case has a value", () => {
    const before = { values: [...repeat(10, 15), ...repeat(20, 14)], missingAtLeast: [] };
    const after = { values: [...repeat(5, 14), ...repeat(10, 15)], missingAtLeast: [] };
    expect(medianGapCouldExplain(before, after)).toBe(false);
  });

  it("keeps a large change that two cases with no value cannot reverse", () => {
    const before = { values: repeat(40, 20), missingAtLeast: [0] };
    const after = { values: repeat(10, 20), missingAtLeast: [0] };
    expect(medianGapCouldExplain(before, after)).toBe(false);
  });

  it("explains away a worsening when the slower period's missing cases could all have been quick", () => {
    const before = { values: [...repeat(10, 10), ...repeat(30, 10)], missingAtLeast: repeat(35, 5) };
    const after = { values: [...repeat(20, 10), ...repeat(30, 10)], missingAtLeast: repeat(0, 20) };
    expect(medianGapCouldExplain(before, after)).toBe(true);
  });

  it("finds nothing to explain when neither period tended to take longer", () => {
    expect(
      medianGapCouldExplain(
        { values: [5, 10], missingAtLeast: [0] },
        { values: [10, 5], missingAtLeast: [] },
      ),
    ).toBe(false);
  });
});
