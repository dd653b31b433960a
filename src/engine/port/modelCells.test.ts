import { modelCellCount, modelCellsOf } from "./modelCells";
import type { SheetModel } from "./SheetModel";

const BOLD = { bold: true };

const compact: SheetModel = {
  name: "Compact",
  purpose: "summaryData",
  cells: [{ row: 1, column: 1, value: "Heading", style: BOLD }],
  rows: [
    {
      row: 2,
      column: 2,
      values: ["C001", 6],
      styles: [BOLD],
      link: { column: 2, sheet: "Joint Tracker", cell: "A3" },
    },
  ],
  columnBlocks: [
    {
      row: 4,
      column: 1,
      rowCount: 2,
      columns: [
        {
          values: [7, 9],
          style: BOLD,
          links: { sheets: ["PLO Tracker", "Joint Tracker"], rows: [7, 9], column: 1 },
        },
        { values: [20000, null], dates: true },
      ],
    },
  ],
};

describe("modelCellsOf", () => {
  it("gives the cells, then each row's cells left to right, then each block row by row", () => {
    expect([...modelCellsOf(compact)]).toEqual([
      { row: 1, column: 1, value: "Heading", style: BOLD },
      { row: 2, column: 2, value: "C001", style: BOLD, link: { sheet: "Joint Tracker", cell: "A3" } },
      { row: 2, column: 3, value: 6 },
      { row: 4, column: 1, value: 7, style: BOLD, link: { sheet: "PLO Tracker", cell: "A7" } },
      { row: 4, column: 2, value: { date: 20000 } },
      { row: 5, column: 1, value: 9, style: BOLD, link: { sheet: "Joint Tracker", cell: "A9" } },
      { row: 5, column: 2, value: null },
    ]);
  });

  it("counts the cells of every form without making them", () => {
    expect(modelCellCount(compact)).toBe(7);
  });

  it("gives a model of plain cells unchanged", () => {
    const model: SheetModel = { name: "Plain", purpose: "agenda", cells: [{ row: 1, column: 1, value: 1 }] };
    expect([...modelCellsOf(model)]).toEqual(model.cells);
  });
});
