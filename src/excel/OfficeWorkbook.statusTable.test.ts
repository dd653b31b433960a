import type { ExcelHostName } from "../../test/support/excelHostProfiles";
import { FakeExcel, type FakeCellValue } from "../../test/support/fakeExcel";
import { epochDayFromParts } from "../engine/dates/epochDay";
import { STATUS_RULES } from "../engine/status/buildStatusColumns";
import { STATUS_BLOCK_MARKER, type StatusColumnsModel } from "../engine/status/StatusColumnsModel";
import { OfficeWorkbook } from "./OfficeWorkbook";

/** A tracker kept as an Excel Table: title in A1, the table A2:D6 (four children), a note in A8. */
function trackerAsTable(table = "A2:D6", host: ExcelHostName = "web"): FakeExcel {
  const excel = new FakeExcel({ host });
  excel.addSheet({
    name: "Joint Tracker",
    values: [
      ["Permanence tracker"],
      ["Child ID", "Name", "Date became looked after", "Legal status"],
      ["C001", "A.B.", "01/02/2024", "C2"],
      ["C002", "C.D.", "03/04/2024", "V20"],
      ["C003", "E.F.", "05/06/2024", "C2"],
      ["C004", "G.H.", "07/08/2024", "E1"],
      [],
      ["Checked by the IRO"],
    ],
    tables: [{ name: "Tracker", address: table }],
  });
  return excel;
}

/** The status block for rows 3 to 5 (the fourth child has no status yet), from column E. */
const statusBlock = (standards: string[], clearColumns = 0): StatusColumnsModel => ({
  sheet: "Joint Tracker",
  headerRow: 2,
  firstColumn: 5,
  headers: [STATUS_BLOCK_MARKER, ...standards.map((s) => `▸ RAG: ${s}`), "▸ RAG next due date"],
  note: "Written by the add-in",
  rows: [3, 4, 5].map((row) => ({
    row,
    values: [
      row === 3 ? "Red" : "Green",
      ...standards.map(() => (row === 3 ? "Overdue" : "Met")),
      { date: epochDayFromParts(2025, 3, row) ?? 0 },
    ],
  })),
  clear: { columns: clearColumns, lastRow: 5 },
  formatRange: `E3:${String.fromCharCode(69 + standards.length)}5`,
  rules: [...STATUS_RULES],
  columnWidths: { 5: 14 },
});

function rowsOf(excel: FakeExcel, from: number, to: number): Array<Array<FakeCellValue | undefined>> {
  const sheet = excel.sheet("Joint Tracker");
  return (sheet?.values ?? []).slice(from - 1, to).map((row) => [...(row ?? [])]);
}

