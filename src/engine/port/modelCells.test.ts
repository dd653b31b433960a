import { modelCellCount, modelCellsOf } from "./modelCells";
import type { SheetModel } from "./SheetModel";

const BOLD = { bold: true };

const runs: SheetModel = {
  name: "Runs",
  purpose: "summaryData",
  rows: [
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
