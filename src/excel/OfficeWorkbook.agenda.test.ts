import { FakeExcel } from "../../test/support/fakeExcel";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { modelCellsOf } from "../engine/port/modelCells";
import type { CellStyle, SheetModel } from "../engine/port/SheetModel";
import type { SheetWrite } from "../engine/port/WorkbookPort";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { cellAddress, parseRangeAddress } from "../engine/tables/cellAddress";
import type { CellValue } from "../engine/cells/CellValue";
import { agendaTracker } from "../jobs/agendaTracker";
import { PAYLOAD_BUDGET_BYTES } from "./excelPayload";
import { OfficeWorkbook } from "./OfficeWorkbook";
import { jointTrackingRequest } from "../../test/support/jointTrackingRequest";

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;

/** A memory workbook that keeps the models written to it, to write them again through Office. */
class KeepingWorkbook extends MemoryWorkbook {
  readonly models: SheetModel[] = [];

  override async writeSheet(model: SheetModel): Promise<SheetWrite> {
    this.models.push(model);
    return super.writeSheet(model);
  }
}

/** The joint tracking agenda of a generated tracker, as the agenda job builds it. */
async function jointTrackingAgenda(rows: number): Promise<{ memory: KeepingWorkbook; model: SheetModel }> {
  const sample = generateSampleTracker({ children: rows, seed: 1, asOf: AS_OF, messy: true });
  const memory = new KeepingWorkbook(sample.sheets);
  const outcome = await agendaTracker(memory, jointTrackingRequest(AS_OF, "2026-11-24"));
  const model = memory.models.find((m) => m.purpose === "agenda");
  if (outcome.kind !== "written" || !model) throw new Error("The agenda job wrote no agenda");
  return { memory, model };
}

/** What Office.js is asked to set for each style property, as the fake records it. */
const expectedSettings = (style: CellStyle): Array<[string, unknown]> => [
  ...(style.bold ? [["font.bold", true] as [string, unknown]] : []),
  ...(style.italic ? [["font.italic", true] as [string, unknown]] : []),
  ...(style.size ? [["font.size", style.size] as [string, unknown]] : []),
  ...(style.fontColor ? [["font.color", `#${style.fontColor}`] as [string, unknown]] : []),
  ...(style.fill ? [["fill.color", `#${style.fill}`] as [string, unknown]] : []),
  ...(style.wrap ? [["wrapText", true] as [string, unknown]] : []),
  ...(style.border ? [["border.EdgeTop", "Continuous"] as [string, unknown]] : []),
  ...(style.border ? [["border.EdgeLeft", "Continuous"] as [string, unknown]] : []),
];

/** An empty text cell is an empty cell in Excel; blank cells at the end of a row are not read. */
function asExcelHoldsThem(values: readonly CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    const cells = row.map((v) => (v === "" ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

// Statements the agenda cost when every cell's style was set on its own (a dozen for a bordered cell).
const perCellStatements = (model: SheetModel): number =>
  [...modelCellsOf(model)].reduce((sum, c) => {
    const style = c.style ?? {};
    const set = Object.keys(style).filter((k) => k !== "numberFormat").length;
    return sum + set + (style.border ? 5 : 0);
  }, 0);

describe.each([1_000, 10_000])(
  "The joint tracking agenda of a %i-row tracker written through Office",
  (rows) => {
    let memory: KeepingWorkbook;
    let model: SheetModel;
    let excel: FakeExcel;

    beforeAll(async () => {
      ({ memory, model } = await jointTrackingAgenda(rows));
      excel = new FakeExcel();
      await new OfficeWorkbook(excel).writeSheet(model);
    });

    it("keeps every request and response under the 4 MB budget", () => {
      expect(excel.records.length).toBeGreaterThanOrEqual(3);
      for (const record of excel.records) {
        expect(record.requestBytes).toBeLessThan(PAYLOAD_BUDGET_BYTES);
        expect(record.responseBytes).toBeLessThan(PAYLOAD_BUDGET_BYTES);
      }
    });

    it("leaves one visible agenda sheet and no temporary sheet", () => {
      expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([[model.name, "Visible"]]);
    });

    it("reads back the values the model holds", async () => {
      const office = await new OfficeWorkbook(excel).readSheet(model.name);
      const expected = await memory.readSheet(model.name);
      expect(office.values).toEqual(asExcelHoldsThem(expected.values));
      expect([...office.merges].sort()).toEqual([...(model.merges ?? [])].sort());
    });

    it("sets each cell's style, sending shared styles as ranges rather than cell by cell", () => {
      const sheet = excel.sheet(model.name);
      if (!sheet) throw new Error("No agenda sheet");
      // Well under a fifth of the statements per-cell styling needed.
      expect(sheet.styles.length * 5).toBeLessThan(perCellStatements(model));
      // Every format set, cell by cell: the fake's own lookup scans them all for each cell.
      const set = new Map<string, unknown>();
      for (const { address, property, value } of sheet.styles) {
        const at = parseRangeAddress(address);
        if (!at || at.bottom === 1_048_576 || at.right === 16_384) continue; // widths, heights
        for (let r = at.top; r <= at.bottom; r++) {
          for (let c = at.left; c <= at.right; c++) set.set(`${cellAddress(r, c)} ${property}`, value);
        }
      }
      const wrong = [...modelCellsOf(model)].flatMap((cell) => {
        const address = cellAddress(cell.row, cell.column);
        const style = cell.style ?? {};
        const want = expectedSettings(style);
        const got = want.map(([property]) => [property, set.get(`${address} ${property}`)]);
        if (!style.fill) want.push(["fill.color", undefined]);
        if (!style.fill) got.push(["fill.color", set.get(`${address} fill.color`)]);
        return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ address, want, got }];
      });
      expect(wrong.slice(0, 3)).toEqual([]);
    });

    it("writes every link and row height", () => {
      const sheet = excel.sheet(model.name);
      const links = [...modelCellsOf(model)].filter((c) => c.link);
      expect(links.length).toBeGreaterThan(0);
      expect(sheet?.hyperlinks.size).toBe(links.length);
      const [row, points] = Object.entries(model.rowHeights ?? {})[0] ?? [];
      if (row !== undefined) expect(excel.styleAt(model.name, `A${row}`, "rowHeight")).toBe(points);
    });
  },
);
