import type { CellStyle, ModelValue } from "../port/SheetModel";
import { fitRowHeights, rowHeights } from "./fitRowHeights";

const cell = (row: number, column: number, value: ModelValue, style?: CellStyle) => ({
  row,
  column,
  values: [value],
  styles: [style],
});

describe("fitting row heights to wrapped text", () => {
  it("leaves rows of one line alone", () => {
    expect(fitRowHeights([cell(1, 1, "short", { wrap: true })], { 1: 20 })).toEqual({});
  });

  it("gives a row one line's height per wrapped line and per line break", () => {
    const cells = [
      cell(2, 1, "x".repeat(45), { wrap: true }), // 3 lines of 19 characters
      cell(2, 2, "a\nb\nc\nd", { wrap: true }), // 4 lines
    ];
    expect(fitRowHeights(cells, { 1: 20, 2: 20 })).toEqual({ 2: 60 });
  });

  it("measures a merged cell across all its columns", () => {
    const cells = [cell(1, 1, "x".repeat(60), { wrap: true })];
    expect(fitRowHeights(cells, { 1: 10, 2: 10, 3: 10 }, ["A1:C1"])).toEqual({ 1: 45 });
    expect(fitRowHeights(cells, { 1: 10, 2: 10, 3: 10 })).toEqual({ 1: 105 });
  });

  it("ignores text that does not wrap", () => {
    expect(fitRowHeights([cell(1, 1, "x".repeat(100))], { 1: 10 })).toEqual({});
  });
});

describe("fitting row heights to rows of cells", () => {
  const wrap = { wrap: true };
  const small = { wrap: true, size: 9 };

  it("fits a run of cells as it fits the same cells one run each", () => {
    const row = {
      row: 3,
      column: 2,
      values: ["x".repeat(45), "a\nb\nc", "", 12, { date: 19000 }, "short"],
      styles: [wrap, small, wrap, wrap, wrap, undefined],
    };
    const cells = row.values.map((value, i) => cell(3, 2 + i, value, row.styles[i]));
    const widths = { 2: 20, 3: 10, 4: 10 };
    expect(fitRowHeights([row], widths)).toEqual(fitRowHeights(cells, widths));
    expect(fitRowHeights([row], widths)).toEqual({ 3: 45 });
  });

  it("measures a row's merged cell across all its columns", () => {
    const row = { row: 1, column: 1, values: ["x".repeat(60)], styles: [wrap] };
    expect(fitRowHeights([row], { 1: 10, 2: 10, 3: 10 }, ["A1:C1"])).toEqual({ 1: 45 });
  });

  it("lets rows that differ only in colour share the wrapping of one of them", () => {
    const red = { wrap: true, fill: "FFC7CE" };
    const green = { wrap: true, fill: "C6EFCE" };
    const heights = rowHeights({ 1: 10 });
    const wrapping = [red];
    heights.row({ row: 1, column: 1, values: ["x".repeat(30)], styles: [red] }, wrapping);
    heights.row({ row: 2, column: 1, values: ["x".repeat(30)], styles: [green] }, wrapping);
    expect(heights.fitted()).toEqual({ 1: 60, 2: 60 });
  });
});
