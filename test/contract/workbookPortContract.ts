import type { CellValue } from "../../src/engine/cells/CellValue";
import type { ChangeSet, CellChange } from "../../src/engine/port/ChangeSet";
import type { MemorySheet } from "../../src/engine/port/MemoryWorkbook";
import type { SheetModel } from "../../src/engine/port/SheetModel";
import type { SheetWrite, WorkbookPort } from "../../src/engine/port/WorkbookPort";
import { epochDayFromParts, utcDateFromEpochDay } from "../../src/engine/dates/epochDay";
import { STATUS_BLOCK_MARKER, type StatusColumnsModel } from "../../src/engine/status/StatusColumnsModel";
import { STATUS_RULES } from "../../src/engine/status/buildStatusColumns";
import { runsOf } from "../support/modelRuns";

/** A port under test; `reload` saves it and opens what was saved, where the port has a file. */
export type PortUnderTest = WorkbookPort & { reload?(): Promise<WorkbookPort> };

const day = (y: number, m: number, d: number): Date => utcDateFromEpochDay(epochDayFromParts(y, m, d) ?? 0);

const tracker = (): MemorySheet => ({
  name: "Joint Tracker",
  values: [
    ["Joint tracker: November", null, null, null],
    ["Child ID", "Name", "Date became looked after", "Placements"],
    ["C001", "A.B.", day(2024, 4, 3), 2],
    ["C002", null, "03/04/2024", 1],
    ["C003", "C.D.", { error: "#N/A" }, true],
  ],
  merges: ["A1:D1"],
  hiddenRows: [4],
});

const locked = (): MemorySheet => ({
  name: "Locked",
  values: [
    ["Child ID", "Date"],
    ["C009", "01/02/2024"],
  ],
  protected: true,
});

const agenda = (title: string): SheetModel => ({
  name: "Agenda 14-11-2025",
  purpose: "agenda",
  runs: runsOf([
    { row: 1, column: 1, value: title, style: { bold: true, size: 14 } },
    { row: 3, column: 1, value: "Child ID" },
    { row: 3, column: 2, value: "Due" },
    { row: 4, column: 1, value: "C001", link: { sheet: "Joint Tracker", cell: "A3" } },
    { row: 4, column: 2, value: { date: epochDayFromParts(2025, 3, 14) ?? 0 } },
    { row: 5, column: 1, value: "C002" },
    { row: 5, column: 2, value: 6 },
  ]),
  merges: ["A1:C1"],
  columnWidths: { 1: 14, 2: 12 },
  freeze: { rows: 3, columns: 0 },
  print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 3, last: 3 } },
});

const change = (cell: string, old: CellValue, value: CellValue, sheet = "Joint Tracker"): CellChange => ({
  sheet,
  cell,
  old,
  new: value,
  rule: "text-date",
});

const set = (...changes: CellChange[]): ChangeSet => ({ id: "fix-1", description: "Text dates", changes });

/** A status block beside the tracker's table (header row 2, columns A to D), from column E. */
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
      row === 5 ? null : { date: epochDayFromParts(2025, 3, row) ?? 0 },
    ],
  })),
  clear: { columns: clearColumns, lastRow: 5 },
  formatRange: `E3:${String.fromCharCode(69 + standards.length)}5`,
  rules: [...STATUS_RULES],
  columnWidths: { 5: 14 },
});

/** Dates become their ISO day, so values compare the same whatever the time of day. */
function plain(values: CellValue[][]): unknown[][] {
  return values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
}

/**
 * What a port's host cannot do, which the contract then expects it to say rather than do: Excel
 * 2019 (ExcelApi 1.7) cannot report merged cells or hidden rows (1.13, 1.9) nor set print settings.
 */
export interface PortLimits {
  /** False where snapshots cannot hold merges and hidden rows (and a note says so). */
  readsMergesAndHiddenRows?: false;
  /** Notes a write adds on this host about what it could not do, left out when comparing notes. */
  hostNotes?: readonly RegExp[];
}

/**
 * The behaviour every WorkbookPort shares: the in-memory, .xlsx and Office ports each run this suite,
 * so a job tested over one behaves the same over the others.
 */
