import { pText, pointsText, signedPoints } from "./compareText";

describe("the comparison's numbers in words", () => {
  it.each([
    [0.0004, "p < 0.001"],
    [0.009, "p = 0.009"],
    [0.0504, "p = 0.0504"],
    [0.0496, "p = 0.0496"],
    [0.043, "p = 0.043"],
    [0.049996, "p = 0.049996"],
    [0.0500004, "p = 0.0500004"],
    [0.05, "p = 0.050"],
    [0.0996, "p = 0.10"],
    [0.0994, "p = 0.099"],
    [0.62, "p = 0.62"],
    [1, "p = 1.00"],
  ])("writes p-value %d as “%s”", (p, text) => {
    expect(pText(p)).toBe(text);
  });

  it("writes a change in percentage points with its sign", () => {
    expect(pointsText(0.2072)).toBe("+21 points");
    expect(pointsText(-0.01)).toBe("−1 point");
    expect(pointsText(0)).toBe("±0 points");
    expect([signedPoints(0.057), signedPoints(-0.04), signedPoints(0.001)]).toEqual(["+6", "−4", "0"]);
  });
});
