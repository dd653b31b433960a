import { fakeExcelOf } from "../../test/support/fakeExcel";
import { runsOf } from "../../test/support/modelRuns";
import type { SheetModel } from "../engine/port/SheetModel";
import { OfficeWorkbook } from "./OfficeWorkbook";

const comparison: SheetModel = {
  name: "Compare 2025-01–06 v 2025-07–12",
  purpose: "comparison",
  runs: runsOf([
    { row: 1, column: 1, value: "1st PPM" },
    { row: 1, column: 2, value: "On time" },
    { row: 2, column: 1, value: "Before" },
    { row: 2, column: 2, value: 0.12 },
    { row: 3, column: 1, value: "After" },
    { row: 3, column: 2, value: 0.33 },
  ]),
  charts: [
    {
      type: "columnClustered",
      title: "1st PPM: on time, with 95% interval",
      dataRange: "A1:B3",
      anchor: { from: "A5", to: "H20" },
      errorBars: { minus: "C2:C3", plus: "D2:D3" },
    },
  ],
};

describe("OfficeWorkbook writing a chart with custom error bars", () => {
  it("draws the chart and tells the user its intervals are in the table, as Office.js cannot draw them", async () => {
    const excel = fakeExcelOf([]);
    const written = await new OfficeWorkbook(excel).writeSheet(comparison);
    expect(excel.sheet(comparison.name)?.charts).toEqual([
      {
        type: "ColumnClustered",
        source: "A1:B3",
        title: "1st PPM: on time, with 95% interval",
        from: "A5",
        to: "H20",
      },
    ]);
    expect(written.notes).toEqual([
      "Excel's add-in interface cannot draw custom error bars, so the charts on “Compare 2025-01–06 v 2025-07–12” show no 95% intervals: the intervals are in its table.",
    ]);
  });
});
