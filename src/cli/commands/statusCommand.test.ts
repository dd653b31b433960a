import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { captureIo } from "../../../test/support/captureIo";
import { STANDARD_STATUSES } from "../../engine/evaluation/StandardResult";
import { main } from "../main";
import { statusCommand } from "./statusCommand";

const StatusJson = z.array(
  z
    .object({
      sheet: z.string(),
      row: z.number().int().positive(),
      id: z.string().nullable(),
      standard: z.string(),
      status: z.enum(STANDARD_STATUSES),
      deadline: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      elapsedWorkingDays: z.number().int().nullable(),
      overdueWorkingDays: z.number().int().nullable(),
    })
    .strict(),
);

let dir: string;
let workbookPath: string;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-status-"));
  workbookPath = path.join(dir, "tracker.xlsx");
  const workbook = new ExcelJS.Workbook();
  const joint = workbook.addWorksheet("Joint Tracker");
  joint.addRow(["Child ID", "Social worker", "Date became looked after", "1st CLA review", "1st PPM"]);
  joint.addRow(["C001", "Sam Patel", utc(2022, 5, 27), utc(2022, 6, 29), "TBC"]);
  joint.addRow(["C002", "Alex Jones", "20/06/2022", null, utc(2022, 6, 22)]);
  joint.addRow(["C003", "Alex Jones", "31/02/2022", null, null]);
  const holidays = workbook.addWorksheet("Holidays");
  holidays.addRow(["Date", "What the day is"]);
  // A local closure day inside C002's 1st PPM and review windows.
  holidays.addRow([utc(2022, 6, 24), "Office closed"]);
  await workbook.xlsx.writeFile(workbookPath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tracker status", () => {
  it("prints one JSON object per row and standard, in the documented shape", async () => {
    const io = captureIo();
    expect(await main(["status", workbookPath, "--as-of", "2022-07-01", "--json"], io)).toBe(0);
    const items = StatusJson.parse(JSON.parse(io.stdout.join("\n")));
    expect(items).toHaveLength(3 * 8);
    // Written line by line, it is exactly what JSON.stringify would print at once.
    expect(io.stdout.join("\n")).toBe(JSON.stringify(items, null, 2));
    expect(items.find((i) => i.id === "C001" && i.standard === "cla-review-1")).toEqual({
      sheet: "Joint Tracker",
      row: 2,
      id: "C001",
      standard: "cla-review-1",
      // Due 28/06/2022 by the bank holidays alone; the closure day on 24/06 moves it to 29/06.
      status: "met",
      deadline: "2022-06-29",
      elapsedWorkingDays: 20,
      overdueWorkingDays: 0,
    });
    expect(items.find((i) => i.id === "C003" && i.standard === "cla-review-1")).toMatchObject({
      status: "cannot assess",
      deadline: null,
      elapsedWorkingDays: null,
    });
  });

  it("prints an empty JSON list when no row is left", async () => {
    const io = captureIo();
    await main(["status", workbookPath, "--as-of", "2022-07-01", "--json", "--worker", "nobody"], io);
    expect(io.stdout.join("\n")).toBe("[]");
  });

  it("counts the workbook's Holidays sheet as non-working days", async () => {
    const io = captureIo();
    await main(["status", workbookPath, "--as-of", "2022-07-01", "--json", "--worker", "alex jones"], io);
    const items = StatusJson.parse(JSON.parse(io.stdout.join("\n")));
    // 10 working days from Mon 20/06/2022 with Fri 24/06 closed: 21, 22, 23, 27 ... 04/07 → 05/07.
    expect(items.find((i) => i.id === "C002" && i.standard === "ppm-first")).toMatchObject({
      status: "met",
      deadline: "2022-07-05",
    });
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(["C002", "C003"]));
  });

  it("lists, per worker, what is overdue and due soon with the reasons", async () => {
    const io = captureIo();
    expect(await main(["status", workbookPath, "--as-of", "2022-07-01"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(io.stdout[0]).toMatch(
      /^Status as of 01\/07\/2022: 1 overdue, \d+ due soon, \d+ cannot be assessed/,
    );
    expect(text).toContain(
      "Sam Patel\n  Joint Tracker row 2 (C001): 1st permanency planning meeting due 14/06/2022 (10 working days after becoming looked after on 27/05/2022; local target",
    );
    // 14/06 → 01/07/2022 is 13 weekdays, less the closure day on 24/06.
    expect(text).toMatch(/overdue by 12 working days$/m);
    expect(text).not.toMatch(/fail/i);
  });

  it("exits 2 with one line for a missing file, a bad date or an unknown sheet", async () => {
    for (const argv of [
      ["status", path.join(dir, "missing.xlsx")],
      ["status", workbookPath, "--as-of", "2022-02-30"],
      ["status", workbookPath, "--sheet", "Nonsense"],
      ["status"],
    ]) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(/^tracker status: /);
    }
  });

  it("has help that names every option", () => {
    for (const option of ["--as-of", "--json", "--sheet", "--worker"])
      expect(statusCommand.help).toContain(option);
  });
});
