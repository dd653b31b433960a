import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookFileKind } from "../../src/xlsx/workbookFileKind";
import { fileHash, runEveryCommand, unhandled, type CommandRun } from "../support/hostileRun";
import {
  hostileFolder,
  writeEncryptedXlsx,
  writeMacroWorkbook,
  writeNotAnXlsx,
  writeOrdinaryTracker,
  writeTruncatedXlsx,
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

  it("tells an Excel 97-2003 workbook from an encrypted one", () => {
    const ole2 = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
    Buffer.from("Workbook", "utf16le").copy(ole2, 300);
    expect(workbookFileKind(ole2)).toEqual({ kind: "legacy-xls" });
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  it("is read by check and status but never written without its macros", async () => {
    const path = await writeMacroWorkbook(join(folder, "macros.xlsm"));
    const before = fileHash(path);
    const runs = await runEveryCommand(path, folder);
    expect(unhandled(runs)).toEqual([]);
    const writes = runs.filter((r) => r.argv.includes("--out"));
    const reads = runs.filter((r) => !r.argv.includes("--out"));
    for (const run of reads) expect([0, 1]).toContain(run.code);
    expect(reads.find((r) => r.argv[0] === "status")?.stdout).toMatch(/overdue/);
    // exceljs drops xl/vbaProject.bin when it writes, so a copy would lose the macros: refused.
    for (const run of writes) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/holds macros.*nothing was written/);
      expect(run.out).toBeUndefined();
    }
    expect(fileHash(path)).toBe(before);
  });

  it("is recognised from its VBA project part, not its name", async () => {
    const path = await writeMacroWorkbook(join(folder, "renamed.xlsx"));
    const plain = await writeOrdinaryTracker(join(folder, "plain.xlsx"));
    expect(workbookFileKind(readFileSync(path))).toMatchObject({ kind: "xlsx", macros: true });
    expect(workbookFileKind(readFileSync(plain))).toMatchObject({ kind: "xlsx", macros: false });
  });
});
