import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { captureIo } from "../../../test/support/captureIo";
import { STATUS_BLOCK_MARKER } from "../../engine/status/StatusColumnsModel";
import { main } from "../main";

let dir: string;
let input: string;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A joint tracker a user formatted: widths, a custom date format, a fill, a note column beside it. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-status-columns-"));
  input = path.join(dir, "tracker.xlsx");
  const workbook = new ExcelJS.Workbook();
  const joint = workbook.addWorksheet("Joint Tracker");
  joint.addRow(["Child ID", "Social worker", "Date became looked after", "1st CLA review", "Notes"]);
  joint.addRow(["C001", "Sam Patel", utc(2022, 5, 27), utc(2022, 6, 28), "keep this"]);
  joint.addRow(["C002", "Alex Jones", utc(2022, 6, 20), null, null]);
  joint.addRow(["C003", "Alex Jones", "31/02/2022", null, null]);
  joint.getColumn(1).width = 11;
  joint.getColumn(3).width = 21;
  joint.getColumn(5).width = 30;
  joint.getCell("C2").numFmt = "d mmm yyyy";
  joint.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEEFF" } };
  await workbook.xlsx.writeFile(input);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function statusColumns(from: string, to: string): Promise<{ code: number; stderr: string[] }> {
  const io = captureIo();
  const code = await main(["status", from, "--as-of", "2022-07-11", "--status-columns", "--out", to], io);
  return { code, stderr: io.stderr };
}

async function open(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Joint Tracker");
  if (!sheet) throw new Error("no Joint Tracker sheet");
  return sheet;
}

/** Every cell of columns A to E as value and format, and the widths: what the user made. */
function userPart(sheet: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  for (let r = 1; r <= 4; r++)
    for (let c = 1; c <= 5; c++) {
      const cell = sheet.getCell(r, c);
      cells.push([cell.address, cell.value, cell.numFmt, cell.fill]);
    }
  return { cells, widths: [1, 2, 3, 4, 5].map((c) => sheet.getColumn(c).width) };
}

describe("tracker status --status-columns", () => {
  it("writes the add-in's columns right of the table with conditional formats and leaves the user's cells alone", async () => {
    const out = path.join(dir, "once.xlsx");
    const run = await statusColumns(input, out);
    expect(run.code).toBe(0);
    expect(run.stderr.join("\n")).toContain("on “Joint Tracker” (3 rows)");
    const before = await open(input);
    const after = await open(out);
    expect(userPart(after)).toEqual(userPart(before));

    expect(after.getCell("F1").value).toBe(STATUS_BLOCK_MARKER);
    expect(String(after.getCell("G1").value)).toBe("▸ RAG: 1st CLA review");
    expect(after.getCell("F1").note).toEqual(expect.anything());
    // C001's 1st review was on its deadline (28/06/2022, after the jubilee holidays); C002's is due 18/07/2022, inside the amber window; C003's BLA is no date.
    expect(after.getCell("G2").value).toBe("Met");
    expect(after.getCell("G3").value).toBe("Due soon");
    expect(after.getCell("G4").value).toBe("Cannot assess");
    expect(["Red", "Amber", "Grey", "Green"]).toContain(after.getCell("F3").value);
    const header = after.getRow(1).values as unknown[];
    const dateColumn = header.indexOf("▸ RAG next due date");
    expect(after.getCell(3, dateColumn).value).toBeInstanceOf(Date);
    expect(after.getCell(3, dateColumn).numFmt).toBe("dd/mm/yyyy");

    const formats = (after as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0]?.ref).toMatch(/^F2:[A-Z]+4$/);
    const texts = formats[0]?.rules.map((r) => ("formulae" in r ? r.formulae?.[0] : undefined));
    expect(texts).toEqual(
      expect.arrayContaining(['"Overdue"', '"Due soon"', '"Met"', '"Red"', '"Cannot assess"']),
    );
  });

  it("replaces its own columns on a re-run: nothing moves and nothing is repeated", async () => {
    const once = path.join(dir, "first.xlsx");
    const twice = path.join(dir, "second.xlsx");
    expect((await statusColumns(input, once)).code).toBe(0);
    const again = await statusColumns(once, twice);
    expect(again.code).toBe(0);
    // Reading the tracker back never takes one of the add-in's headers for a tracker column.
    expect(
      again.stderr.filter((line) => /RAG|status ▸/.test(line) && !line.startsWith("Status columns")),
    ).toEqual([]);
    const first = await open(once);
    const second = await open(twice);
    expect(userPart(second)).toEqual(userPart(await open(input)));
    expect(second.columnCount).toBe(first.columnCount);
    expect((second.getRow(1).values as unknown[]).filter((v) => v === STATUS_BLOCK_MARKER)).toHaveLength(1);
    const formats = (second as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(formats).toHaveLength(1);
  });

  it("needs --out and refuses --worker, as a usage error", async () => {
    const io = captureIo();
    expect(await main(["status", input, "--status-columns"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("--out");
    const worker = captureIo();
    const out = path.join(dir, "never.xlsx");
    expect(await main(["status", input, "--status-columns", "--out", out, "--worker", "Sam"], worker)).toBe(
      2,
    );
  });
});
