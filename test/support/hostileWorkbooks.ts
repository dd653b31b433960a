import ExcelJS from "exceljs";
// jszip comes with exceljs (its reader); tests use it to write the parts exceljs never writes.
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * The hostile-workbook corpus: every unusual shape a real tracker arrives in, written by code with
 * exceljs (or by hand, byte by byte, for files exceljs would never write). Made-up IDs and names only.
 */

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A fresh folder under the system's temp folder for one test file's workbooks. */
export function hostileFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hostile-${prefix}-`));
}

/** The Joint Tracker headers every generated tracker uses (aliases the default profile knows). */
export const JOINT_HEADERS = [
  "Child ID",
  "Name",
  "Date of birth",
  "Date became looked after",
  "Social worker",
  "Team",
  "1st CLA review",
  "1st PPM",
  "Surgery notes",
] as const;

/** Column letters of the date columns in {@link JOINT_HEADERS}. */
export const JOINT_DATE_COLUMNS = ["C", "D", "G", "H"] as const;

export type Row = ExcelJS.CellValue[];

/**
 * One made-up child per row: C<n>, became looked after in spring 2024, a first review on time and no
 * PPM yet, so every row is overdue for its PPM as at late 2024 and shows on a joint tracking agenda.
 */
export function jointRow(
  n: number,
  overrides: Partial<Record<(typeof JOINT_HEADERS)[number], ExcelJS.CellValue>> = {},
): Row {
  const base: Record<(typeof JOINT_HEADERS)[number], ExcelJS.CellValue> = {
    "Child ID": `C${n}`,
    Name: `Child ${n}`,
    "Date of birth": utc(2015 + (n % 8), 1 + (n % 12), 1 + (n % 27)),
    "Date became looked after": utc(2024, 3 + (n % 3), 4 + (n % 20)),
    "Social worker": n % 2 === 0 ? "Jane Smith" : "Tom Green",
    Team: n % 3 === 0 ? "North" : "South",
    "1st CLA review": null,
    "1st PPM": null,
    "Surgery notes": null,
  };
  const merged = { ...base, ...overrides };
  return JOINT_HEADERS.map((h) => merged[h]);
}

/** Adds a Joint Tracker-like sheet: headers then rows, dates formatted dd/mm/yyyy. */
export function addJointSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: readonly Row[],
  options: { headers?: readonly ExcelJS.CellValue[]; headerRow?: number } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const headerRow = options.headerRow ?? 1;
  ws.getRow(headerRow).values = [...(options.headers ?? JOINT_HEADERS)];
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    row.values = values;
  });
  for (const letter of JOINT_DATE_COLUMNS) ws.getColumn(letter).numFmt = "dd/mm/yyyy";
  return ws;
}

export async function writeWorkbook(wb: ExcelJS.Workbook, path: string): Promise<string> {
  await wb.xlsx.writeFile(path);
  return path;
}

/** A small, ordinary tracker: the baseline every hostile case departs from. */
export async function writeOrdinaryTracker(path: string, rows = 6): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addJointSheet(
    wb,
    "Joint Tracker",
    Array.from({ length: rows }, (_, i) => jointRow(i + 1)),
  );
  return writeWorkbook(wb, path);
}

/**
 * A workbook with one sheet per row-builder callback: the common shape of most corpus cases.
 * `build` gets the workbook to add whatever the case needs.
 */
export async function writeCase(path: string, build: (wb: ExcelJS.Workbook) => unknown): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return writeWorkbook(wb, path);
}

/** Bytes that are not a zip at all, saved with an .xlsx name. */
export function writeNotAnXlsx(path: string): string {
  writeFileSync(path, "Child ID,Name\nC1,Child One\n", "utf8");
  return path;
}

/** A real .xlsx cut off half way, as a failed download or a full disk leaves it. */
export async function writeTruncatedXlsx(path: string): Promise<string> {
  await writeOrdinaryTracker(path);
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

/**
 * An OpenDocument spreadsheet (.ods) as LibreOffice writes one: a zip whose first entry, stored,
 * is "mimetype" naming the kind, then the manifest and the content (ODF 1.2 part 3, 3.3).
 */
export async function writeOpenDocumentSpreadsheet(path: string): Promise<string> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file(
    "META-INF/manifest.xml",
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  zip.file(
    "content.xml",
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
      '<office:body><office:spreadsheet><table:table table:name="Joint Tracker"><table:table-row>' +
      "<table:table-cell><text:p>Child ID</text:p></table:table-cell></table:table-row></table:table>" +
      "</office:spreadsheet></office:body></office:document-content>",
  );
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return path;
}

/** A copy of a zip with one 32-bit field of a part's central directory record (APPNOTE 4.3.12) changed. */
export function withDirectoryField(
  zip: Buffer,
  part: string,
  field: "crc32" | "size",
  value: number,
): Buffer {
  const copy = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = copy.indexOf(signature); at >= 0; at = copy.indexOf(signature, at + 1)) {
    const length = copy.readUInt16LE(at + 28);
    if (copy.toString("latin1", at + 46, at + 46 + length) !== part) continue;
    copy.writeUInt32LE(value, at + (field === "crc32" ? 16 : 24));
    return copy;
  }
  throw new Error(`no directory record for ${part}`);
}

/**
 * A "zip bomb" made small: an ordinary tracker of a few kilobytes whose directory says its sheet
 * inflates to 4 GB. A reader that believed it would try to fill the memory.
 */
export async function writeZipBombXlsx(path: string): Promise<string> {
  await writeOrdinaryTracker(path);
  writeFileSync(path, withDirectoryField(readFileSync(path), "xl/worksheets/sheet1.xml", "size", 0xfffffff0));
  return path;
}

/** An ordinary tracker whose sheet's CRC-32 does not match its bytes: corrupted in transit. */
export async function writeWrongCrcXlsx(path: string): Promise<string> {
  await writeOrdinaryTracker(path);
  writeFileSync(
    path,
    withDirectoryField(readFileSync(path), "xl/worksheets/sheet1.xml", "crc32", 0x12345678),
  );
  return path;
}

/**
 * A password-protected .xlsx as Excel saves it: not a zip but an OLE2 compound file (magic
 * D0 CF 11 E0 A1 B1 1A E1) holding the encrypted package. Only the header matters to a reader that
 * must recognise it; the rest of the sector is padding.
 */
export function writeEncryptedXlsx(path: string): string {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  // Minor version 0x3E, major version 3, byte order FFFE, sector shift 9: a valid CFB header start.
  bytes.writeUInt16LE(0x003e, 24);
  bytes.writeUInt16LE(0x0003, 26);
  bytes.writeUInt16LE(0xfffe, 28);
  bytes.writeUInt16LE(0x0009, 30);
  Buffer.from("EncryptedPackage", "utf16le").copy(bytes, 1024);
  writeFileSync(path, bytes);
  return path;
}

/**
 * The stand-in VBA project of {@link writeMacroWorkbook}: an OLE2 header then every byte value, so a
 * copy that went through a text encoding or lost a byte shows.
 */
export const VBA_PROJECT_BYTES = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from("Sub Auto_Open()\r\nEnd Sub", "latin1"),
]);
export const VBA_SIGNATURE_BYTES = Buffer.from([0x30, 0x82, 0x01, 0x00, 0xff, 0x00, 0x7f, 0x80]);
export const RIBBON_XML =
  '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs>' +
  '<tab id="tracker" label="Tracker"><group id="g" label="Macros"><button id="b" label="Run" onAction="RunMe"/>' +
  "</group></tab></tabs></ribbon></customUI>";

/**
 * A macro-enabled workbook (.xlsm) as Excel saves one: an ordinary tracker zip with a VBA project
 * part and its relationship, the bin content type, the macro-enabled workbook content type and the
 * code names VBA binds its modules by (ThisWorkbook, Sheet1...). `signed` adds a project signature
 * (related from vbaProject.bin, as Excel relates it); `ribbon` a customUI14 ribbon part. The
 * project's bytes are a stand-in: what matters is whether a writer keeps the parts byte for byte.
 */
export async function writeMacroWorkbook(
  path: string,
  options: { signed?: boolean; ribbon?: boolean; buttons?: boolean; rows?: number } = {},
): Promise<string> {
  await writeOrdinaryTracker(path, options.rows);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (part: string): Promise<string> => {
    const content = await zip.file(part)?.async("string");
    if (content === undefined) throw new Error(`exceljs wrote no ${part}`);
    return content;
  };
  zip.file("xl/vbaProject.bin", VBA_PROJECT_BYTES);
  let types = (await text("[Content_Types].xml"))
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    .replace(
      "</Types>",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  zip.file(
    "xl/workbook.xml",
    (await text("xl/workbook.xml")).replace(/<workbookPr\b/, '<workbookPr codeName="ThisWorkbook"'),
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    (await text("xl/worksheets/sheet1.xml")).replace(
      /(<worksheet\b[^>]*>)/,
      '$1<sheetPr codeName="Sheet1"/>',
    ),
  );
  if (options.signed) {
    zip.file("xl/vbaProjectSignature.bin", VBA_SIGNATURE_BYTES);
    zip.file(
      "xl/_rels/vbaProject.bin.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" Target="vbaProjectSignature.bin"/></Relationships>',
    );
    types = types.replace(
      "</Types>",
      '<Override PartName="/xl/vbaProjectSignature.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>',
    );
  }
  if (options.ribbon) {
    zip.file("customUI/customUI14.xml", RIBBON_XML);
    zip.file(
      "_rels/.rels",
      (await text("_rels/.rels")).replace(
        "</Relationships>",
        '<Relationship Id="rIdRibbon" Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" Target="customUI/customUI14.xml"/></Relationships>',
      ),
    );
  }
  if (options.buttons) {
    // A form control on the tracker sheet: a relationship exceljs drops, so no copy can keep it.
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp" Target="../ctrlProps/ctrlProp1.xml"/></Relationships>',
    );
  }
  zip.file("[Content_Types].xml", types);
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return path;
}

/** Rewrites parts of a saved workbook's zip: for what exceljs cannot write (workbook protection...). */
export async function patchPackage(
  path: string,
  part: string,
  patch: (xml: string) => string,
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no ${part} in ${path}`);
  zip.file(part, patch(xml));
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return path;
}

