import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { writeSampleWorkbook } from "../../xlsx/writeSampleWorkbook";
import { cellAddress } from "../../engine/tables/cellAddress";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { main } from "../main";
import { captureIo } from "../../../test/support/captureIo";

const dir = mkdtempSync(path.join(tmpdir(), "agenda-"));
const input = path.join(dir, "tracker.xlsx");
const AS_OF = "2026-11-24";

beforeAll(async () => {
  const sample = generateSampleTracker({ children: 120, seed: 3, asOf: parseIsoDate(AS_OF) as EpochDay });
  await writeSampleWorkbook(sample, input);
});

/** Case rows hold an ID in column B; worker headings span the row from column A (merged). */
function isCaseRow(row: ExcelJS.Row): boolean {
  const id = row.getCell(2);
  return !id.isMerged && id.text !== "";
}

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((w) => w.name);
}

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Types an action against an agenda's first case through the .xlsx port, as a user in Excel would. */
async function typeAction(file: string, sheet: string, action: string): Promise<string> {
  const workbook = await XlsxWorkbook.load(file);
  const { values } = await workbook.readSheet(sheet);
  const headerRow = values.findIndex((row) => row.includes("Action agreed"));
  const header = values[headerRow] ?? [];
  const caseRow = values.findIndex((row, r) => r > headerRow && typeof row[1] === "string" && row[1] !== "");
  const column = header.indexOf("Action agreed");
  await workbook.applyChanges({
    id: "typed",
    description: "typed in the meeting",
    changes: [{ sheet, cell: cellAddress(caseRow + 1, column + 1), old: null, new: action, rule: "typed" }],
  });
  await workbook.save(file);
  return String(values[caseRow]?.[1]);
}

/** The action typed against a case on an agenda sheet. */
async function actionOf(file: string, sheetName: string, caseId: string): Promise<string | undefined> {
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.readFile(file);
  const sheet = reread.getWorksheet(sheetName) as ExcelJS.Worksheet;
  const header = sheet.getRow(7).values as unknown[];
  const row = [...Array(sheet.rowCount).keys()]
    .map((i) => sheet.getRow(i + 1))
    .find((r) => r.getCell(2).text === caseId);
  return row?.getCell(header.indexOf("Action agreed")).text;
}