describe("OfficeWorkbook status columns on a tracker kept as an Excel Table", () => {
  it("writes the block as one undo step on Microsoft 365, keeping the user's own undo history", async () => {
    const excel = trackerAsTable("A2:D6", "microsoft365");
    excel.userEdit("the user's own edit", () => undefined);
    const before = excel.state();
    await new OfficeWorkbook(excel).writeStatusColumns(statusBlock(["1st review", "PPM"]));
    expect(excel.undoStack.map((s) => s.label)).toEqual([
      "the user's own edit",
      expect.stringMatching(/^add-in: /),
    ]);
    excel.undo();
    expect(excel.state()).toBe(before);
  });

  it("adds the block as table columns when the table ends just before it", async () => {
    const excel = trackerAsTable();
    const before = rowsOf(excel, 1, 8).map((row) => row.slice(0, 4));
    const written = await new OfficeWorkbook(excel).writeStatusColumns(statusBlock(["1st review", "PPM"]));

    expect(written).toEqual({ ok: true, report: { sheet: "Joint Tracker", range: "E2:H5", rows: 3 } });
    expect(excel.sheet("Joint Tracker")?.tables).toEqual([{ name: "Tracker", address: "A2:H6" }]);
    expect(rowsOf(excel, 2, 2)[0]?.slice(4)).toEqual([
      STATUS_BLOCK_MARKER,
      "▸ RAG: 1st review",
      "▸ RAG: PPM",
      "▸ RAG next due date",
    ]);
    expect(rowsOf(excel, 3, 3)[0]?.slice(4, 7)).toEqual(["Red", "Overdue", "Overdue"]);
    expect(rowsOf(excel, 1, 8).map((row) => row.slice(0, 4))).toEqual(before);
  });

  it("puts the conditional formats on the table column bodies, down to the table's last row", async () => {
    const excel = trackerAsTable();
    await new OfficeWorkbook(excel).writeStatusColumns(statusBlock(["1st review", "PPM"]));
    const addresses = new Set(excel.sheet("Joint Tracker")?.conditionalFormats?.map((cf) => cf.address));
    expect([...addresses]).toEqual(["E3:G6"]);
  });

  it("on a re-run with fewer standards, updates the table's columns and removes the one no longer needed", async () => {
    const excel = trackerAsTable();
    const port = new OfficeWorkbook(excel);
    await port.writeStatusColumns(statusBlock(["1st review", "PPM"]));
    const again = await port.writeStatusColumns(statusBlock(["1st review"], 4));

    expect(again).toEqual({ ok: true, report: { sheet: "Joint Tracker", range: "E2:G5", rows: 3 } });
    expect(excel.sheet("Joint Tracker")?.tables).toEqual([{ name: "Tracker", address: "A2:G6" }]);
    // No "Column1": the surplus column left the table before its header was blanked.
    const blockCells = rowsOf(excel, 2, 6).map((row) => [4, 5, 6, 7].map((c) => row[c] ?? ""));
    expect(blockCells).toEqual([
      [STATUS_BLOCK_MARKER, "▸ RAG: 1st review", "▸ RAG next due date", ""],
      ["Red", "Overdue", 45719, ""],
      ["Green", "Met", 45720, ""],
      ["Green", "Met", 45721, ""],
      ["", "", "", ""],
    ]);
  });

  it("on a re-run with more standards, adds only the new columns to the table", async () => {
    const excel = trackerAsTable();
    const port = new OfficeWorkbook(excel);
    await port.writeStatusColumns(statusBlock(["1st review"]));
    expect(excel.sheet("Joint Tracker")?.tables[0]?.address).toBe("A2:G6");
    await port.writeStatusColumns(statusBlock(["1st review", "PPM", "Health"], 3));
    expect(excel.sheet("Joint Tracker")?.tables[0]?.address).toBe("A2:I6");
    expect(rowsOf(excel, 2, 2)[0]?.slice(4)).toEqual([
      STATUS_BLOCK_MARKER,
      "▸ RAG: 1st review",
      "▸ RAG: PPM",
      "▸ RAG: Health",
      "▸ RAG next due date",
    ]);
  });

  it("leaves a table that does not end before the block as it is and writes the block beside it", async () => {
    const excel = trackerAsTable("A2:C6");
    const written = await new OfficeWorkbook(excel).writeStatusColumns(statusBlock(["PPM"]));
    expect(written.ok).toBe(true);
    expect(excel.sheet("Joint Tracker")?.tables).toEqual([{ name: "Tracker", address: "A2:C6" }]);
    expect(rowsOf(excel, 2, 2)[0]?.slice(4)).toEqual([
      STATUS_BLOCK_MARKER,
      "▸ RAG: PPM",
      "▸ RAG next due date",
    ]);
    expect(excel.sheet("Joint Tracker")?.conditionalFormats?.[0]?.address).toBe("E3:F5");
  });
});

describe("OfficeWorkbook status columns beside a table column the user added", () => {
  /** The block written once (E:H), then a table column of the user's own added right of it (I). */
  async function withUsersColumnAfterBlock(): Promise<{ excel: FakeExcel; port: OfficeWorkbook }> {
    const excel = trackerAsTable();
    const port = new OfficeWorkbook(excel);
    await port.writeStatusColumns(statusBlock(["1st review", "PPM"]));
    excel.userEdit("the user adds a Social worker column to the table", (e) => {
      const sheet = e.sheet("Joint Tracker");
      if (!sheet) throw new Error("no tracker");
      ["Social worker", "J. Smith", "K. Jones", "L. Brown", "M. Green"].forEach((value, i) => {
        (sheet.values[i + 1] ??= [])[8] = value;
      });
      (sheet.tables[0] as { address: string }).address = "A2:I6";
    });
    return { excel, port };
  }
  const usersColumn = (excel: FakeExcel): unknown[] =>
    rowsOf(excel, 2, 6).map((row) => row.find((v) => v === "Social worker" || /^[A-Z]\. /.test(String(v))));

  it("keeps the user's table column on a re-run of the same width", async () => {
    const { excel, port } = await withUsersColumnAfterBlock();
    const again = await port.writeStatusColumns(statusBlock(["1st review", "PPM"], 4));
    expect(again.ok).toBe(true);
    expect(excel.sheet("Joint Tracker")?.tables[0]?.address).toBe("A2:I6");
    expect(rowsOf(excel, 2, 6).map((row) => row[8])).toEqual([
      "Social worker",
      "J. Smith",
      "K. Jones",
      "L. Brown",
      "M. Green",
    ]);
  });

  it("refuses a narrower re-run, changing nothing, rather than delete or move the user's table column", async () => {
    const { excel, port } = await withUsersColumnAfterBlock();
    const before = excel.state();
    const again = await port.writeStatusColumns(statusBlock(["1st review"], 4));
    expect(again).toEqual({
      ok: false,
      problem: { code: "write-failed", message: expect.stringContaining("the Excel Table “Tracker”") },
    });
    expect(excel.state()).toBe(before);
    expect(usersColumn(excel)).toEqual(["Social worker", "J. Smith", "K. Jones", "L. Brown", "M. Green"]);
  });
});
