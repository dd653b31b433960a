import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookFileKind } from "../../src/xlsx/workbookFileKind";
import {
  AS_OF,
  fileHash,
  runCommand,
  runEveryCommand,
  unhandled,
  type CommandRun,
} from "../support/hostileRun";
import {
  VBA_PROJECT_BYTES,
  VBA_SIGNATURE_BYTES,
  hostileFolder,
  writeEncryptedXlsx,
  writeMacroWorkbook,
  writeNotAnXlsx,
  writeOrdinaryTracker,
  writeOpenDocumentSpreadsheet,
  writeTruncatedXlsx,
  writeWrongCrcXlsx,
  writeZipBombXlsx,
} from "../support/hostileWorkbooks";

const folder = hostileFolder("files");

/** Every command refuses the file with exit 2, one line naming the reason, and writes nothing. */
async function expectRefusedEverywhere(path: string, reason: RegExp): Promise<CommandRun[]> {
  const before = fileHash(path);
  const runs = await runEveryCommand(path, folder);
  expect(unhandled(runs)).toEqual([]);
  for (const run of runs) {
    expect({ argv: run.argv, code: run.code }).toEqual({ argv: run.argv, code: 2 });
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    expect(run.out).toBeUndefined();
  }
  expect(fileHash(path)).toBe(before);
  return runs;
}