describe("tracker agenda", () => {
  it("writes a joint tracking agenda into a copy and leaves the input as it was", async () => {
    const before = readFileSync(input);
    const out = path.join(dir, "jtm.xlsx");
    const result = await run(["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^Wrote “Agenda JTM 2026-11-24” in .*: \d+ case\(s\) for \d+ worker\(s\)/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await sheetNames(out)).toContain("Agenda JTM 2026-11-24");
  });

  it("replaces the same agenda when regenerated, keeping the actions typed into it", async () => {
    const first = path.join(dir, "first.xlsx");
    await run(["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out", first]);
    // A meeting types an action against the first case, in a program that keeps the workbook's
    // parts as Excel does (the register of the add-in's sheets among them).
    const caseId = await typeAction(first, "Agenda JTM 2026-11-24", "Book the PPM this week");

    const second = path.join(dir, "second.xlsx");
    const result = await run([
      "agenda",
      first,
      "--surgery",
      "joint-tracking",
      "--date",
      AS_OF,
      "--out",
      second,
    ]);
    expect(result.out[0]).toMatch(/^Replaced “Agenda JTM 2026-11-24”/);
    expect(result.err).toEqual([]);
    const names = await sheetNames(second);
    expect(names.filter((n) => n.startsWith("Agenda JTM"))).toEqual(["Agenda JTM 2026-11-24"]);
    expect(await actionOf(second, "Agenda JTM 2026-11-24", caseId)).toBe("Book the PPM this week");
  });

  it("writes beside an agenda saved by a program that drops the add-in's register, keeping its actions", async () => {
    const first = path.join(dir, "dropped.xlsx");
    await run(["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out", first]);
    // exceljs, like LibreOffice, does not keep custom XML parts: the agenda is no longer known as ours.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first);
    const agenda = workbook.getWorksheet("Agenda JTM 2026-11-24") as ExcelJS.Worksheet;
    const header = agenda.getRow(7).values as unknown[];
    const firstCase = [...Array(40).keys()].map((i) => i + 8).find((r) => isCaseRow(agenda.getRow(r)));
    const caseId = agenda.getRow(firstCase as number).getCell(2).text;
    agenda.getRow(firstCase as number).getCell(header.indexOf("Action agreed")).value =
      "Book the PPM this week";
    await workbook.xlsx.writeFile(first);

    const second = path.join(dir, "dropped-again.xlsx");
    const result = await run([
      "agenda",
      first,
      "--surgery",
      "joint-tracking",
      "--date",
      AS_OF,
      "--out",
      second,
    ]);
    expect(result.out[0]).toMatch(/^Wrote “Agenda JTM 2026-11-24 \(2\)”/);
    expect(result.err).toEqual([
      "tracker agenda: A sheet named “Agenda JTM 2026-11-24” is already in the workbook and is not the add-in's, so it was left alone and the new one is called “Agenda JTM 2026-11-24 (2)”.",
    ]);
    expect(await actionOf(second, "Agenda JTM 2026-11-24", caseId)).toBe("Book the PPM this week");
    expect(await actionOf(second, "Agenda JTM 2026-11-24 (2)", caseId)).toBe("Book the PPM this week");
  });

  it("carries the actions of the last surgery into the next one", async () => {
    const earlier = path.join(dir, "earlier.xlsx");
    await run([
      "agenda",
      input,
      "--surgery",
      "joint-tracking",
      "--date",
      "2026-11-10",
      "--as-of",
      AS_OF,
      "--out",
      earlier,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(earlier);
    const agenda = workbook.getWorksheet("Agenda JTM 2026-11-10") as ExcelJS.Worksheet;
    const header = agenda.getRow(7).values as unknown[];
    const firstCase = [...Array(40).keys()]
      .map((i) => i + 8)
      .find((r) => isCaseRow(agenda.getRow(r))) as number;
    const caseId = agenda.getRow(firstCase).getCell(2).text;
    agenda.getRow(firstCase).getCell(header.indexOf("Action agreed")).value =
      "Ask the IRO to endorse the plan";
    agenda.getRow(firstCase).getCell(header.indexOf("By when")).value = new Date(Date.UTC(2026, 10, 17));
    await workbook.xlsx.writeFile(earlier);

    const later = path.join(dir, "later.xlsx");
    const result = await run([
      "agenda",
      earlier,
      "--surgery",
      "joint-tracking",
      "--date",
      AS_OF,
      "--out",
      later,
    ]);
    expect(result.out[1]).toBe("Actions agreed at “Agenda JTM 2026-11-10” are carried forward.");
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(later);
    const sheet = reread.getWorksheet("Agenda JTM 2026-11-24") as ExcelJS.Worksheet;
    const laterHeader = sheet.getRow(7).values as unknown[];
    const row = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(2).text === caseId);
    expect(row?.getCell(laterHeader.indexOf("Agreed last time")).text).toBe(
      "Ask the IRO to endorse the plan, by 17/11/2026 (past its date)",
    );
  });

  it("writes an agenda for every surgery type", async () => {
    for (const surgery of [
      "plo",
      "recruitment",
      "fostering-support",
      "family-finding",
      "connected-persons",
    ]) {
      const out = path.join(dir, `${surgery}.xlsx`);
      const result = await run(["agenda", input, "--surgery", surgery, "--date", AS_OF, "--out", out]);
      expect({ surgery, code: result.code, err: result.err }).toEqual({ surgery, code: 0, err: [] });
    }
  });

  it("refuses an unknown surgery type with one line", async () => {
    const result = await run([
      "agenda",
      input,
      "--surgery",
      "lunch",
      "--date",
      AS_OF,
      "--out",
      path.join(dir, "x.xlsx"),
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      "tracker agenda: --surgery must be one of joint-tracking, plo, recruitment, fostering-support, family-finding, connected-persons, not “lunch”",
    ]);
  });
});
