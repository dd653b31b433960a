import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";
import { generateSampleTracker } from "../../src/engine/sample/generateSampleTracker";
import { writeSampleWorkbook } from "../../src/xlsx/writeSampleWorkbook";
import { captureIo } from "../support/captureIo";

/*
 * A user's own sheets that happen to have the names of the add-in's outputs are theirs: every command
 * that writes leaves them exactly as they were and writes its output beside them, saying so.
 */
const dir = mkdtempSync(path.join(tmpdir(), "users-own-sheets-"));
const input = path.join(dir, "tracker.xlsx");
const AS_OF = "2026-11-24";
const USERS_SHEETS = [
  "Data quality",
  "Change log",
  "Agenda JTM 2026-11-24",
  "Summary 2026-10",
  "Summary data 2026-10",
];

beforeAll(async () => {
  const sample = generateSampleTracker({ children: 80, seed: 5, asOf: parseIsoDate(AS_OF) as EpochDay });
  await writeSampleWorkbook(sample, input);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  for (const name of USERS_SHEETS) {
    const sheet = workbook.addWorksheet(name);
    sheet.getCell("A1").value = `My own ${name} notes`;
    sheet.getCell("B2").value = 42;
  }
  await workbook.xlsx.writeFile(input);
});

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

async function usersSheetsIn(
  file: string,
): Promise<{ names: string[]; kept: Record<string, [string, string]> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const kept: Record<string, [string, string]> = {};
  for (const name of USERS_SHEETS) {
    const sheet = workbook.getWorksheet(name);
    kept[name] = [sheet?.getCell("A1").text ?? "(gone)", sheet?.getCell("B2").text ?? "(gone)"];
  }
  return { names: workbook.worksheets.map((w) => w.name), kept };
}

const untouched = Object.fromEntries(USERS_SHEETS.map((name) => [name, [`My own ${name} notes`, "42"]]));

describe("a user's own sheets with the names of the add-in's outputs", () => {
  it.each([
    ["check", ["check", input, "--as-of", AS_OF, "--out"], "Data quality (2)"],
    ["fix", ["fix", input, "--as-of", AS_OF, "--out"], "Change log (2)"],
    [
      "agenda",
      ["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out"],
      "Agenda JTM 2026-11-24 (2)",
    ],
    ["summary", ["summary", input, "--month", "2026-10", "--as-of", AS_OF, "--out"], "Summary 2026-10 (2)"],
  ])("survive `tracker %s`, whose output goes beside them with a note", async (command, args, output) => {
    const out = path.join(dir, `${command}.xlsx`);
    const result = await run([...args, out]);
    expect(result.code).toBeLessThan(2);
    const { names, kept } = await usersSheetsIn(out);
    expect(kept).toEqual(untouched);
    expect(names).toContain(output);
    expect(result.err.join("\n")).toContain("is already in the workbook and is not the add-in's");
  });

  it("survive a fix and its revert, and the second fix replaces the add-in's own log, not theirs", async () => {
    const fixed = path.join(dir, "fixed.xlsx");
    const fix = await run(["fix", input, "--as-of", AS_OF, "--out", fixed]);
    const changeSet = /^Change set (\S+):/.exec(fix.out[0] ?? "")?.[1] as string;
    const reverted = path.join(dir, "reverted.xlsx");
    expect((await run(["revert", fixed, "--change-set", changeSet, "--out", reverted])).code).toBe(0);
    const { names, kept } = await usersSheetsIn(reverted);
    expect(kept).toEqual(untouched);
    expect(names.filter((n) => n.startsWith("Change log"))).toEqual(["Change log", "Change log (2)"]);
  });
});
