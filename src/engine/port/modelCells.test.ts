import { checkRunOnSheet, modelCellCount, modelCellsOf, resolvedCells } from "./modelCells";
import type { ModelValue, SheetModel } from "./SheetModel";

const BOLD = { bold: true };

const runs: SheetModel = {
  name: "Runs",
  purpose: "summaryData",
  runs: [
    { row: 1, column: 1, values: ["Heading"], styles: [BOLD] },
    {
      row: 2,
      column: 2,
      values: ["C001", 6, { date: 20000 }, null],
      styles: [BOLD],
      link: { column: 2, sheet: "Joint Tracker", cell: "A3" },
    },
    { row: 1, column: 6, values: ["Note"] },
    { row: 3, column: 1, values: [] },
  ],
};

describe("modelCellsOf", () => {
  it("gives each run's cells left to right, in the runs' order, with a style or link only where there is one", () => {
    expect([...modelCellsOf(runs)]).toEqual([
      { row: 1, column: 1, value: "Heading", style: BOLD },
      { row: 2, column: 2, value: "C001", style: BOLD, link: { sheet: "Joint Tracker", cell: "A3" } },
      { row: 2, column: 3, value: 6 },
      { row: 2, column: 4, value: { date: 20000 } },
      { row: 2, column: 5, value: null },
      { row: 1, column: 6, value: "Note" },
    ]);
  });

  it("makes cells with the keys in one order, and no style or link key where there is none", () => {
    expect([...modelCellsOf(runs)].map((cell) => Object.keys(cell).join(","))).toEqual([
      "row,column,value,style",
      "row,column,value,style,link",
      "row,column,value",
      "row,column,value",
      "row,column,value",
      "row,column,value",
    ]);
  });

  it("counts the cells of every run without making them", () => {
    expect(modelCellCount(runs)).toBe(6);
  });
});

describe("resolvedCells", () => {
  it("keeps each cell once: where runs overlap, the later run's value, with none of the earlier one's style or link", () => {
    const overlapping: SheetModel = {
      name: "Overlap",
      purpose: "summaryData",
      runs: [
        {
          row: 2,
          column: 1,
          values: ["Linked", "x"],
          styles: [BOLD],
          link: { column: 1, sheet: "T", cell: "A2" },
        },
        { row: 1, column: 1, values: ["Heading"] },
        { row: 2, column: 1, values: ["Plain"] },
      ],
    };
    expect(resolvedCells(overlapping)).toEqual([
      { row: 1, column: 1, value: "Heading" },
      { row: 2, column: 1, value: "Plain" },
      { row: 2, column: 2, value: "x" },
    ]);
  });

  it("gives the cells as they are when no runs overlap, in the runs' order", () => {
    expect(resolvedCells(runs)).toEqual([...modelCellsOf(runs)]);
  });

  it("reads a hole in a run's values as a blank cell", () => {
    const values = new Array<ModelValue>(3);
    values[0] = "a";
    values[2] = "c";
    const holes: SheetModel = {
      name: "Holes",
      purpose: "summaryData",
      runs: [{ row: 1, column: 1, values }],
    };
    expect([...modelCellsOf(holes)].map((c) => c.value)).toEqual(["a", null, "c"]);
  });
});

describe("checkRunOnSheet", () => {
  it("refuses a run off Excel's grid, and takes one that reaches its last cell", () => {
    expect(() => checkRunOnSheet({ row: Number.NaN, column: 1, values: ["x"] })).toThrow(/off the sheet/);
    expect(() => checkRunOnSheet({ row: 0, column: 1, values: ["x"] })).toThrow(/off the sheet/);
    expect(() => checkRunOnSheet({ row: 1, column: 16_384, values: ["x", "y"] })).toThrow(/off the sheet/);
    expect(() => checkRunOnSheet({ row: 1_048_576, column: 16_384, values: ["XFD1048576"] })).not.toThrow();
  });
});
