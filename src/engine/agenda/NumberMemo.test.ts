import { NO_DAY } from "../dates/epochDay";

import { numberMemo } from "./NumberMemo";

describe("remembering values by a whole number", () => {
  it("gives back what was set for each number, near or far, and nothing for the rest", () => {
    const memo = numberMemo<string>();
    const numbers = [0, 1, 255, 256, -1, -25_567, 47_846, 65_535, -65_536, 70_000, -70_000, NO_DAY, 2.5];
    for (const n of numbers) expect(memo.set(n, `n${n}`)).toBe(`n${n}`);
    for (const n of numbers) expect(memo.get(n)).toBe(`n${n}`);
    expect(memo.get(2)).toBeUndefined();
    expect(memo.get(1_000_000)).toBeUndefined();
  });
});
