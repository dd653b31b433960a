import { FakeExcel } from "../../test/support/fakeExcel";
import { runsOf } from "../../test/support/modelRuns";
import type { ModelCell } from "../engine/port/SheetModel";
import { PAYLOAD_BUDGET_BYTES } from "./excelPayload";
import { formatRanges } from "./formatRanges";
import { OfficeWorkbook } from "./OfficeWorkbook";

const grid = (
  rows: number,
  columns: number,
  style: (r: number, c: number) => ModelCell["style"],
): ModelCell[] =>
  Array.from({ length: rows * columns }, (_, i) => {
    const row = Math.floor(i / columns) + 1;
    const column = (i % columns) + 1;
    return { row, column, value: i, style: style(row, column) };
  });

describe("formatRanges", () => {
  it("sets a style shared by a block of cells once over the block", () => {
    const ranges = formatRanges(grid(500, 4, () => ({ border: true, wrap: true })));
    expect(ranges).toEqual([
      { address: "A1:D500", property: "wrap", value: true },
      { address: "A1:D500", property: "border", value: true },
    ]);
  });

  it("sets each property on its own cells, so a column of varying fills keeps one range for its borders", () => {
    const ranges = formatRanges(
      grid(4, 1, (r) => ({ border: true, fill: r % 2 === 0 ? "C6EFCE" : "FFC7CE" })),
    );
    expect(ranges.filter((r) => r.property === "border")).toEqual([
      { address: "A1:A4", property: "border", value: true },
    ]);
    expect(ranges.filter((r) => r.property === "fill").map((r) => [r.address, r.value])).toEqual([
      ["A1", "FFC7CE"],
      ["A3", "FFC7CE"],
      ["A2", "C6EFCE"],
      ["A4", "C6EFCE"],
    ]);
  });

  it("stacks only rows whose run of cells is the same, and leaves unstyled cells alone", () => {
    const cells = grid(3, 3, (r, c) => (r === 2 && c === 3 ? undefined : { bold: true }));
    expect(
      formatRanges(cells)
        .map((r) => r.address)
        .sort(),
    ).toEqual(["A1:C1", "A2:B2", "A3:C3"]);
  });

  it("sets nothing for styles that are Excel's defaults", () => {
    expect(formatRanges(grid(2, 2, () => ({ bold: false, numberFormat: "0%" })))).toEqual([]);
  });
});

describe("Writing a sheet whose every cell has its own style", () => {
  it("splits the styles over several syncs, each request under the budget", async () => {
    // 10,000 cells, each a different fill and font colour: nothing can be grouped.
    const colour = (r: number, c: number): string => ((r * 100 + c) % 0xffffff).toString(16).padStart(6, "0");
    const cells = grid(100, 100, (r, c) => ({
      fill: colour(r, c),
      fontColor: colour(c, r),
      border: r % 2 === 0,
    }));
    const excel = new FakeExcel();
    await new OfficeWorkbook(excel).writeSheet({ name: "Colours", purpose: "summary", runs: runsOf(cells) });
    expect(excel.syncs).toBeGreaterThan(4);
    expect(Math.max(...excel.records.map((r) => r.requestBytes))).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    expect(excel.styleAt("Colours", "C7", "fill.color")).toBe(`#${colour(7, 3)}`);
  });
});
