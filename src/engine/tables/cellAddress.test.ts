import { cellAddress, columnLetters, parseCellAddress, parseRangeAddress } from "./cellAddress";

describe("A1 addresses", () => {
  it("names columns as Excel does, past Z and past ZZ", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("reads back every address it writes", () => {
    for (const column of [1, 26, 27, 703, 16384]) {
      expect(parseCellAddress(cellAddress(42, column))).toEqual({ row: 42, column });
    }
    expect(parseCellAddress("$d$7")).toEqual({ row: 7, column: 4 });
    expect(parseCellAddress("D0")).toBeUndefined();
    expect(parseCellAddress("7D")).toBeUndefined();
  });

  it("reads a range whichever corner comes first, and a single cell as a range", () => {
    expect(parseRangeAddress("F9:A1")).toEqual({ top: 1, left: 1, bottom: 9, right: 6 });
    expect(parseRangeAddress("C3")).toEqual({ top: 3, left: 3, bottom: 3, right: 3 });
    expect(parseRangeAddress("A1:nope")).toBeUndefined();
  });
});
