import ExcelJS from "exceljs";
import { FakeExcel, type FakeCellValue } from "../../test/support/fakeExcel";
import { runsOf } from "../../test/support/modelRuns";
import { epochDayFromParts } from "../engine/dates/epochDay";
import type { ModelRun, SheetModel } from "../engine/port/SheetModel";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { CELLS_PER_CHUNK, PAYLOAD_BUDGET_BYTES } from "./excelPayload";
import { OfficeWorkbook } from "./OfficeWorkbook";

const COLUMNS = 6;

function trackerOf(rows: number): FakeExcel {
  const excel = new FakeExcel();
  const values: FakeCellValue[][] = [
    ["Child ID", "Name", "Date became looked after", "Team", "Worker", "Legal status"],
  ];
  const formats: (string | undefined)[][] = [[]];
  for (let i = 1; i <= rows; i++) {
    values.push([`C${String(i).padStart(6, "0")}`, "A.B.", 45000 + (i % 900), "North", "J. Smith", "C2"]);
    formats.push([undefined, undefined, "dd/mm/yyyy"]);
  }
  excel.addSheet({ name: "Joint Tracker", values, formats });
  return excel;
}

function modelOf(rows: number): SheetModel {
  const runs: ModelRun[] = [];
  for (let r = 1; r <= rows; r++) {
    runs.push({ row: r, column: 1, values: [`C${r}`, { date: 19000 + (r % 500) }, r % 7, "Overdue"] });
  }
  return { name: "Data quality", purpose: "dataQuality", runs: runs };
}

const largestPayload = (excel: FakeExcel): number =>
  Math.max(...excel.records.map((r) => Math.max(r.requestBytes, r.responseBytes)));

describe("OfficeWorkbook at scale", () => {
  it("reads several small sheets in two syncs: one to size them all, one for all their cells", async () => {
    const excel = trackerOf(1_000);
    excel.addSheet({
      name: "PLO Tracker",
      values: [
        ["Child ID", "Date of first LPM"],
        ["C1", 45000],
      ],
    });
    excel.addSheet({ name: "Empty", values: [] });
    const read = await new OfficeWorkbook(excel).readSheets(["Joint Tracker", "Empty", "PLO Tracker"]);
    expect(read.map((s) => s.values.length)).toEqual([1_001, 0, 2]);
    expect(read[2]?.values[1]).toEqual(["C1", 45000]);
    expect(excel.syncs).toBe(2);
  });

  it("reads every row of a sheet that takes several syncs before the sheets after it", async () => {
    const excel = new FakeExcel();
    // Five columns: a chunk of whole rows leaves a few cells of its budget over, which must not be
    // spent on the next sheet while this one still has rows to read.
    const values: FakeCellValue[][] = [["Child ID", "Name", "Team", "Worker", "Status"]];
    for (let i = 1; i <= 30_000; i++)
      values.push([`C${String(i).padStart(6, "0")}`, "A.B.", "North", "J. S.", "C2"]);
    excel.addSheet({ name: "Joint Tracker", values });
    excel.addSheet({ name: "PLO Tracker", values: [["Child ID"], ["P1"], ["P2"]] });
    const read = await new OfficeWorkbook(excel).readSheets(["Joint Tracker", "PLO Tracker"]);
    expect(excel.syncs).toBeGreaterThan(2);
    expect(read[0]?.values).toHaveLength(30_001);
    expect(read[0]?.values[30_000]?.[0]).toBe("C030000");
    expect(read[1]?.values).toEqual([["Child ID"], ["P1"], ["P2"]]);
  });

  it("reads 100,000 rows in one sync per budget of measured bytes, every payload under the budget", async () => {
    const excel = trackerOf(100_000);
    const snapshot = await new OfficeWorkbook(excel).readSheet("Joint Tracker");
    expect(snapshot.values).toHaveLength(100_001);
    expect(snapshot.values[100_000]?.[2]).toBeInstanceOf(Date);
    expect(largestPayload(excel)).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    const bytes = excel.records.reduce((sum, r) => sum + r.responseBytes, 0);
    // The chunks follow what the responses measure: about one sync per budget, not per fixed chunk.
    expect(excel.syncs).toBeLessThanOrEqual(1 + Math.ceil(bytes / (PAYLOAD_BUDGET_BYTES / 2)));
    expect(excel.syncs).toBeLessThan(Math.ceil((100_001 * COLUMNS) / CELLS_PER_CHUNK));
  });

  it("asks again in halves for rows whose response passes Excel's limit, and reads them all", async () => {
    const excel = new FakeExcel();
    const values: FakeCellValue[][] = [["Child ID", "Notes"]];
    // Short rows teach the reader to take large chunks; then rows of long case notes follow.
    for (let i = 1; i <= 60_000; i++) values.push([`C${i}`, "ok"]);
    for (let i = 1; i <= 2_000; i++) values.push([`N${i}`, "x".repeat(3_000)]);
    excel.addSheet({ name: "Notes", values });
    const snapshot = await new OfficeWorkbook(excel).readSheet("Notes");
    expect(excel.records.some((r) => r.responseBytes > 5 * 1024 * 1024)).toBe(true);
    expect(snapshot.values).toHaveLength(62_001);
    expect(snapshot.values[62_000]).toEqual(["N2000", "x".repeat(3_000)]);
  });

  it("writes with the same fixed syncs plus one per budget-sized batch, each request under the budget", async () => {
    const syncsFor = async (rows: number): Promise<{ syncs: number; largest: number }> => {
      const excel = new FakeExcel();
      await new OfficeWorkbook(excel).writeSheet(modelOf(rows));
      expect(excel.cell("Data quality", `B${rows}`).format).toBe("dd/mm/yyyy");
      return { syncs: excel.syncs, largest: Math.max(...excel.records.map((r) => r.requestBytes)) };
    };
    const small = await syncsFor(1_000);
    const large = await syncsFor(100_000);
    expect(small.syncs).toBe(3); // plan, adding the sheet, content
    expect(large.largest).toBeLessThan(PAYLOAD_BUDGET_BYTES);
    // 100,000 rows of four cells are about 9 MB of values and formats: three batches, not 100,000.
    expect(large.syncs).toBeLessThanOrEqual(small.syncs + 3);
  });
});