/** Reads one part of a saved workbook's zip as text. */
export async function packagePart(path: string, part: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file(part)?.async("string");
}

const rows = (n: number, from = 1): Row[] => Array.from({ length: n }, (_, i) => jointRow(from + i));

/** The structural cases: sheets, headers, tables, visibility, protection, names. */
export const structureCases = {
  /** A workbook whose only sheet has nothing in it. */
  emptyWorkbook: (path: string) => writeCase(path, (wb) => void wb.addWorksheet("Sheet1")),
  /** A budget workbook: none of the profile's sheets. */
  noProfileSheets: (path: string) =>
    writeCase(path, (wb) => {
      const ws = wb.addWorksheet("Budget 2024");
      ws.addRows([
        ["Line", "Amount"],
        ["Placements", 120000],
      ]);
    }),
  /** Tracker rows with no header row above them. */
  headerMissing: (path: string) =>
    writeCase(path, (wb) => {
      const ws = wb.addWorksheet("Joint Tracker");
      rows(4).forEach((r, i) => (ws.getRow(i + 1).values = r));
    }),
  /** The header row repeated part-way down, as a copy and paste of a block leaves it. */
  headerRepeated: (path: string) =>
    writeCase(path, (wb) =>
      addJointSheet(wb, "Joint Tracker", [...rows(3), [...JOINT_HEADERS], ...rows(3, 4)]),
    ),
  /** Two columns headed "Date became looked after" with different dates. */
  twoColumnsOneHeader: (path: string) =>
    writeCase(path, (wb) => {
      const headers = [...JOINT_HEADERS, "Date became looked after"];
      addJointSheet(
        wb,
        "Joint Tracker",
        rows(4).map((r) => [...r, utc(2023, 1, 9)]),
        { headers },
      );
    }),
  /**
   * A header split over two rows: group titles merged across row 1 ("Dates" over two columns) and
   * single headers merged down over rows 1 and 2 ("Child ID" in A1:A2).
   */
  headerOverTwoMergedRows: (path: string) =>
    writeCase(path, (wb) => {
      const ws = wb.addWorksheet("Joint Tracker");
      ws.getRow(1).values = ["Child ID", "Name", "Dates", null, "Social worker", "Team"];
      ws.getRow(2).values = [null, null, "Date of birth", "Date became looked after", null, null];
      for (const range of ["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"]) ws.mergeCells(range);
      rows(4).forEach((r, i) => {
        ws.getRow(3 + i).values = [r[0], r[1], r[2], r[3], r[4], r[5]];
      });
      ws.getColumn("C").numFmt = "dd/mm/yyyy";
      ws.getColumn("D").numFmt = "dd/mm/yyyy";
    }),
  /** The tracker as an Excel Table (ListObject) with a total row's worth of styling. */
  excelTable: (path: string) =>
    writeCase(path, (wb) => {
      const ws = wb.addWorksheet("Joint Tracker");
      ws.addTable({
        name: "JointTracker",
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: JOINT_HEADERS.map((name) => ({ name, filterButton: true })),
        rows: rows(5),
      });
      for (const letter of JOINT_DATE_COLUMNS) ws.getColumn(letter).numFmt = "dd/mm/yyyy";
    }),
  /** The tracker on a hidden sheet beside a very hidden lookup sheet. */
  hiddenSheets: (path: string) =>
    writeCase(path, (wb) => {
      addJointSheet(wb, "Joint Tracker", rows(4)).state = "hidden";
      const lookups = wb.addWorksheet("Lookups", { state: "veryHidden" });
      lookups.addRows([["Team"], ["North"], ["South"]]);
    }),
  /** An autofilter over the tracker with rows 3 and 5 filtered out and row 6 hidden by hand. */
  filteredAndHiddenRows: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(6));
      ws.autoFilter = "A1:I7";
      for (const r of [3, 5, 6]) ws.getRow(r).hidden = true;
    }),
  /** A protected tracker sheet, with a password. */
  protectedSheet: async (path: string) =>
    writeCase(path, async (wb) => {
      await addJointSheet(wb, "Joint Tracker", rows(4)).protect("secret", { selectLockedCells: true });
    }),
  /** A workbook whose structure is protected (no sheets may be added): exceljs cannot write this. */
  protectedWorkbook: async (path: string) => {
    await writeCase(path, (wb) => void addJointSheet(wb, "Joint Tracker", rows(4)));
    return patchPackage(path, "xl/workbook.xml", (xml) =>
      // CT_Workbook order: workbookProtection comes after workbookPr, before bookViews and sheets.
      xml.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>'),
    );
  },
  /** Two sheets that both match the Joint Tracker profile sheet by title or alias. */
  twoTrackerSheets: (path: string) =>
    writeCase(path, (wb) => {
      addJointSheet(wb, "CLA tracker", rows(2, 100));
      addJointSheet(wb, "Joint Tracker", rows(4));
    }),
  /**
   * The user's own conditional formats and data validation on the tracker: a rule colouring empty
   * PPM dates, a formula rule over whole rows, a colour scale, a team list over rows still empty, a
   * date rule with its messages, and a whole-number rule on a cell beside the table.
   */
  formatsAndValidation: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(5));
      ws.addConditionalFormatting({
        ref: "H2:H50",
        rules: [
          {
            type: "containsText",
            operator: "containsBlanks",
            priority: 1,
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
          },
        ],
      });
      ws.addConditionalFormatting({
        ref: "A2:I50",
        rules: [
          {
            type: "expression",
            formulae: ['$F2="North"'],
            priority: 2,
            style: { font: { italic: true, color: { argb: "FF1F4E79" } } },
          },
        ],
      });
      ws.addConditionalFormatting({
        ref: "D2:D50",
        rules: [
          {
            type: "colorScale",
            priority: 3,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: [{ argb: "FFF8696B" }, { argb: "FF63BE7B" }],
          },
        ],
      });
      for (let r = 2; r <= 50; r++) {
        ws.getCell(`F${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"North,South"'] };
        ws.getCell(`D${r}`).dataValidation = {
          type: "date",
          operator: "greaterThan",
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: "Date became looked after",
          error: "Type a date after 01/01/2000",
          formulae: [utc(2000, 1, 1)],
        };
      }
      ws.getCell("I2").dataValidation = {
        type: "textLength",
        operator: "lessThanOrEqual",
        allowBlank: true,
        formulae: [500],
        showInputMessage: true,
        prompt: "Keep surgery notes short",
      };
    }),
  /** Workbook-level and sheet-level defined names, as formulas and validation lists use them. */
  definedNames: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(4));
      const lists = wb.addWorksheet("Lists");
      lists.addRows([["North"], ["South"]]);
      wb.definedNames.add("Lists!$A$1:$A$2", "Teams");
      ws.getCell("F2").dataValidation = { type: "list", allowBlank: true, formulae: ["Teams"] };
    }),
};

/** Dates typed as text in the forms trackers hold (the foundation issue's list), one per row. */
export const TEXT_DATES = [
  "03/04/2024",
  "3/4/24",
  "03.04.2024",
  "03-04-2024",
  "2024-04-03",
  "3 April 2024",
  "3rd April 2024",
  "April 3, 2024",
  "03 Apr 24",
  " 03/04/2024 ",
  "31/02/2024",
  "TBC",
  "April 2024",
  "45385",
] as const;

/** Names and notes in every script a tracker meets. */
export const SCRIPTS = [
  "Zoë Łukasiewicz-Żółć", // Polish
  "مريم الحسن", // Arabic, right to left
  "נועה כהן", // Hebrew, right to left
  "Dáithí Ó Súilleabháin", // Irish
  "Ана Петровић", // Serbian Cyrillic
  "王小明", // Chinese
  "Amara 🌈👧🏽 Okafor", // emoji with a skin-tone modifier (surrogate pairs)
  "\u202eeman desrever\u202c", // a right-to-left override character
] as const;

/** The cell-level cases: what sits inside the date and text columns. */
export const cellCases = {
  /** Formulas, a shared formula and error values in the date columns. */
  formulasAndErrors: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(6));
      ws.getCell("G2").value = { formula: "D2+20", result: utc(2024, 4, 25) };
      // A shared formula as Excel saves a filled-down column: the master cell holds it for G3:G5.
      ws.getCell("G3").value = {
        formula: "D3+20",
        result: utc(2024, 5, 26),
        shareType: "shared",
        ref: "G3:G5",
      } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell("G4").value = { sharedFormula: "G3", result: utc(2024, 6, 24) };
      ws.getCell("G5").value = { sharedFormula: "G3", result: utc(2024, 7, 1) };
      ws.getCell("H2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("H3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("H4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("D7").value = {
        formula: "VLOOKUP(A7,Other!A:B,2,FALSE)",
        result: { error: "#N/A" },
      } as ExcelJS.CellFormulaValue;
    }),
  /** Data validation lists on the team and worker columns. */
  validationLists: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(4));
      for (let r = 2; r <= 5; r++) {
        ws.getCell(`F${r}`).dataValidation = { type: "list", allowBlank: true, formulae: ['"North,South"'] };
      }
    }),
  /** Dates as text in every form, in the date became looked after column. */
  textDates: (path: string) =>
    writeCase(path, (wb) =>
      addJointSheet(
        wb,
        "Joint Tracker",
        TEXT_DATES.map((text, i) => jointRow(i + 1, { "Date became looked after": text })),
      ),
    ),
  /** Names, workers, teams and notes in every script, and one note of 100,000 characters. */
  scriptsAndHugeCells: (path: string) =>
    writeCase(path, (wb) =>
      addJointSheet(wb, "Joint Tracker", [
        ...SCRIPTS.map((text, i) =>
          jointRow(i + 1, { Name: text, "Social worker": text, Team: text, "Surgery notes": text }),
        ),
        jointRow(99, { "Surgery notes": "Ω".repeat(100_000), "Social worker": "W".repeat(100_000) }),
      ]),
    ),
};

/** The size cases: the sheet's far corner, many columns, many rows. */
export const sizeCases = {
  /** A tracker with one stray value in the last cell Excel has, XFD1048576. */
  farCorner: (path: string) =>
    writeCase(path, (wb) => {
      const ws = addJointSheet(wb, "Joint Tracker", rows(3));
      ws.getCell("XFD1048576").value = "end";
    }),
  /** 5,000 columns: the tracker's nine and 4,991 more headed "Extra n". */
  manyColumns: (path: string) =>
    writeCase(path, (wb) => {
      const extra = Array.from({ length: 4991 }, (_, i) => `Extra ${i + 1}`);
      addJointSheet(
        wb,
        "Joint Tracker",
        rows(3).map((r) => [...r, ...extra.map((_, i) => i)]),
        { headers: [...JOINT_HEADERS, ...extra] },
      );
    }),
  /**
   * Many rows, written by streaming so the fixture itself stays quick. `last` overrides cells of the
   * last row: a problem planted there shows the whole sheet was read.
   */
  manyRows: async (path: string, count: number, last: Parameters<typeof jointRow>[1] = {}) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = wb.addWorksheet("Joint Tracker");
    ws.addRow([...JOINT_HEADERS]).commit();
    for (let n = 1; n <= count; n++) ws.addRow(jointRow(n, n === count ? last : {})).commit();
    ws.commit();
    await wb.commit();
    return path;
  },
};
