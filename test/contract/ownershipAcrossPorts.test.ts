import JSZip from "jszip";
import { mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MemorySheet } from "../../src/engine/port/MemoryWorkbook";
import { OWNED_SHEETS_NAMESPACE } from "../../src/engine/port/ownedSheets";
import type { SheetModel } from "../../src/engine/port/SheetModel";
import type { WorkbookPort } from "../../src/engine/port/WorkbookPort";
import { OfficeWorkbook } from "../../src/excel/OfficeWorkbook";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { FakeExcel, fakeExcelOf } from "../support/fakeExcel";
import { runsOf } from "../support/modelRuns";
import { writeXlsxFixture } from "./writeXlsxFixture";

/*
 * The register of the add-in's sheets is one custom XML part that the command line (.xlsx files) and
 * the add-in (Office.js) both read and write. These tests carry a workbook from one to the other, as
 * a user does who runs `tracker agenda --out` and opens the copy in Excel, or saves in Excel and runs
 * the command line on the file, and show each recognises the other's sheets and neither takes a
 * user's sheet for its own.
 */

const folder = mkdtempSync(join(tmpdir(), "ownership-"));
let files = 0;
const nextPath = (): string => join(folder, `book-${++files}.xlsx`);

const tracker: MemorySheet = { name: "Joint Tracker", values: [["Child ID"], ["C001"]] };

const output = (name: string, title: string): SheetModel => ({
  name,
  purpose: "dataQuality",
  runs: runsOf([{ row: 1, column: 1, value: title }]),
});

/** Every sheet's values as a port reads them, to carry into another port. */
async function sheetsOf(port: WorkbookPort): Promise<MemorySheet[]> {
  const sheets: MemorySheet[] = [];
  for (const info of await port.listSheets()) {
    const snapshot = await port.readSheet(info.name);
    sheets.push({
      name: info.name,
      values: snapshot.values,
      merges: snapshot.merges,
      visibility: info.visibility,
    });
  }
  return sheets;
}

/** The command line's copy opened in Excel: its sheets, and its custom XML part as Excel loads it. */
async function openInExcel(path: string): Promise<FakeExcel> {
  const file = await XlsxWorkbook.load(path);
  const excel = fakeExcelOf(await sheetsOf(file));
  const register = file.ownedSheetsXml();
  if (register !== undefined)
    excel.xmlParts.push({ id: excel.nextPartId(), namespace: OWNED_SHEETS_NAMESPACE, xml: register });
  return excel;
}

/**
 * The workbook saved by Excel: its sheets written by another writer (exceljs, so the sheet ids are
 * not the ones the command line gave), and the custom XML part laid out as Excel lays it out.
 */
