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
import {
  MACRO_ENABLED_WORKBOOK,
  MACRO_RELATIONSHIP_TYPES,
  VBA_PROJECT_CONTENT_TYPE,
  carryOverMacros,
  withSheetCodeName,
  withWorkbookCodeName,
} from "./macroCarryOver";
import { XlsxPackage, attributesOf, tagsNamed } from "./nativeChartsPackage";
import { XlsxWorkbook } from "./XlsxWorkbook";

const folder = hostileFolder("macro-carry-over");

async function partText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async("string")) ?? "";
}

/** What the saved copy's package says about its macros, read back from its parts. */
async function macroFacts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = await XlsxPackage.load(bytes);
  const workbookRels = await pkg.relationships("xl/workbook.xml");
  return {
    vbaProject: Buffer.from((await zip.file("xl/vbaProject.bin")?.async("uint8array")) ?? []),
    signature: Buffer.from((await zip.file("xl/vbaProjectSignature.bin")?.async("uint8array")) ?? []),
    vbaRelationships: workbookRels.filter((r) => r.type === MACRO_RELATIONSHIP_TYPES.vbaProject),
    workbookRelationshipIds: workbookRels.map((r) => r.id),
    ribbonRelationships: (await pkg.relationships("")).filter(
      (r) => r.type === MACRO_RELATIONSHIP_TYPES.ribbon2007,
    ),
    ribbon: await partText(zip, "customUI/customUI14.xml"),
    workbookType: await pkg.contentTypeOf("xl/workbook.xml"),
    binDefault: tagsNamed(await partText(zip, "[Content_Types].xml"), "Default")
      .map(attributesOf)
      .find((a) => a.get("Extension") === "bin")
      ?.get("ContentType"),
    signatureType: await pkg.contentTypeOf("xl/vbaProjectSignature.bin"),
    workbookCodeName: /<workbookPr\b[^>]*codeName="([^"]*)"/.exec(
      await partText(zip, "xl/workbook.xml"),
    )?.[1],
    sheetCodeName: /<sheetPr\b[^>]*codeName="([^"]*)"/.exec(
      await partText(zip, "xl/worksheets/sheet1.xml"),
    )?.[1],
  };
}

describe("carryOverMacros", () => {
  it("puts a signed VBA project, its ribbon and its code names back into what exceljs wrote", async () => {
    const path = await writeMacroWorkbook(join(folder, "signed.xlsm"), { signed: true, ribbon: true });
    const workbook = await XlsxWorkbook.fromBuffer(readFileSync(path));
    const saved = await workbook.toBuffer();

    const facts = await macroFacts(saved);
    expect(facts.vbaProject.equals(VBA_PROJECT_BYTES)).toBe(true);
    expect(facts.signature.equals(VBA_SIGNATURE_BYTES)).toBe(true);
    expect(facts.vbaRelationships).toEqual([
      expect.objectContaining({ target: "vbaProject.bin", external: false }),
    ]);
    expect(new Set(facts.workbookRelationshipIds).size).toBe(facts.workbookRelationshipIds.length);
    expect(facts.ribbonRelationships).toHaveLength(1);
    expect(facts.ribbon).toBe(RIBBON_XML);
    expect(facts.workbookType).toBe(MACRO_ENABLED_WORKBOOK);
    expect(facts.binDefault).toBe(VBA_PROJECT_CONTENT_TYPE);
    expect(facts.signatureType).toBe("application/vnd.ms-office.vbaProjectSignature");
    expect(facts.workbookCodeName).toBe("ThisWorkbook");
    expect(facts.sheetCodeName).toBe("Sheet1");
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load(saved as unknown as ExcelJS.Buffer);
    expect(reloaded.getWorksheet("Joint Tracker")?.getCell("A2").value).toBe("C1");
  });

  it("keeps one VBA project and one relationship when a copy of the copy is saved", async () => {
    const path = await writeMacroWorkbook(join(folder, "twice.xlsm"), { signed: true });
    const once = await (await XlsxWorkbook.fromBuffer(readFileSync(path))).toBuffer();
    const twice = await (await XlsxWorkbook.fromBuffer(once)).toBuffer();
    const facts = await macroFacts(twice);
    expect(facts.vbaProject.equals(VBA_PROJECT_BYTES)).toBe(true);
    expect(facts.vbaRelationships).toHaveLength(1);
    expect(facts.workbookType).toBe(MACRO_ENABLED_WORKBOOK);
    expect(facts.sheetCodeName).toBe("Sheet1");
  });

  it("returns the saved bytes untouched when the original holds no VBA project", async () => {
    const path = await writeOrdinaryTracker(join(folder, "plain.xlsx"));
    const saved = await (await XlsxWorkbook.fromBuffer(readFileSync(path))).toBuffer();
    const result = await carryOverMacros(readFileSync(path), saved);
    expect(result.carried).toEqual([]);
    expect(result.bytes.equals(saved)).toBe(true);
    expect((await macroFacts(saved)).vbaProject.length).toBe(0);
  });

  it("tells the user a sheet's buttons were not kept, though its macros were", async () => {
    const path = await writeMacroWorkbook(join(folder, "buttons.xlsm"), { buttons: true });
    const original = readFileSync(path);
    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load(original as unknown as ExcelJS.Buffer);
    const result = await carryOverMacros(original, Buffer.from(await exceljs.xlsx.writeBuffer()));
    expect(result.lost).toEqual([expect.stringMatching(/buttons and controls on “Joint Tracker”/)]);
    expect(result.carried).toEqual(["xl/vbaProject.bin"]);
    expect((await macroFacts(result.bytes)).vbaRelationships).toHaveLength(1);
    // Carried over a second time, it is still related once.
    const again = await carryOverMacros(original, result.bytes);
    expect((await macroFacts(again.bytes)).vbaRelationships).toHaveLength(1);
  });
});

describe("code names", () => {
  it("are added to an existing sheetPr and replace an old one", () => {
    const sheet =
      '<worksheet xmlns="x"><sheetPr><tabColor rgb="FFFF0000"/></sheetPr><sheetData/></worksheet>';
    expect(withSheetCodeName(sheet, "Sheet1")).toBe(
      '<worksheet xmlns="x"><sheetPr codeName="Sheet1"><tabColor rgb="FFFF0000"/></sheetPr><sheetData/></worksheet>',
    );
    expect(withSheetCodeName('<worksheet><sheetPr codeName="Old"/><sheetData/></worksheet>', "New")).toBe(
      '<worksheet><sheetPr codeName="New"/><sheetData/></worksheet>',
    );
  });

  it("give a sheet without sheetPr one as the first child, not inside its cells", () => {
    const sheet = '<worksheet xmlns="x"><dimension ref="A1"/><sheetData><row r="1"/></sheetData></worksheet>';
    expect(withSheetCodeName(sheet, "Sheet2")).toBe(
      '<worksheet xmlns="x"><sheetPr codeName="Sheet2"/><dimension ref="A1"/><sheetData><row r="1"/></sheetData></worksheet>',
    );
  });

  it("give a workbook without workbookPr one before its sheets", () => {
    expect(
      withWorkbookCodeName("<workbook><fileVersion/><bookViews/><sheets/></workbook>", "ThisWorkbook"),
    ).toBe('<workbook><fileVersion/><workbookPr codeName="ThisWorkbook"/><bookViews/><sheets/></workbook>');
    expect(withWorkbookCodeName('<workbook><workbookPr date1904="1"/><sheets/></workbook>', "Wb")).toBe(
      '<workbook><workbookPr codeName="Wb" date1904="1"/><sheets/></workbook>',
    );
  });
});
