import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeWorkbookPort } from "../../test/contract/workbookPortContract";
import { writeXlsxFixture } from "../../test/contract/writeXlsxFixture";
import { runsOf } from "../../test/support/modelRuns";
import { epochDayFromParts } from "../engine/dates/epochDay";
import { XlsxWorkbook } from "./XlsxWorkbook";

const folder = mkdtempSync(join(tmpdir(), "xlsx-workbook-"));
let files = 0;
const nextPath = (): string => join(folder, `book-${++files}.xlsx`);

describeWorkbookPort("XlsxWorkbook", async (sheets) => {
  const path = nextPath();
  await writeXlsxFixture(path, sheets);
  const port = await XlsxWorkbook.load(path);
  return Object.assign(port, {
    // Round-trips through a real file: what was written is what Excel would open.
    async reload() {
      const saved = nextPath();
      await port.save(saved);
      return XlsxWorkbook.load(saved);
    },
  });
});

/** A user's tracker with everything Excel users put in one: formulas, formats, validation, colours. */
async function userWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("LAC tracker");
  ws.getColumn(1).width = 11;
  ws.getColumn(3).width = 17;
  ws.mergeCells("A1:E1");
  ws.getCell("A1").value = "Children looked after: November";
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getRow(2).values = ["LAC ID", "Name", "Date became LAC", "Weeks in care", "Linked"];
  ws.getCell("A3").value = "C001";
  ws.getCell("B3").value = { richText: [{ text: "A." }, { text: "B.", font: { italic: true } }] };
  ws.getCell("C3").value = new Date(Date.UTC(2024, 3, 3));
  ws.getCell("C3").numFmt = "dd/mm/yyyy";
  ws.getCell("D3").value = { formula: "ROUND((TODAY()-C3)/7,0)", result: 84 };
  ws.getCell("E3").value = { text: "record", hyperlink: "https://example.org/record" };
  ws.getCell("A4").value = "C002";
  ws.getCell("C4").value = "03/04/2024";
  ws.getCell("D4").value = { formula: "VLOOKUP(A4,Z:Z,1,FALSE)", result: { error: "#N/A" } };
  ws.getCell("C5").value = { formula: "C3+1", result: new Date(Date.UTC(2024, 3, 4)) };
  ws.getCell("C5").numFmt = "dd/mm/yyyy";
  ws.getCell("C4").dataValidation = {
    type: "date",
    operator: "greaterThan",
    formulae: [new Date(Date.UTC(2000, 0, 1))],
  };
  ws.addConditionalFormatting({
    ref: "D3:D10",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["52"],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  wb.addWorksheet("Lists").getCell("A1").value = "C2";
  await wb.xlsx.writeFile(path);
}

describe("XlsxWorkbook", () => {
  it("reads formulas as their cached results, rich text and links as text, error cells as errors", async () => {
    const path = nextPath();
    await userWorkbook(path);
    const snapshot = await (await XlsxWorkbook.load(path)).readSheet("LAC tracker");
    expect(snapshot.values[2]).toEqual(["C001", "A.B.", new Date(Date.UTC(2024, 3, 3)), 84, "record"]);
    expect(snapshot.values[3]).toEqual(["C002", null, "03/04/2024", { error: "#N/A" }]);
    expect(snapshot.values[4]).toEqual([null, null, new Date(Date.UTC(2024, 3, 4))]);
    // The merged title's value sits in A1 only.
    expect(snapshot.values[0]).toEqual(["Children looked after: November"]);
  });

  it("carries a user's sheets over unchanged when one change is applied and the file saved", async () => {
    const before = nextPath();
    await userWorkbook(before);
    const port = await XlsxWorkbook.load(before);
    const report = await port.applyChanges({
      id: "fix-1",
      description: "Text date made a real date",
      changes: [
        {
          sheet: "LAC tracker",
          cell: "C4",
          old: "03/04/2024",
          new: new Date(Date.UTC(2024, 3, 3)),
          numberFormat: "dd/mm/yyyy",
          rule: "text-date",
        },
      ],
    });
    expect(report.skipped).toEqual([]);
    const after = nextPath();
    await port.save(after);

    const [a, b] = await Promise.all(
      [before, after].map(async (p) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(p);
        return wb;
      }),
    );
    const original = a!.getWorksheet("LAC tracker")!;
    const saved = b!.getWorksheet("LAC tracker")!;
    expect(b!.worksheets.map((w) => w.name)).toEqual(["LAC tracker", "Lists"]);
    for (let row = 1; row <= 5; row++) {
      for (let column = 1; column <= 5; column++) {
        const address = `${String.fromCharCode(64 + column)}${row}`;
        if (address === "C4") continue;
        expect([address, saved.getCell(address).value]).toEqual([address, original.getCell(address).value]);
        expect([address, saved.getCell(address).style]).toEqual([address, original.getCell(address).style]);
      }
    }
    expect(saved.getCell("C4").value).toEqual(new Date(Date.UTC(2024, 3, 3)));
    expect(saved.getCell("C4").numFmt).toBe("dd/mm/yyyy");
    expect(saved.getCell("C4").dataValidation).toEqual(original.getCell("C4").dataValidation);
    expect(saved.getColumn(1).width).toBe(11);
    expect(saved.getColumn(3).width).toBe(17);
    expect(saved.model.merges).toEqual(["A1:E1"]);
    // exceljs keeps conditional formats on the sheet at run time but leaves them out of its types.
    const formats = (ws: ExcelJS.Worksheet): unknown =>
      (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings;
    expect(formats(saved)).toEqual(formats(original));
    expect(formats(saved)).toHaveLength(1);
    expect(b!.getWorksheet("Lists")!.getCell("A1").value).toBe("C2");
  });

  it("writes everything a model asks for: dates dd/mm/yyyy, styles, widths, panes, print setup, links", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheet({
      name: "Agenda",
      purpose: "agenda",
      runs: runsOf([
        {
          row: 1,
          column: 1,
          value: "Surgery",
          style: { bold: true, size: 14, fill: "DDEBF7", fontColor: "1F4E79" },
        },
        { row: 2, column: 1, value: { date: epochDayFromParts(2025, 3, 14) ?? 0 }, style: { border: true } },
        { row: 3, column: 1, value: 'C001 it\'s "late"', link: { sheet: "Joint O'Tracker", cell: "D7" } },
      ]),
      columnWidths: { 1: 30 },
      freeze: { rows: 2, columns: 1 },
      print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 1, last: 2 } },
      showGridlines: false,
      tabColor: "C00000",
      autoFilter: "A2:C9",
      visibility: "hidden",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Agenda")!;
    expect(ws.state).toBe("hidden");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FF1F4E79" } });
    expect(ws.getCell("A1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A2").value).toEqual(new Date(Date.UTC(2025, 2, 14)));
    expect(ws.getCell("A2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("A2").border.top).toEqual({ style: "thin" });
    expect(ws.getCell("A3").value).toEqual({
      formula: `HYPERLINK("#'Joint O''Tracker'!D7","C001 it's ""late""")`,
      result: 'C001 it\'s "late"',
    });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, showGridLines: false });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.properties.tabColor).toEqual({ argb: "FFC00000" });
    expect(ws.autoFilter).toBe("A2:C9");
  });
});

describe("XlsxWorkbook number formats", () => {
  it("formats only the changed cell when cells of a loaded file share one style", async () => {
    const path = nextPath();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    ws.getCell("A1").value = "03/04/2024";
    ws.getCell("B1").value = 2;
    // Same look, so the saved file gives both cells one style record (one shared object on load).
    for (const cell of ["A1", "B1"]) ws.getCell(cell).font = { name: "Arial", size: 10 };
    await wb.xlsx.writeFile(path);

    const port = await XlsxWorkbook.load(path);
    await port.applyChanges({
      id: "CS-1",
      description: "text date to a real date",
      changes: [
        {
          sheet: "Tracker",
          cell: "A1",
          old: "03/04/2024",
          new: 45385,
          numberFormat: "dd/mm/yyyy",
          rule: "DATE-AS-TEXT",
        },
      ],
    });
    const saved = nextPath();
    await port.save(saved);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(saved);
    const sheet = reread.getWorksheet("Tracker") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("B1").numFmt ?? "General").toBe("General");
    expect(sheet.getCell("B1").value).toBe(2);
  });
});