describe("files that are not readable workbooks", () => {
  it("refuses a CSV saved with an .xlsx name, saying it is another kind of file", async () => {
    await expectRefusedEverywhere(writeNotAnXlsx(join(folder, "csv.xlsx")), /another kind of file/);
  });

  it("refuses an empty file the same way", async () => {
    const path = join(folder, "zero.xlsx");
    writeFileSync(path, "");
    await expectRefusedEverywhere(path, /another kind of file/);
  });

  it("refuses a truncated .xlsx as damaged or incomplete", async () => {
    await expectRefusedEverywhere(
      await writeTruncatedXlsx(join(folder, "truncated.xlsx")),
      /damaged or incomplete/,
    );
  });

  it("refuses a password-protected workbook, saying so and how to remove the password", async () => {
    await expectRefusedEverywhere(
      writeEncryptedXlsx(join(folder, "encrypted.xlsx")),
      /password-protected.*Protect Workbook/,
    );
  });

  it("refuses an OpenDocument spreadsheet, saying to save it as an Excel Workbook", async () => {
    const path = await writeOpenDocumentSpreadsheet(join(folder, "tracker.ods"));
    expect(workbookFileKind(readFileSync(path))).toEqual({ kind: "opendocument" });
    await expectRefusedEverywhere(
      path,
      /is an OpenDocument spreadsheet \(\.ods\).*save it as an Excel Workbook \(\.xlsx\)/,
    );
  });

  it("refuses a small file whose sheet claims gigabytes as damaged or unsafe, without inflating it", async () => {
    const path = await writeZipBombXlsx(join(folder, "bomb.xlsx"));
    expect(readFileSync(path).length).toBeLessThan(20_000);
    const [run] = await expectRefusedEverywhere(path, /looks damaged or unsafe/);
    expect(run?.stderr).toMatch(/xl\/worksheets\/sheet1\.xml would inflate to 4,096 MB/);
  });

  it("refuses a workbook whose sheet fails its CRC-32 check as damaged", async () => {
    await expectRefusedEverywhere(await writeWrongCrcXlsx(join(folder, "crc.xlsx")), /damaged or incomplete/);
  });

  it("tells an Excel 97-2003 workbook from an encrypted one", () => {
    const ole2 = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
    Buffer.from("Workbook", "utf16le").copy(ole2, 300);
    expect(workbookFileKind(ole2)).toEqual({ kind: "legacy-xls" });
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  /** What a copy holds of the VBA project, read back from its package. */
  async function macrosOf(path: string) {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const text = async (part: string): Promise<string> => (await zip.file(part)?.async("string")) ?? "";
    const rels = await text("xl/_rels/workbook.xml.rels");
    const types = await text("[Content_Types].xml");
    const workbook = await text("xl/workbook.xml");
    const sheetCodeNames: string[] = [];
    for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
      const codeName = /<sheetPr\b[^>]*\bcodeName="([^"]*)"/.exec(await text(part))?.[1];
      if (codeName !== undefined) sheetCodeNames.push(codeName);
    }
    return {
      vbaProject: Buffer.from((await zip.file("xl/vbaProject.bin")?.async("uint8array")) ?? []),
      signature: Buffer.from((await zip.file("xl/vbaProjectSignature.bin")?.async("uint8array")) ?? []),
      vbaRelationships: [...rels.matchAll(/<Relationship\b[^>]*vbaProject"[^>]*>/g)].map((m) => m[0]),
      relationshipIds: [...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]),
      binDefault: /<Default Extension="bin" ContentType="([^"]*)"/.exec(types)?.[1],
      workbookType: /<Override PartName="\/xl\/workbook\.xml" ContentType="([^"]*)"/.exec(types)?.[1],
      workbookCodeName: /<workbookPr\b[^>]*\bcodeName="([^"]*)"/.exec(workbook)?.[1],
      sheetCodeNames,
    };
  }

  it("keeps its macros in every copy a command writes, which must be an .xlsm", async () => {
    const path = await writeMacroWorkbook(join(folder, "macros.xlsm"), { signed: true });
    const before = fileHash(path);
    const out = (what: string): string => join(folder, `macros-${what}.xlsm`);
    const runs = [
      await runCommand(["check", path, "--as-of", AS_OF, "--out", out("check")]),
      await runCommand(["status", path, "--as-of", AS_OF, "--status-columns", "--out", out("status")]),
      await runCommand([
        "agenda",
        path,
        "--surgery",
        "joint-tracking",
        "--date",
        AS_OF,
        "--out",
        out("agenda"),
      ]),
      await runCommand(["summary", path, "--month", "2024-10", "--as-of", AS_OF, "--out", out("summary")]),
    ];
    expect(unhandled(runs)).toEqual([]);
    for (const run of runs) {
      expect([0, 1]).toContain(run.code);
      expect(run.out).toBeDefined();
      const copy = await macrosOf(run.out ?? "");
      expect(copy.vbaProject.equals(VBA_PROJECT_BYTES)).toBe(true);
      expect(copy.signature.equals(VBA_SIGNATURE_BYTES)).toBe(true);
      expect(copy.vbaRelationships).toHaveLength(1);
      expect(copy.vbaRelationships[0]).toMatch(/Target="vbaProject\.bin"/);
      expect(new Set(copy.relationshipIds).size).toBe(copy.relationshipIds.length);
      expect(copy.binDefault).toBe("application/vnd.ms-office.vbaProject");
      expect(copy.workbookType).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      expect(copy.workbookCodeName).toBe("ThisWorkbook");
      expect(copy.sheetCodeNames).toContain("Sheet1");
      // exceljs (and so the add-in's own commands) can still read the copy.
      const reloaded = new ExcelJS.Workbook();
      await reloaded.xlsx.readFile(run.out ?? "");
      expect(reloaded.getWorksheet("Joint Tracker")?.getCell("A2").value).toBe("C1");
    }
    expect(fileHash(path)).toBe(before);
  });

  it("keeps the sheet's buttons and controls in every copy a command writes, and has nothing to warn about", async () => {
    const path = await writeMacroWorkbook(join(folder, "buttons.xlsm"), { buttons: true });
    const runs = [
      await runCommand(["check", path, "--as-of", AS_OF, "--out", join(folder, "buttons-checked.xlsm")]),
      await runCommand([
        "agenda",
        path,
        "--surgery",
        "joint-tracking",
        "--date",
        AS_OF,
        "--out",
        join(folder, "buttons-agenda.xlsm"),
      ]),
      await runCommand([
        "status",
        path,
        "--as-of",
        AS_OF,
        "--status-columns",
        "--out",
        join(folder, "buttons-status.xlsm"),
      ]),
    ];
    expect(unhandled(runs)).toEqual([]);
    for (const run of runs) {
      expect(run.out).toBeDefined();
      expect(run.stderr).not.toMatch(/buttons and controls|could not be copied/);
      const zip = await JSZip.loadAsync(readFileSync(run.out ?? ""));
      const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
      expect(rels).toMatch(/Type="[^"]*\/ctrlProp" Target="..\/ctrlProps\/ctrlProp1.xml"/);
    }
  });

  it("is read by every command, and a copy named .xlsx is refused, saying why", async () => {
    const path = await writeMacroWorkbook(join(folder, "macros-xlsx-out.xlsm"));
    const before = fileHash(path);
    const runs = await runEveryCommand(path, folder); // its copies are named .xlsx
    expect(unhandled(runs)).toEqual([]);
    const writes = runs.filter((r) => r.argv.includes("--out"));
    const reads = runs.filter((r) => !r.argv.includes("--out"));
    for (const run of reads) expect([0, 1]).toContain(run.code);
    expect(reads.find((r) => r.argv[0] === "status")?.stdout).toMatch(/overdue/);
    for (const run of writes) {
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/holds macros.*must end in \.xlsm.*Excel refuses.*nothing was written/);
      // Refused before any work: no results printed above the refusal.
      expect(run.stdout).toBe("");
      expect(run.out).toBeUndefined();
    }
    expect(fileHash(path)).toBe(before);
  });

  it("refuses an .xlsm copy of a workbook without macros", async () => {
    const path = await writeOrdinaryTracker(join(folder, "plain-to-xlsm.xlsx"));
    const run = await runCommand(["check", path, "--as-of", AS_OF, "--out", join(folder, "plain-copy.xlsm")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds no macros.*must end in \.xlsx/);
    expect(run.stdout).toBe("");
    expect(run.out).toBeUndefined();
  });

  it("is recognised from its VBA project part, not its name", async () => {
    const path = await writeMacroWorkbook(join(folder, "renamed.xlsx"));
    const plain = await writeOrdinaryTracker(join(folder, "plain.xlsx"));
    expect(workbookFileKind(readFileSync(path))).toMatchObject({ kind: "xlsx", macros: true });
    expect(workbookFileKind(readFileSync(plain))).toMatchObject({ kind: "xlsx", macros: false });
  });
});