export function describeWorkbookPort(
  name: string,
  make: (sheets: readonly MemorySheet[]) => Promise<PortUnderTest>,
  limits: PortLimits = {},
): void {
  // A write's notes without those that only say what this host cannot do.
  const withoutHostNotes = (write: SheetWrite): SheetWrite => ({
    ...write,
    notes: write.notes.filter((note) => !limits.hostNotes?.some((pattern) => pattern.test(note))),
  });
  const layout = <T>(expected: T[]): T[] => (limits.readsMergesAndHiddenRows === false ? [] : expected);
  const reopen = async (port: PortUnderTest): Promise<WorkbookPort> => (port.reload ? port.reload() : port);
  const asRead = async (sheet: MemorySheet): Promise<unknown[][]> =>
    plain((await (await make([sheet])).readSheet(sheet.name)).values);

  describe(`${name} (workbook port contract)`, () => {
    it("lists its sheets in tab order with their visibility and protection", async () => {
      const port = await make([
        tracker(),
        locked(),
        { name: "Notes", values: [["x"]], visibility: "hidden" },
      ]);
      expect(await port.listSheets()).toEqual([
        { name: "Joint Tracker", visibility: "visible", protected: false },
        { name: "Locked", visibility: "visible", protected: true },
        { name: "Notes", visibility: "hidden", protected: false },
      ]);
    });

    it("reads a table from A1 with blanks as null, errors as values, merges and hidden rows", async () => {
      const port = await make([tracker()]);
      const snapshot = await port.readSheet("Joint Tracker");
      expect(plain(snapshot.values)).toEqual([
        ["Joint tracker: November"],
        ["Child ID", "Name", "Date became looked after", "Placements"],
        ["C001", "A.B.", "2024-04-03", 2],
        ["C002", null, "03/04/2024", 1],
        ["C003", "C.D.", { error: "#N/A" }, true],
      ]);
      expect(snapshot.merges).toEqual(layout(["A1:D1"]));
      expect(snapshot.hiddenRows ?? []).toEqual(layout([4]));
      expect(snapshot.protected).toBe(false);
    });

    it("finds a sheet whatever the case of its name, as Excel does", async () => {
      const port = await make([tracker()]);
      expect((await port.readSheet("joint tracker")).name).toBe("Joint Tracker");
    });

    it("writes a model and reads it back: text, numbers, dates, links as their text, merges", async () => {
      const port = await make([tracker()]);
      await port.writeSheet(agenda("Joint tracking surgery"));
      const again = await reopen(port);
      const snapshot = await again.readSheet("Agenda 14-11-2025");
      expect(plain(snapshot.values)).toEqual([
        ["Joint tracking surgery"],
        [],
        ["Child ID", "Due"],
        ["C001", "2025-03-14"],
        ["C002", 6],
      ]);
      expect(snapshot.merges).toEqual(layout(["A1:C1"]));
      expect((await again.listSheets()).map((s) => s.name)).toEqual(["Joint Tracker", "Agenda 14-11-2025"]);
    });

    it("writes a model's runs as the cells they stand for, dates as dates and a link on its cell", async () => {
      const port = await make([tracker()]);
      const due = epochDayFromParts(2025, 3, 14) ?? 0;
      await port.writeSheet({
        name: "Compact",
        purpose: "summaryData",
        runs: [
          { row: 1, column: 1, values: ["Heading"] },
          {
            row: 2,
            column: 1,
            values: ["C001", { date: due }, 6],
            styles: [undefined, { numberFormat: "dd/mm/yyyy" }],
            link: { column: 1, sheet: "Joint Tracker", cell: "A3" },
          },
          {
            row: 3,
            column: 2,
            values: ["Joint Tracker", 3, { date: due }],
            link: { column: 3, sheet: "Joint Tracker", cell: "A3" },
          },
          { row: 4, column: 2, values: ["Joint Tracker", 5, null] },
        ],
      });
      const snapshot = await (await reopen(port)).readSheet("Compact");
      expect(plain(snapshot.values)).toEqual([
        ["Heading"],
        ["C001", "2025-03-14", 6],
        [null, "Joint Tracker", 3, "2025-03-14"],
        [null, "Joint Tracker", 5],
      ]);
    });

    it("writes a very hidden sheet", async () => {
      const port = await make([tracker()]);
      await port.writeSheet({
        name: "TrackerProfile",
        purpose: "profile",
        visibility: "veryHidden",
        runs: [],
      });
      const sheets = await (await reopen(port)).listSheets();
      expect(sheets.find((s) => s.name === "TrackerProfile")?.visibility).toBe("veryHidden");
    });

    it("replaces an owned sheet without duplicating it and keeps its place among the tabs", async () => {
      const port = await make([tracker()]);
      await port.writeSheet(agenda("First"));
      await port.writeSheet({ name: "Data quality", purpose: "dataQuality", runs: [] });
      await port.writeSheet(agenda("Second"));
      const again = await reopen(port);
      expect((await again.listSheets()).map((s) => s.name)).toEqual([
        "Joint Tracker",
        "Agenda 14-11-2025",
        "Data quality",
      ]);
      expect((await again.readSheet("Agenda 14-11-2025")).values[0]).toEqual(["Second"]);
    });

    it.each(["Data quality", "Change log", "Agenda 14-11-2025", "Summary 2026-10"])(
      "never overwrites a user's own sheet named “%s”: the output gets another name and a note",
      async (name) => {
        const users: MemorySheet = { name, values: [["My own notes"], [42]] };
        const port = await make([tracker(), users]);
        const written = await port.writeSheet({ ...agenda("Ours"), name, purpose: "dataQuality" });
        expect(written.name).toBe(`${name} (2)`);
        expect(written.replaced).toBe(false);
        expect(written.notes.join(" ")).toContain(`“${name}” is already in the workbook`);
        const again = await reopen(port);
        expect((await again.readSheet(name)).values).toEqual([["My own notes"], [42]]);
        expect((await again.readSheet(`${name} (2)`)).values[0]).toEqual(["Ours"]);
        // Written again, the output replaces its own sheet, not the user's, and says nothing new.
        const second = await again.writeSheet({ ...agenda("Ours again"), name, purpose: "dataQuality" });
        expect(withoutHostNotes(second)).toEqual({ name: `${name} (2)`, replaced: true, notes: [] });
        const third = await reopen(again);
        expect((await third.readSheet(name)).values).toEqual([["My own notes"], [42]]);
        expect((await third.readSheet(`${name} (2)`)).values[0]).toEqual(["Ours again"]);
        expect((await third.listSheets()).map((s) => s.name)).toEqual(["Joint Tracker", name, `${name} (2)`]);
      },
    );

    it("knows its own sheets after the workbook is saved and opened again, and lists them as outputs", async () => {
      const port = await make([tracker()]);
      const first = await port.writeSheet(agenda("First"));
      expect(withoutHostNotes(first)).toEqual({ name: "Agenda 14-11-2025", replaced: false, notes: [] });
      const again = await reopen(port);
      expect(withoutHostNotes(await again.writeSheet(agenda("Second")))).toEqual({
        name: "Agenda 14-11-2025",
        replaced: true,
        notes: [],
      });
      const sheets = await (await reopen(again)).listSheets();
      expect(sheets.map((s) => [s.name, s.output])).toEqual([
        ["Joint Tracker", undefined],
        ["Agenda 14-11-2025", "Agenda 14-11-2025"],
      ]);
    });

    it("appends rows below the last row of its own sheet, dates as dates, leaving the rows above as they were", async () => {
      const port = await make([tracker()]);
      const log: SheetModel = {
        name: "Tracker history",
        purpose: "trackerHistory",
        visibility: "hidden",
        runs: [
          { row: 1, column: 1, values: ["ID", "Date"] },
          { row: 2, column: 1, values: ["C001", { date: epochDayFromParts(2025, 3, 14) ?? 0 }] },
        ],
      };
      const written = await port.writeSheet(log);
      const appended = await port.appendRows("tracker history", [
        ["C002", { date: epochDayFromParts(2025, 4, 1) ?? 0 }],
        ["C003", "=1+1"],
      ]);
      expect(appended).toEqual({ kind: "appended", name: written.name, firstRow: 3 });
      const again = await reopen(port);
      expect(plain((await again.readSheet(written.name)).values)).toEqual([
        ["ID", "Date"],
        ["C001", "2025-03-14"],
        ["C002", "2025-04-01"],
        ["C003", "=1+1"],
      ]);
      expect((await again.listSheets()).find((s) => s.name === written.name)?.visibility).toBe("hidden");
      expect(await again.appendRows("Tracker history", [["C004"]])).toMatchObject({ firstRow: 5 });
    });

    it("appends to no sheet but its own: a user's sheet of that name is left alone", async () => {
      const port = await make([tracker(), { name: "Tracker history", values: [["mine"]] }]);
      expect(await port.appendRows("Tracker history", [["C002"]])).toEqual({ kind: "missing" });
      expect(plain((await (await reopen(port)).readSheet("Tracker history")).values)).toEqual([["mine"]]);
    });

    it("applies a change set, setting the number format, and reports each change applied", async () => {
      const port = await make([tracker()]);
      const textToDate = { ...change("C4", "03/04/2024", day(2024, 4, 3)), numberFormat: "dd/mm/yyyy" };
      const name = change("B4", null, "E.F.");
      const report = await port.applyChanges(set(textToDate, name));
      expect(report).toEqual({ applied: [textToDate, name], skipped: [] });
      const snapshot = await (await reopen(port)).readSheet("Joint Tracker");
      expect(plain(snapshot.values)[3]).toEqual(["C002", "E.F.", "2024-04-03", 1]);
    });

    it("skips a cell edited since the change was computed and says what it holds now", async () => {
      const port = await make([tracker()]);
      const stale = change("C4", "04/03/2024", day(2024, 3, 4));
      const report = await port.applyChanges(set(stale));
      expect(report).toEqual({
        applied: [],
        skipped: [{ change: stale, reason: "edited-since", current: "03/04/2024" }],
      });
      expect((await (await reopen(port)).readSheet("Joint Tracker")).values[3]?.[2]).toBe("03/04/2024");
    });

    it("compares dates by day, numbers exactly and treats a blank cell as empty text", async () => {
      const port = await make([tracker()]);
      const sameDay = change("C3", new Date(Date.UTC(2024, 3, 3, 13, 30)), day(2024, 4, 4));
      const otherNumber = change("D3", 2.0001, 3);
      const blank = change("B4", "", "G.H.");
      const report = await port.applyChanges(set(sameDay, otherNumber, blank));
      expect(report.applied).toEqual([sameDay, blank]);
      expect(report.skipped.map((s) => [s.change.cell, s.reason])).toEqual([["D3", "edited-since"]]);
    });

    it("refuses changes to a protected sheet and to a sheet that no longer exists", async () => {
      const port = await make([tracker(), locked()]);
      const onLocked = change("B2", "01/02/2024", day(2024, 2, 1), "Locked");
      const onMissing = change("B2", "x", "y", "Gone");
      const report = await port.applyChanges(set(onLocked, onMissing));
      expect(report.applied).toEqual([]);
      expect(report.skipped.map((s) => s.reason)).toEqual(["sheet-protected", "sheet-missing"]);
      expect((await (await reopen(port)).readSheet("Locked")).values[1]).toEqual(["C009", "01/02/2024"]);
    });

    it("writes status columns beside a table and leaves every cell of the table as it was", async () => {
      const port = await make([tracker()]);
      const written = await port.writeStatusColumns(statusBlock(["1st review", "PPM"]));
      expect(written).toEqual({ ok: true, report: { sheet: "Joint Tracker", range: "E2:H5", rows: 3 } });
      const values = plain((await (await reopen(port)).readSheet("Joint Tracker")).values);
      expect(values.map((row) => row.slice(0, 4))).toEqual(await asRead(tracker()));
      expect(values.map((row) => row.slice(4))).toEqual([
        [],
        [STATUS_BLOCK_MARKER, "▸ RAG: 1st review", "▸ RAG: PPM", "▸ RAG next due date"],
        ["Red", "Overdue", "Overdue", "2025-03-03"],
        ["Green", "Met", "Met", "2025-03-04"],
        ["Green", "Met", "Met"],
      ]);
    });

    it("re-writing status columns replaces the earlier block in place, clearing what it no longer needs", async () => {
      const port = await make([tracker()]);
      await port.writeStatusColumns(statusBlock(["1st review", "PPM"]));
      const again = await port.writeStatusColumns(statusBlock(["1st review"], 4));
      expect(again).toEqual({ ok: true, report: { sheet: "Joint Tracker", range: "E2:G5", rows: 3 } });
      const values = plain((await (await reopen(port)).readSheet("Joint Tracker")).values);
      expect(values.map((row) => row.slice(0, 4))).toEqual(await asRead(tracker()));
      expect(values.map((row) => row.slice(4))).toEqual([
        [],
        [STATUS_BLOCK_MARKER, "▸ RAG: 1st review", "▸ RAG next due date"],
        ["Red", "Overdue", "2025-03-03"],
        ["Green", "Met", "2025-03-04"],
        ["Green", "Met"],
      ]);
    });

    it("refuses status columns on a protected sheet or a missing one and changes nothing", async () => {
      const port = await make([tracker(), locked()]);
      const onLocked = await port.writeStatusColumns({ ...statusBlock(["PPM"]), sheet: "Locked" });
      const onMissing = await port.writeStatusColumns({ ...statusBlock(["PPM"]), sheet: "Gone" });
      expect([onLocked, onMissing].map((w) => (w.ok ? "written" : w.problem.code))).toEqual([
        "sheet-protected",
        "sheet-missing",
      ]);
      expect((await (await reopen(port)).readSheet("Locked")).values).toEqual(locked().values);
    });
  });
}
