import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { captureIo } from "../../../test/support/captureIo";
import { main } from "../main";

/** The head of `summary --json` exactly as evaluation-semantics.md "CLI JSON (summary --json)" says. */
const Count = z.number().int().min(0);
const SummaryJsonHead = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeliness: z.array(
    z
      .object({
        standard: z.string(),
        month: z.string().regex(/^\d{4}-\d{2}$/),
        cohort: Count,
        onTime: Count,
        late: Count,
      })
      .strict(),
  ),
  ppmBands: z.array(
    z
      .object({
        month: z.string().regex(/^\d{4}-\d{2}$/),
        upTo10: Count,
        from11To30: Count,
        from31To60: Count,
        over60: Count,
        noPpmYet: Count,
        ppmBeforeBla: Count,
        cannotAssess: Count,
      })
      .strict(),
  ),
});

let dir: string;
let samplePath: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-summary-"));
  samplePath = path.join(dir, "sample.xlsx");
  const io = captureIo();
  expect(
    await main(["sample", "--rows", "80", "--seed", "5", "--as-of", "2025-04-10", "--out", samplePath], io),
  ).toBe(0);
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((w) => w.name);
}

describe("tracker summary", () => {
  it("prints the JSON of the contract first: month, asOf, 12 months of timeliness and PPM bands", async () => {
    const io = captureIo();
    expect(
      await main(["summary", samplePath, "--month", "2025-03", "--as-of", "2025-04-10", "--json"], io),
    ).toBe(0);
    const json: unknown = JSON.parse(io.stdout.join("\n"));
    const head = SummaryJsonHead.parse(json);
    expect(Object.keys(json as object).slice(0, 4)).toEqual(["month", "asOf", "timeliness", "ppmBands"]);
    expect(head.month).toBe("2025-03");
    expect(head.asOf).toBe("2025-04-10");
    expect(head.ppmBands.map((b) => b.month)).toEqual([
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
    ]);
    const standards = new Set(head.timeliness.map((t) => t.standard));
    expect(head.timeliness).toHaveLength(12 * standards.size);
    for (const t of head.timeliness) expect(t.onTime + t.late).toBe(t.cohort);
    // A sample tracker of 80 children has deadlines falling in the last year.
    expect(head.timeliness.reduce((n, t) => n + t.cohort, 0)).toBeGreaterThan(0);
  }, 30_000);

  it("writes the summary sheets into a copy, leaves the input unchanged and replaces them when run again", async () => {
    const before = readFileSync(samplePath);
    const out = path.join(dir, "with-summary.xlsx");
    const io = captureIo();
    expect(
      await main(["summary", samplePath, "--month", "2025-03", "--as-of", "2025-04-10", "--out", out], io),
    ).toBe(0);
    expect(readFileSync(samplePath).equals(before)).toBe(true);
    const names = await sheetNames(out);
    expect(names).toEqual(expect.arrayContaining(["Summary 2025-03", "Summary data 2025-03"]));
    expect(io.stdout.join("\n")).toMatch(/as at 10\/04\/2025/);

    const again = path.join(dir, "again.xlsx");
    const io2 = captureIo();
    expect(
      await main(["summary", out, "--month", "2025-03", "--as-of", "2025-04-10", "--out", again], io2),
    ).toBe(0);
    const namesAgain = await sheetNames(again);
    expect(namesAgain).toEqual(names);
    expect(io2.stdout.join("\n")).toMatch(/replaced “Summary 2025-03”/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(again);
    const summary = workbook.getWorksheet("Summary 2025-03");
    expect(String(summary?.getCell("A1").value)).toBe("Permanence tracker summary: March 2025");
  }, 30_000);

  it("summarises a financial year", async () => {
    const io = captureIo();
    expect(
      await main(
        ["summary", samplePath, "--month", "2025-03", "--as-of", "2025-04-10", "--period", "year"],
        io,
      ),
    ).toBe(0);
    expect(io.stdout[0]).toMatch(/^Summary for 2024\/25 \(Apr 2024–Mar 2025\), as at 10\/04\/2025/);
  }, 30_000);

  it("refuses a month that is not YYYY-MM with one line and exit 2", async () => {
    const io = captureIo();
    expect(await main(["summary", samplePath, "--month", "03/2025"], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/--month must be a month such as 2025-03/);
  });
});
