import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { PlantedProblem } from "../../engine/sample/SampleTracker";
import { captureIo } from "../../../test/support/captureIo";
import { main } from "../main";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-sample-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tracker sample", () => {
  it("writes a workbook exceljs can read, with the planted-problem list beside it", async () => {
    const out = path.join(dir, "sample.xlsx");
    const plantedFile = path.join(dir, "planted.json");
    const io = captureIo();
    const code = await main(
      [
        "sample",
        "--rows",
        "60",
        "--seed",
        "3",
        "--as-of",
        "2026-11-24",
        "--out",
        out,
        "--planted",
        plantedFile,
      ],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe(`Wrote ${out} (as at 24/11/2026, seed 3):`);
    expect(io.stdout).toContain("  Joint Tracker             60 rows");
    expect(io.stdout.join("\n")).toMatch(/^Planted problems: \d+ \(title-row 1, lac-header 5, /m);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Joint Tracker",
      "PLO Tracker",
      "Recruitment & Assessment",
      "Fostering Support",
      "Family Finding",
      "Connected Persons",
      "Tracker history",
    ]);
    expect(workbook.getWorksheet("Tracker history")?.state).toBe("hidden");
    const joint = workbook.getWorksheet("Joint Tracker") as ExcelJS.Worksheet;
    expect(joint.rowCount).toBe(62);
    expect(joint.getCell("A1").value).toBe("Joint tracker – children looked after (as at 24/11/2026)");
    expect(joint.getCell("AC1").isMerged).toBe(true);
    expect(joint.getCell("A2").value).toBe("Child ID");
    expect(joint.getCell("A2").font?.bold).toBe(true);
    expect(joint.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });

    const planted = z.array(PlantedProblem).parse(JSON.parse(readFileSync(plantedFile, "utf8")));
    const expected = generateSampleTracker({
      children: 60,
      seed: 3,
      asOf: parseIsoDate("2026-11-24") as EpochDay,
    });
    expect(planted).toEqual(expected.planted);
    // Every cell reads back as generated: dates as the same UTC-midnight Date, shown dd/mm/yyyy.
    for (const sheet of expected.sheets) {
      const worksheet = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      sheet.values.forEach((values, r) =>
        values.forEach((value, c) => {
          const cell = worksheet.getCell(r + 1, c + 1);
          if (value instanceof Date) {
            expect(cell.value).toEqual(value);
            expect(cell.numFmt).toBe("dd/mm/yyyy");
          } else if (!(r === 0 && sheet.merges !== undefined)) {
            expect(cell.value).toEqual(value);
          }
        }),
      );
    }
  });

  it("writes a clean workbook with --clean and says there are no planted problems", async () => {
    const out = path.join(dir, "clean.xlsx");
    const io = captureIo();
    expect(await main(["sample", "--rows", "20", "--clean", "--out", out], io)).toBe(0);
    // --as-of defaults to today by the user's clock (captureIo fixes it at 24/11/2026).
    expect(io.stdout[0]).toBe(`Wrote ${out} (as at 24/11/2026, seed 1, clean):`);
    expect(io.stdout).toContain("Planted problems: none (--clean)");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("Joint Tracker")?.getCell("A1").value).toBe("Child ID");
  });

  it("writes a tracker without a Tracker history with --no-history, and says so", async () => {
    const out = path.join(dir, "no-history.xlsx");
    const io = captureIo();
    expect(await main(["sample", "--rows", "20", "--no-history", "--out", out], io)).toBe(0);
    expect(io.stdout).toContain("  No Tracker history (--no-history): recurring standards show “no history”");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet("Tracker history")).toBeUndefined();
    expect(workbook.worksheets).toHaveLength(6);
  });

  it.each([
    [["sample"], "tracker sample: --out <file.xlsx> is required (see `tracker sample --help`)"],
    [["sample", "--out", "x.csv"], "tracker sample: --out must name an .xlsx file, not “x.csv”"],
    [
      ["sample", "--out", "x.xlsx", "--rows", "many"],
      "tracker sample: --rows must be a whole number, not “many”",
    ],
    [
      ["sample", "--out", "x.xlsx", "--rows", "0"],
      "tracker sample: --rows must be between 1 and 200,000, not 0",
    ],
    [
      ["sample", "--out", "x.xlsx", "--as-of", "31/02/2026"],
      "tracker sample: --as-of: “31/02/2026” is not a valid date: there is no 31 February 2026",
    ],
  ])("exits 2 with one line for %j", async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toEqual([message]);
  });

  it("exits 2 with one plain line when the folder does not exist", async () => {
    const out = path.join(dir, "no such folder", "x.xlsx");
    const io = captureIo();
    expect(await main(["sample", "--rows", "5", "--out", out], io)).toBe(2);
    expect(io.stderr).toEqual([`tracker sample: cannot write “${out}”: the folder does not exist`]);
  });
});
