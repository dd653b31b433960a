import { lowerBound } from "./lowerBound";

describe("lowerBound", () => {
  it("finds the first place holding the value or more", () => {
    const days = Int32Array.of(1, 3, 3, 7);
    expect(lowerBound(days, 0)).toBe(0);
    expect(lowerBound(days, 3)).toBe(1);
    expect(lowerBound(days, 4)).toBe(3);
    expect(lowerBound(days, 8)).toBe(4);
    expect(lowerBound(new Float64Array(0), 5)).toBe(0);
  });

  it("agrees with a scan on random sorted numbers", () => {
    for (let trial = 0; trial < 200; trial++) {
      const sorted = Float64Array.from({ length: trial % 17 }, () => Math.floor(Math.random() * 10)).sort();
      const value = Math.floor(Math.random() * 12) - 1;
      const scanned = sorted.findIndex((n) => n >= value);
      expect(lowerBound(sorted, value)).toBe(scanned === -1 ? sorted.length : scanned);
    }
  });
});
