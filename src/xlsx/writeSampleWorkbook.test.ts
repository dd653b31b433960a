import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SampleTracker } from "../engine/sample/SampleTracker";
import { writeSampleWorkbook } from "./writeSampleWorkbook";

describe("writeSampleWorkbook", () => {
  it("writes the title merged, the header bold and frozen, dates as dd/mm/yyyy and errors as errors", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sample-writer-"));
    try {
      const file = path.join(dir, "t.xlsx");
      const sample: SampleTracker = {
        planted: [],
        sheets: [
          {
            name: "Joint Tracker",
            headerRow: 2,
            merges: ["A1:C1"],
            values: [
              ["A title", null, null],
              ["Child ID", "Date became looked after", "Notes"],
              ["C100001", new Date(Date.UTC(2026, 5, 30)), { error: "#N/A" }],
              ["C100002", "TBC", { error: "#SPILL!" }],
            ],
          },
        ],
      };
      await writeSampleWorkbook(sample, file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.getWorksheet("Joint Tracker") as ExcelJS.Worksheet;
      expect(sheet.getCell("C1").isMerged).toBe(true);
      expect(sheet.getCell("A2").font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(sheet.getCell("B3").value).toEqual(new Date(Date.UTC(2026, 5, 30)));
      expect(sheet.getCell("B3").numFmt).toBe("dd/mm/yyyy");
      expect(sheet.getCell("B4").value).toBe("TBC");
      expect(sheet.getCell("C3").value).toEqual({ error: "#N/A" });
      // exceljs cannot write newer error values: they are kept as their text.
      expect(sheet.getCell("C4").value).toBe("#SPILL!");
      // The long header wraps rather than widening its column past what the dates need.
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(12);
      expect(sheet.getColumn(2).width).toBeLessThan("Date became looked after".length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
