import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  RIBBON_XML,
  VBA_PROJECT_BYTES,
  VBA_SIGNATURE_BYTES,
  hostileFolder,
  writeMacroWorkbook,
  writeOrdinaryTracker,
} from "../../test/support/hostileWorkbooks";
import { runsOf } from "../../test/support/modelRuns";
import { epochDayFromParts } from "../engine/dates/epochDay";
import { STATUS_BLOCK_MARKER } from "../engine/status/StatusColumnsModel";
import { STATUS_RULES } from "../engine/status/buildStatusColumns";
import { XlsxWorkbook } from "./XlsxWorkbook";
import { ZipArchive } from "./zipArchive";

const folder = hostileFolder("xlsx-package");

async function part(bytes: Uint8Array, path: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(path)?.async("string")) ?? "";
}

async function exceljsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const agenda = {
  name: "Agenda",
  purpose: "agenda" as const,
  runs: runsOf([{ row: 1, column: 1, value: "Joint tracking meeting", style: { bold: true } }]),
};

describe("the copy the .xlsx port saves", () => {
  it("copies a user's sheet it did not edit byte for byte: the very bytes of its zip entry", async () => {
    const input = readFileSync(await writeOrdinaryTracker(join(folder, "plain.xlsx"), 50));
    const port = await XlsxWorkbook.fromBuffer(input);
    await port.writeSheet(agenda);
    const saved = await port.toBuffer();
    const before = ZipArchive.open(input);
    const after = ZipArchive.open(saved);
    for (const name of ["xl/worksheets/sheet1.xml", "xl/theme/theme1.xml", "docProps/core.xml"]) {
      const a = before.entry(name);
      const b = after.entry(name);
      expect([
        name,
        b && after.compressedData(b).equals(a ? before.compressedData(a) : Buffer.alloc(0)),
      ]).toEqual([name, true]);
    }
    // The owned sheet is new, after the user's; exceljs reads both.
    const reread = await exceljsOf(saved);
    expect(reread.worksheets.map((w) => w.name)).toEqual(["Joint Tracker", "Agenda"]);
    expect(reread.getWorksheet("Agenda")?.getCell("A1").font).toMatchObject({ bold: true });
  });

  it("keeps a signed VBA project, its ribbon and its code names byte for byte, in a copy and a copy of the copy", async () => {
    const path = await writeMacroWorkbook(join(folder, "signed.xlsm"), { signed: true, ribbon: true });
    const port = await XlsxWorkbook.fromBuffer(readFileSync(path));
    await port.writeSheet(agenda);
    const once = await port.toBuffer();
    const twice = await (await XlsxWorkbook.fromBuffer(once)).toBuffer();
    for (const copy of [once, twice]) {
      const zip = await JSZip.loadAsync(copy);
      expect(
        Buffer.from((await zip.file("xl/vbaProject.bin")?.async("uint8array")) ?? []).equals(
          VBA_PROJECT_BYTES,
        ),
      ).toBe(true);
      expect(
        Buffer.from((await zip.file("xl/vbaProjectSignature.bin")?.async("uint8array")) ?? []).equals(
          VBA_SIGNATURE_BYTES,
        ),
      ).toBe(true);
      expect(await part(copy, "customUI/customUI14.xml")).toBe(RIBBON_XML);
      const rels = await part(copy, "xl/_rels/workbook.xml.rels");
      expect(rels.match(/relationships\/vbaProject"/g)).toHaveLength(1);
      const ids = [...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(await part(copy, "[Content_Types].xml")).toContain(
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
      expect(await part(copy, "xl/workbook.xml")).toMatch(/<workbookPr codeName="ThisWorkbook"/);
      expect(await part(copy, "xl/worksheets/sheet1.xml")).toMatch(/<sheetPr codeName="Sheet1"/);
    }
  });

  it("replaces an owned sheet in its tab's place, and the charts only the old one had go with it", async () => {
    const input = readFileSync(await writeOrdinaryTracker(join(folder, "charts.xlsx")));
    const summary = {
      name: "Summary",
      purpose: "summary" as const,
      runs: runsOf([
        { row: 1, column: 1, value: "Quarter" },
        { row: 1, column: 2, value: "PPMs" },
        { row: 2, column: 1, value: "Q1" },
        { row: 2, column: 2, value: 4 },
      ]),
      charts: [
        { type: "line" as const, title: "PPMs", dataRange: "A1:B2", anchor: { from: "D2", to: "J16" } },
      ],
    };
    const first = await XlsxWorkbook.fromBuffer(input);
    await first.writeSheet(summary);
    await first.writeSheet(agenda);
    const once = await first.toBuffer();
    expect(first.saveReport()).toEqual({ chartsDrawn: 1, notes: [] });

    const second = await XlsxWorkbook.fromBuffer(once);
    await second.writeSheet({ ...summary, charts: [] });
    const twice = await second.toBuffer();
    expect(second.saveReport()).toEqual({ chartsDrawn: 0, notes: [] });
    const names = Object.keys((await JSZip.loadAsync(twice)).files);
    expect(names.filter((n) => /^xl\/(charts|drawings)\//.test(n))).toEqual([]);
    expect(await part(twice, "[Content_Types].xml")).not.toMatch(/chart1\.xml|drawing1\.xml/);
    expect((await second.listSheets()).map((s) => s.name)).toEqual(["Joint Tracker", "Summary", "Agenda"]);
    expect((await exceljsOf(twice)).worksheets.map((w) => w.name)).toEqual([
      "Joint Tracker",
      "Summary",
      "Agenda",
    ]);
  });

  it("reads back a sheet it wrote before the copy is saved", async () => {
    const port = XlsxWorkbook.create();
    const due = epochDayFromParts(2025, 3, 14) ?? 0;
    await port.writeSheet({
      name: "Change log",
      purpose: "changeLog",
      runs: [
        { row: 1, column: 1, values: ["Change set"] },
        { row: 2, column: 1, values: ["CS-1", { date: due }, 3, true, "_x0041_ \u0001"] },
      ],
    });
    expect((await port.readSheet("change log")).values).toEqual([
      ["Change set"],
      ["CS-1", new Date(Date.UTC(2025, 2, 14)), 3, true, "_x0041_ \u0001"],
    ]);
  });

  it("writes the runs that share a row left to right, the later run winning a cell", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheet({
      name: "Mixed",
      purpose: "summaryData",
      runs: [
        { row: 2, column: 4, values: ["overwritten"] },
        { row: 2, column: 9, values: ["I2"] },
        { row: 1, column: 3, values: ["C1"] },
        { row: 1, column: 1, values: ["A1"] },
        { row: 2, column: 3, values: ["C2", "D2 from the later run"] },
        { row: 3, column: 1, values: ["A3", "B3"] },
        { row: 2, column: 1, values: ["A2", null] },
      ],
    });
    const bytes = await port.toBuffer();
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheet("Mixed")).values).toEqual([
      ["A1", null, "C1"],
      ["A2", null, "C2", "D2 from the later run", null, null, null, null, "I2"],
      ["A3", "B3"],
    ]);
    const sheet = await part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<dimension ref="A1:I3"/>');
    expect([...sheet.matchAll(/<c r="([A-Z]+)1"/g)].map((m) => m[1])).toEqual(["A", "C"]);
    expect([...sheet.matchAll(/<c r="([A-Z]+)2"/g)].map((m) => m[1])).toEqual(["A", "C", "D", "I"]);
  });

  it("links a number as it links text, and the number stays a number (the Summary data's tracker row)", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheet({
      name: "Summary data",
      purpose: "summaryData",
      runs: [
        {
          row: 4,
          column: 3,
          values: ["Joint Tracker", 17],
          link: { column: 4, sheet: "Joint Tracker", cell: "A17" },
        },
      ],
    });
    const saved = await exceljsOf(await port.toBuffer());
    expect(saved.getWorksheet("Summary data")?.getCell("D4").value).toEqual({
      formula: `HYPERLINK("#'Joint Tracker'!A17",17)`,
      result: 17,
    });
    expect(saved.getWorksheet("Summary data")?.getCell("C4").value).toBe("Joint Tracker");
  });

  it("refuses a run off the sheet as the bug it is, instead of writing a part Excel must repair", async () => {
    const port = XlsxWorkbook.create();
    for (const run of [
      { row: Number.NaN, column: 1, values: ["x"] },
      { row: 0, column: 1, values: ["x"] },
      { row: 1_048_577, column: 1, values: ["x"] },
      { row: 1, column: 16_384, values: ["XFD1", "past XFD"] },
    ]) {
      await expect(port.writeSheet({ name: "Off", purpose: "summaryData", runs: [run] })).rejects.toThrow(
        /off the sheet/,
      );
    }
  });

  it("writes the status block's note beside a user's own notes, and a re-run leaves one note of its own", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Joint Tracker");
    ws.addRow(["Child ID", "Social worker"]);
    ws.addRow(["C001", "Sam Patel"]);
    ws.getCell("A2").note = "Ring the IRO";
    const block = {
      sheet: "Joint Tracker",
      headerRow: 1,
      firstColumn: 4,
      headers: [STATUS_BLOCK_MARKER],
      note: "Written by the add-in",
      rows: [{ row: 2, values: ["Red"] }],
      clear: { columns: 0, lastRow: 2 },
      formatRange: "D2:D2",
      rules: [...STATUS_RULES],
      columnWidths: { 4: 14 },
    };
    const first = await XlsxWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect((await first.writeStatusColumns(block)).ok).toBe(true);
    const once = await first.toBuffer();
    const second = await XlsxWorkbook.fromBuffer(once);
    expect((await second.writeStatusColumns({ ...block, clear: { columns: 1, lastRow: 2 } })).ok).toBe(true);
    const twice = await second.toBuffer();
    for (const copy of [once, twice]) {
      const sheet = (await exceljsOf(copy)).getWorksheet("Joint Tracker")!;
      expect(sheet.getCell("A2").note).toEqual(ws.getCell("A2").note);
      expect(JSON.stringify(sheet.getCell("D1").note)).toContain("Written by the add-in");
      expect(sheet.getCell("D1").value).toBe(STATUS_BLOCK_MARKER);
      const comments = Object.keys((await JSZip.loadAsync(copy)).files).filter((n) =>
        /comments\d*\.xml$/.test(n),
      );
      expect(comments).toHaveLength(1);
      expect((await part(copy, comments[0] ?? "")).match(/<comment /g)).toHaveLength(2);
    }
  });

  it("writes a copy exceljs reads as the same workbook, dates and links included, after a fix and a new sheet", async () => {
    const input = readFileSync(await writeOrdinaryTracker(join(folder, "fix.xlsx"), 3));
    const port = await XlsxWorkbook.fromBuffer(input);
    const report = await port.applyChanges({
      id: "CS-1",
      description: "names",
      changes: [{ sheet: "Joint Tracker", cell: "B2", old: "Child 1", new: "Child One", rule: "TRIM" }],
    });
    expect(report.applied).toHaveLength(1);
    await port.writeSheet({
      name: "Data quality",
      purpose: "dataQuality",
      runs: runsOf([{ row: 1, column: 1, value: "B2", link: { sheet: "Joint Tracker", cell: "B2" } }]),
    });
    const saved = await port.toBuffer();
    const [before, after] = await Promise.all([exceljsOf(input), exceljsOf(saved)]);
    const values = (wb: ExcelJS.Workbook): unknown[] => {
      const rows: unknown[] = [];
      wb.getWorksheet("Joint Tracker")!.eachRow((row) => rows.push(row.values));
      return rows;
    };
    const expected = values(before) as unknown[][];
    (expected[1] as unknown[])[2] = "Child One";
    expect(values(after)).toEqual(expected);
    expect(after.getWorksheet("Data quality")?.getCell("A1").value).toEqual({
      formula: `HYPERLINK("#'Joint Tracker'!B2","B2")`,
      result: "B2",
    });
  });

  it("saves the same copy however often it is saved, edits to a sheet it wrote included", async () => {
    const input = readFileSync(await writeOrdinaryTracker(join(folder, "twice.xlsx"), 3));
    const port = await XlsxWorkbook.fromBuffer(input);
    await port.writeSheet({
      ...agenda,
      print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 1, last: 1 } },
    });
    await port.applyChanges({
      id: "CS-1",
      description: "agenda and tracker",
      changes: [
        { sheet: "Agenda", cell: "A1", old: "Joint tracking meeting", new: "JTM", rule: "TEST" },
        { sheet: "Joint Tracker", cell: "A2", old: "C1", new: "C01", rule: "TEST" },
      ],
    });
    const once = await port.toBuffer();
    const twice = await port.toBuffer();
    for (const name of [
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ])
      expect([name, await part(twice, name)]).toEqual([name, await part(once, name)]);
    expect((await part(once, "xl/workbook.xml")).match(/_xlnm.Print_Titles/g)).toHaveLength(1);
    const reread = await XlsxWorkbook.fromBuffer(twice);
    expect((await reread.readSheet("Agenda")).values).toEqual([["JTM"]]);
    expect((await reread.readSheet("Joint Tracker")).values[1]?.[0]).toBe("C01");
  });
});