async function saveFromExcel(excel: FakeExcel): Promise<string> {
  const path = nextPath();
  await writeXlsxFixture(path, await sheetsOf(new OfficeWorkbook(excel)));
  const part = excel.xmlParts.find((p) => p.namespace === OWNED_SHEETS_NAMESPACE);
  if (part === undefined) return path;
  const zip = await JSZip.loadAsync(await readFile(path));
  zip.file("customXml/item1.xml", part.xml);
  zip.file(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6C1D0A40-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  zip.file(
    "customXml/_rels/item1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    ),
  );
  await writeFile(path, await zip.generateAsync({ type: "nodebuffer" }));
  return path;
}

describe("the register of the add-in's sheets, shared by the command line and Excel", () => {
  it("a sheet the command line wrote is the add-in's when Excel opens the copy: it is replaced, not duplicated", async () => {
    const path = nextPath();
    await writeXlsxFixture(path, [tracker]);
    const file = await XlsxWorkbook.load(path);
    await file.writeSheet(output("Data quality", "From the command line"));
    const copy = nextPath();
    await file.save(copy);

    const excel = await openInExcel(copy);
    const pane = new OfficeWorkbook(excel);
    expect((await pane.listSheets()).find((s) => s.name === "Data quality")?.output).toBe("Data quality");
    expect(await pane.writeSheet(output("Data quality", "From the pane"))).toEqual({
      name: "Data quality",
      replaced: true,
      notes: [],
    });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Joint Tracker", "Data quality"]);
    expect(excel.cell("Data quality", "A1").value).toBe("From the pane");
  });

  it("a sheet the add-in wrote in Excel is the add-in's when the command line opens the saved file", async () => {
    const excel = fakeExcelOf([tracker]);
    await new OfficeWorkbook(excel).writeSheet(output("Change log", "From the pane"));
    const saved = await saveFromExcel(excel);

    const file = await XlsxWorkbook.load(saved);
    expect((await file.listSheets()).map((s) => [s.name, s.output])).toEqual([
      ["Joint Tracker", undefined],
      ["Change log", "Change log"],
    ]);
    expect(await file.writeSheet(output("Change log", "From the command line"))).toEqual({
      name: "Change log",
      replaced: true,
      notes: [],
    });
    const reopened = await XlsxWorkbook.load(await saveAs(file));
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(["Joint Tracker", "Change log"]);
    expect((await reopened.readSheet("Change log")).values[0]).toEqual(["From the command line"]);
  });

  it("a user's sheet with an output's name stays the user's on both sides, whoever wrote the register", async () => {
    const path = nextPath();
    await writeXlsxFixture(path, [
      tracker,
      { name: "Summary 2026-10", values: [["The user's own summary"]] },
    ]);
    const file = await XlsxWorkbook.load(path);
    const fromCli = await file.writeSheet(output("Summary 2026-10", "Ours"));
    expect(fromCli.name).toBe("Summary 2026-10 (2)");

    const excel = await openInExcel(await saveAs(file));
    const pane = new OfficeWorkbook(excel);
    expect(await pane.writeSheet(output("Summary 2026-10", "Ours, again"))).toMatchObject({
      name: "Summary 2026-10 (2)",
      replaced: true,
    });
    expect(excel.cell("Summary 2026-10", "A1").value).toBe("The user's own summary");

    const back = await XlsxWorkbook.load(await saveFromExcel(excel));
    expect(await back.writeSheet(output("Summary 2026-10", "Ours, a third time"))).toMatchObject({
      name: "Summary 2026-10 (2)",
      replaced: true,
    });
    expect((await back.readSheet("Summary 2026-10")).values).toEqual([["The user's own summary"]]);
  });

  it("a user who deleted the command line's sheet in Excel and made their own of that name keeps it", async () => {
    const path = nextPath();
    await writeXlsxFixture(path, [tracker]);
    const file = await XlsxWorkbook.load(path);
    await file.writeSheet(output("Data quality", "Data quality: 24/11/2026"));
    const excel = await openInExcel(await saveAs(file));
    // In Excel: the add-in's sheet deleted, the user's own made with the same name.
    excel.sheets.splice(
      excel.sheets.findIndex((s) => s.name === "Data quality"),
      1,
    );
    excel.addSheet({ name: "Data quality", values: [["The user's own list"]] });
    const pane = new OfficeWorkbook(excel);
    expect((await pane.listSheets()).find((s) => s.name === "Data quality")?.output).toBeUndefined();
    expect((await pane.writeSheet(output("Data quality", "Data quality: 01/12/2026"))).name).toBe(
      "Data quality (2)",
    );
    expect(excel.cell("Data quality", "A1").value).toBe("The user's own list");
  });

  it("an entry Excel wrote before hosts were recorded never makes the command line take a user's sheet", async () => {
    // The add-in wrote its data quality list beside the user's own, as "Data quality (2)".
    const excel = fakeExcelOf([tracker, { name: "Data quality", values: [["My own notes"]] }]);
    await new OfficeWorkbook(excel).writeSheet(output("Data quality", "Ours"));
    const part = excel.xmlParts[0] as { xml: string };
    const id = /id="([^"]*)"/.exec(part.xml)?.[1] ?? "";
    part.xml = `<ownedSheets xmlns="${OWNED_SHEETS_NAMESPACE}"><sheet id="${id}" name="Data quality" purpose="dataQuality"/></ownedSheets>`;

    const file = await XlsxWorkbook.load(await saveFromExcel(excel));
    const written = await file.writeSheet(output("Data quality", "From the command line"));
    expect(written.name).toBe("Data quality (3)");
    const reopened = await XlsxWorkbook.load(await saveAs(file));
    expect((await reopened.readSheet("Data quality")).values).toEqual([["My own notes"]]);
    expect((await reopened.readSheet("Data quality (2)")).values).toEqual([["Ours"]]);
  });
});

async function saveAs(file: XlsxWorkbook): Promise<string> {
  const path = nextPath();
  await file.save(path);
  return path;
}