describe("OfficeWorkbook and XlsxWorkbook", () => {
  const model: SheetModel = {
    name: "Agenda",
    purpose: "agenda",
    runs: runsOf([
      { row: 1, column: 1, value: "Joint tracking surgery", style: { bold: true } },
      { row: 2, column: 1, value: "Child ID" },
      { row: 2, column: 2, value: "Due" },
      { row: 2, column: 3, value: "Weeks" },
      { row: 3, column: 1, value: "C001", link: { sheet: "Agenda", cell: "A1" } },
      { row: 3, column: 2, value: { date: epochDayFromParts(2025, 3, 14) ?? 0 } },
      { row: 3, column: 3, value: 0.25, style: { numberFormat: "0%" } },
      { row: 4, column: 1, value: "Needs 2nd review" },
      { row: 4, column: 3, value: true },
    ]),
    merges: ["A1:C1"],
  };

  it("write the same values and number formats, read back through one reader", async () => {
    const viaOffice = new FakeExcel();
    await new OfficeWorkbook(viaOffice).writeSheet(model);

    const xlsx = XlsxWorkbook.create();
    await xlsx.writeSheet(model);
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load((await xlsx.toBuffer()) as unknown as ExcelJS.Buffer);
    const viaFile = openInExcel(opened);

    const office = await new OfficeWorkbook(viaOffice).readSheetWithFormats("Agenda");
    const file = await new OfficeWorkbook(viaFile).readSheetWithFormats("Agenda");
    expect(office.snapshot.values).toEqual(file.snapshot.values);
    expect(office.snapshot.merges).toEqual(file.snapshot.merges);
    // Text Excel would re-read ("Needs 2nd review" has a digit) is kept as Text ("@") in Excel; it
    // shows the same as General, which exceljs needs no format for.
    const plain = (formats: string[][]): string[][] =>
      formats.map((row) => row.map((f) => (f === "@" ? "General" : f)));
    expect(plain(office.numberFormats)).toEqual(plain(file.numberFormats));
    expect(office.numberFormats[2]).toEqual(["@", "dd/mm/yyyy", "0%"]);
  });
});

/** Opens an .xlsx in the fake as Excel would: dates as serials with their format, formulas as results. */
function openInExcel(workbook: ExcelJS.Workbook): FakeExcel {
  const excel = new FakeExcel();
  for (const ws of workbook.worksheets) {
    const values: FakeCellValue[][] = [];
    const formats: (string | undefined)[][] = [];
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        // exceljs repeats a merge's value in every cell it covers; Excel holds it in the first.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const raw = cell.value;
        const value =
          raw !== null && typeof raw === "object" && "formula" in raw
            ? (raw.result as ExcelJS.CellValue)
            : raw;
        const held: FakeCellValue | undefined =
          value instanceof Date
            ? value.getTime() / 86_400_000 + 25_569
            : typeof value === "string" || typeof value === "number" || typeof value === "boolean"
              ? value
              : undefined;
        if (held === undefined) return;
        (values[r - 1] ??= [])[c - 1] = held;
        if (cell.numFmt) (formats[r - 1] ??= [])[c - 1] = cell.numFmt;
      });
    });
    excel.addSheet({
      name: ws.name,
      values: Array.from(values, (row) => row ?? []),
      formats,
      merges: [...ws.model.merges],
    });
  }
  return excel;
}
