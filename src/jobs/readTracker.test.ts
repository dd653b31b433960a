import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { cellOf } from "../engine/tables/TrackerTable";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { readTracker } from "./readTracker";

const folder = mkdtempSync(join(tmpdir(), "read-tracker-"));
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/**
 * A tracker as one authority kept it: a merged title over LAC wording, blank and hidden rows, a
 * column of its own, formulas and an error; a protected PLO sheet; no family finding sheet.
 */
async function lacTracker(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("LAC tracker");
  ws.mergeCells("A1:G1");
  ws.getCell("A1").value = "Children looked after - November 2025";
  ws.getRow(3).values = [
    "LAC ID",
    "D.O.B.",
    "Date became LAC",
    "1st LAC review",
    "Allocated SW",
    "Pet's name",
    "Weeks in care",
  ];
  ws.getRow(4).values = ["C001", utc(2015, 1, 2), utc(2024, 4, 3), utc(2024, 4, 30), "Sam Jones", "Rex"];
  ws.getCell("G4").value = { formula: "ROUND((DATE(2025,11,14)-C4)/7,0)", result: 84 };
  ws.getRow(6).values = ["C002", null, "03/04/2024", null, "Ali Khan"];
  ws.getCell("D6").value = { formula: "C6+20", result: { error: "#VALUE!" } };
  ws.getRow(7).values = ["C003", null, utc(2025, 1, 6), null, "Sam Jones"];
  ws.getCell("D7").value = { formula: "WORKDAY(C7,20)", result: utc(2025, 2, 3) };
  ws.getRow(7).hidden = true;
  for (const cell of ["B4", "C4", "D4", "C7", "D7"]) ws.getCell(cell).numFmt = "dd/mm/yyyy";

  const plo = wb.addWorksheet("PLO");
  plo.addRow(["Child ID", "Social worker", "First LPM", "Outcome"]);
  plo.addRow(["C010", "Ali Khan", utc(2025, 9, 1), "Issue"]);
  await plo.protect("", {});

  const recruitment = wb.addWorksheet("Recruitment");
  recruitment.addRow(["Household ID", "Applicants", "Enquiry date"]);
  recruitment.addRow(["H1", "Smith", utc(2025, 2, 1)]);

  const path = join(folder, "lac-tracker.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("readTracker", () => {
  it("reads each profile sheet the workbook has, in place, from a real .xlsx file", async () => {
    const port = await XlsxWorkbook.load(await lacTracker());
    const read = await readTracker(port, DEFAULT_PROFILE);

    expect(read.tables.map((t) => [t.sheetKey, t.sheetName, t.headerRow])).toEqual([
      ["jointTracker", "LAC tracker", 3],
      ["ploTracker", "PLO", 1],
      ["recruitment", "Recruitment", 1],
    ]);
    const joint = read.tables[0]!;
    expect(joint.columns.map((c) => c.key)).toEqual([
      "childId",
      "dateOfBirth",
      "becameLookedAfter",
      "firstReview",
      "socialWorker",
    ]);
    expect(joint.rows.map((r) => r.rowNumber)).toEqual([4, 6, 7]);
    expect(joint.rows.map((r) => cellOf(r, "firstReview"))).toEqual([
      utc(2024, 4, 30),
      { error: "#VALUE!" },
      utc(2025, 2, 3),
    ]);
    expect(cellOf(joint.rows[1]!, "becameLookedAfter")).toBe("03/04/2024");

    const mapping = read.mappings.jointTracker;
    expect(mapping?.status === "read" && mapping.mapping.unknownColumns).toEqual([
      { column: 6, header: "Pet's name" },
      { column: 7, header: "Weeks in care" },
    ]);
  });

  it("reads a protected sheet: protection only stops fixes", async () => {
    const read = await readTracker(await XlsxWorkbook.load(await lacTracker()), DEFAULT_PROFILE);
    expect(read.tables[1]?.rows[0]?.values).toMatchObject({ childId: "C010", ploOutcome: "Issue" });
  });

  it("switches off what a missing sheet is needed for, in plain words", async () => {
    const read = await readTracker(await XlsxWorkbook.load(await lacTracker()), DEFAULT_PROFILE);
    const missing = read.findings.filter((f) => f.code === "SHEET-MISSING").map((f) => f.message);
    expect(missing).toEqual([
      "No Fostering Support sheet: approved household checks and fostering support agendas are off.",
      "No Family Finding sheet: family-finding checks and agendas are off.",
      "No Connected Persons sheet: connected persons checks and agendas are off.",
    ]);
    expect(read.mappings.familyFinding).toEqual({
      status: "missing",
      finding: expect.objectContaining({ sheet: "Family Finding" }),
    });
  });

  it("suggests the closest header for a missing required column in a real file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Joint Tracker");
    ws.addRow(["Child ID", "Name", "Date into kare"]);
    ws.addRow(["C001", "A.B.", utc(2024, 4, 3)]);
    const path = join(folder, "kare.xlsx");
    await wb.xlsx.writeFile(path);

    const read = await readTracker(await XlsxWorkbook.load(path), DEFAULT_PROFILE);
    const joint = read.mappings.jointTracker;
    expect(joint?.status === "read" && joint.mapping.missingRequired).toEqual([
      {
        key: "becameLookedAfter",
        title: "Date became looked after",
        suggestion: "Date into kare",
        suggestionColumn: 3,
      },
    ]);
    expect(read.findings.find((f) => f.code === "REQUIRED-COLUMN-MISSING")).toMatchObject({
      severity: "error",
      sheet: "Joint Tracker",
      cell: "C1",
    });
  });

  it("reads each sheet once", async () => {
    const port = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: [
          ["Child ID", "BLA"],
          ["C001", "03/04/2024"],
        ],
      },
      {
        name: "Matching",
        values: [
          ["Child ID", "Referral"],
          ["C001", "01/05/2024"],
        ],
      },
    ]);
    const readSheet = jest.spyOn(port, "readSheet");
    const read = await readTracker(port, DEFAULT_PROFILE);
    expect(readSheet.mock.calls.map((c) => c[0])).toEqual(["Joint Tracker", "Matching"]);
    expect(read.tables.map((t) => t.sheetKey)).toEqual(["jointTracker", "familyFinding"]);
  });
});
