import { fitRowHeights } from "./fitRowHeights";

describe("fitting row heights to wrapped text", () => {
  it("leaves rows of one line alone", () => {
    expect(fitRowHeights([{ row: 1, column: 1, value: "short", style: { wrap: true } }], { 1: 20 })).toEqual(
      {},
    );
  });

  it("gives a row one line's height per wrapped line and per line break", () => {
    const cells = [
      { row: 2, column: 1, value: "x".repeat(45), style: { wrap: true } }, // 3 lines of 19 characters
      { row: 2, column: 2, value: "a\nb\nc\nd", style: { wrap: true } }, // 4 lines
    ];
    expect(fitRowHeights(cells, { 1: 20, 2: 20 })).toEqual({ 2: 60 });
  });

  it("measures a merged cell across all its columns", () => {
    const cells = [{ row: 1, column: 1, value: "x".repeat(60), style: { wrap: true } }];
    expect(fitRowHeights(cells, { 1: 10, 2: 10, 3: 10 }, ["A1:C1"])).toEqual({ 1: 45 });
    expect(fitRowHeights(cells, { 1: 10, 2: 10, 3: 10 })).toEqual({ 1: 105 });
  });

  it("ignores text that does not wrap", () => {
    expect(fitRowHeights([{ row: 1, column: 1, value: "x".repeat(100) }], { 1: 10 })).toEqual({});
  });
});
