import { modelCellsOf } from "./modelCells";
import { SheetRuns } from "./sheetRuns";

const BOLD = { bold: true };
const ITALIC = { italic: true };

describe("SheetRuns", () => {
  it("makes a cell a run of one, with its style and its link on its own column", () => {
    const c = new SheetRuns();
    c.cell(1, 1, "Title", BOLD);
    c.cell(5, 3, "B2", undefined, { sheet: "Joint Tracker", cell: "B2" });
    expect(c.runs).toEqual([
      { row: 1, column: 1, values: ["Title"], styles: [BOLD] },
      { row: 5, column: 3, values: ["B2"], link: { sheet: "Joint Tracker", cell: "B2", column: 3 } },
    ]);
  });

  it("styles every cell of a row alike, or each by its own style", () => {
    const c = new SheetRuns();
    c.row(3, 2, ["Name", "Cohort"], BOLD);
    c.row(4, 2, ["Team A", 4, 3], [ITALIC, undefined]);
    expect([...modelCellsOf({ name: "x", purpose: "summary", runs: c.runs })]).toEqual([
      { row: 3, column: 2, value: "Name", style: BOLD },
      { row: 3, column: 3, value: "Cohort", style: BOLD },
      { row: 4, column: 2, value: "Team A", style: ITALIC },
      { row: 4, column: 3, value: 4 },
      { row: 4, column: 4, value: 3 },
    ]);
  });

  it("makes no run of an empty row", () => {
    const c = new SheetRuns();
    c.row(1, 1, []);
    expect(c.runs).toEqual([]);
  });
});
