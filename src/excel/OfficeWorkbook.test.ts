import { describeWorkbookPort } from "../../test/contract/workbookPortContract";
import { EXCEL_HOSTS, EXCEL_HOST_NAMES } from "../../test/support/excelHostProfiles";
import { FakeExcel, fakeExcelOf } from "../../test/support/fakeExcel";
import { runsOf } from "../../test/support/modelRuns";
import { epochDayFromParts } from "../engine/dates/epochDay";
import type { ApplyReport, ChangeSet, LogAppend } from "../engine/port/ChangeSet";
import type { SheetModel } from "../engine/port/SheetModel";
import { OfficeNavigator, OfficeWorkbook } from "./OfficeWorkbook";
import { OfficeWorkbookError } from "./OfficeWorkbookError";
import { OWNED_SHEETS_NAMESPACE, ownedSheetsXml, parseOwnedSheets } from "../engine/port/ownedSheets";

// The whole contract on every Excel the manifest admits, each answering isSetSupported as it does;
// what a host cannot do is a note the user is shown (the README's support table lists them).
for (const host of EXCEL_HOST_NAMES) {
  const excelApi = EXCEL_HOSTS[host].excelApi;
  describeWorkbookPort(
    `OfficeWorkbook in ${EXCEL_HOSTS[host].label}`,
    async (sheets) => new OfficeWorkbook(fakeExcelOf(sheets, { host })),
    excelApi < 9
      ? { readsMergesAndHiddenRows: false, hostNotes: [/^This version of Excel cannot set print settings/] }
      : {},
  );
}

const agenda = (title: string, name = "Agenda"): SheetModel => ({
  name,
  purpose: "agenda",
  runs: runsOf([
    { row: 1, column: 1, value: title, style: { bold: true, size: 14, fill: "DDEBF7" } },
    { row: 2, column: 1, value: "Child ID", style: { bold: true, border: true } },
    { row: 2, column: 2, value: "Due", style: { bold: true, border: true } },
    { row: 3, column: 1, value: "C001", link: { sheet: "Joint Tracker", cell: "A3" } },
    { row: 3, column: 2, value: { date: epochDayFromParts(2025, 3, 14) ?? 0 } },
    { row: 4, column: 1, value: '=HYPERLINK("http://evil")' },
    { row: 4, column: 2, value: "03/04/2024" },
  ]),
  merges: ["A1:C1"],
  columnWidths: { 1: 14 },
  freeze: { rows: 2, columns: 0 },
  print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 2, last: 2 } },
  showGridlines: false,
  tabColor: "1F4E78",
  autoFilter: "A2:B4",
  charts: [{ type: "columnClustered", title: "Due", dataRange: "A2:B4", anchor: { from: "D2", to: "J12" } }],
});

const trackerSheet = { name: "Joint Tracker", values: [["Child ID"], ["C001"]] };

describe("OfficeWorkbook writing a sheet", () => {
  it("writes a cell a later run overwrites with that run's value, style and link only, as the .xlsx port does", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet({
      name: "Overlap",
      purpose: "summaryData",
      runs: [
        {
          row: 2,
          column: 1,
          values: ["Linked", "x"],
          styles: [{ bold: true }],
          link: { column: 1, sheet: "Joint Tracker", cell: "A2" },
        },
        { row: 2, column: 1, values: ["Plain"] },
      ],
    });
    expect(excel.cell("Overlap", "A2")?.value).toBe("Plain");
    expect(excel.styleAt("Overlap", "A2", "font.bold")).not.toBe(true);
    expect(excel.sheet("Overlap")?.hyperlinks.size).toBe(0);
    expect(excel.cell("Overlap", "B2")?.value).toBe("x");
  });

  it("writes values, formats, styles, links, layout and charts into Excel", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("Surgery"));
    expect(excel.cell("Agenda", "B3")).toEqual({ value: 45730, format: "dd/mm/yyyy" });
    expect(excel.styleAt("Agenda", "A1", "font.bold")).toBe(true);
    expect(excel.styleAt("Agenda", "A1", "fill.color")).toBe("#DDEBF7");
    expect(excel.styleAt("Agenda", "B2", "border.EdgeTop")).toBe("Continuous");
    const sheet = excel.sheet("Agenda");
    expect(sheet?.hyperlinks.get("A3")).toBe("'Joint Tracker'!A3");
    expect(sheet?.merges).toEqual(["A1:C1"]);
    expect(sheet?.freeze).toEqual({ rows: 2, columns: 0 });
    expect(sheet?.page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "2:2",
    });
    expect(sheet?.showGridlines).toBe(false);
    expect(sheet?.tabColor).toBe("#1F4E78");
    expect(sheet?.autoFilter).toBe("A2:B4");
    expect(sheet?.charts).toEqual([
      { type: "ColumnClustered", source: "A2:B4", title: "Due", from: "D2", to: "J12" },
    ]);
    expect(sheet?.visibility).toBe("Visible");
    expect(excel.calculationSuspensions).toBeGreaterThan(0);
    expect(port.takeNotes()).toEqual([]);
  });

  it("writes text that looks like a formula or a date as text, never as a formula", async () => {
    const excel = fakeExcelOf([]);
    await new OfficeWorkbook(excel).writeSheet(agenda("Surgery"));
    expect(excel.cell("Agenda", "A4")).toEqual({ value: '=HYPERLINK("http://evil")', format: "@" });
    expect(excel.cell("Agenda", "B4")).toEqual({ value: "03/04/2024", format: "@" });
    const formulas = excel
      .sheet("Agenda")
      ?.values.flat()
      .filter((v) => typeof v === "object" && "formula" in v);
    expect(formulas).toEqual([]);
  });

  it("never overwrites a user's sheet of the same name: it writes beside it and says so", async () => {
    const excel = fakeExcelOf([{ name: "Agenda", values: [["my own notes"]] }]);
    const port = new OfficeWorkbook(excel);
    expect(await port.writeModel(agenda("First"))).toEqual({
      ok: true,
      name: "Agenda (2)",
      replaced: false,
      notes: [expect.stringContaining("“Agenda” is already in the workbook and is not the add-in's")],
    });
    // Regenerating replaces the add-in's own sheet, not the user's, and adds no third one.
    expect(await port.writeModel(agenda("Second"))).toMatchObject({ ok: true, name: "Agenda (2)" });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Agenda", "Agenda (2)"]);
    expect(excel.cell("Agenda", "A1").value).toBe("my own notes");
    expect(excel.cell("Agenda (2)", "A1").value).toBe("Second");
  });

  it("knows its own sheet by id after the user renames it", async () => {
    const excel = fakeExcelOf([]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("First"));
    const own = excel.sheet("Agenda");
    if (own) own.name = "Last week";
    excel.addSheet({ name: "Agenda", values: [["user's"]] });
    await port.writeSheet(agenda("Second"));
    expect(excel.sheets.map((s) => s.name)).toEqual(["Last week", "Agenda"]);
    expect(excel.cell("Last week", "A1").value).toBe("Second");
    expect(excel.cell("Agenda", "A1").value).toBe("user's");
  });

  it("refuses to replace its own sheet once the user protects it, changing nothing", async () => {
    const excel = fakeExcelOf([]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("First"));
    const own = excel.sheet("Agenda");
    if (own) own.protected = true;
    const before = excel.state();
    const outcome = await port.writeModel(agenda("Second"));
    expect(outcome).toEqual({
      ok: false,
      problem: { code: "sheet-protected", message: expect.stringContaining("“Agenda” is protected") },
    });
    await expect(port.writeSheet(agenda("Second"))).rejects.toBeInstanceOf(OfficeWorkbookError);
    expect(excel.state()).toBe(before);
  });

  it("refuses to write into a workbook whose structure is protected, changing nothing", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    excel.workbookProtected = true;
    const before = excel.state();
    const outcome = await new OfficeWorkbook(excel).writeModel(agenda("First"));
    expect(outcome).toMatchObject({ ok: false, problem: { code: "workbook-protected" } });
    expect(excel.state()).toBe(before);
  });

  it("leaves the workbook as it was whichever sync of a rewrite fails, before ExcelApi 1.20", async () => {
    const probe = fakeExcelOf([trackerSheet], { host: "excel2024" });
    await new OfficeWorkbook(probe).writeSheet(agenda("First"));
    const start = probe.syncs;
    await new OfficeWorkbook(probe).writeSheet(agenda("Second"));
    const syncsPerWrite = probe.syncs - start;
    expect(syncsPerWrite).toBeGreaterThanOrEqual(3);

    for (let failing = 1; failing <= syncsPerWrite; failing++) {
      const excel = fakeExcelOf([trackerSheet], { host: "excel2024" });
      const port = new OfficeWorkbook(excel);
      await port.writeSheet(agenda("First"));
      const before = excel.state();
      excel.failOnSync = excel.syncs + failing;
      const outcome = await port.writeModel(agenda("Second"));
      expect(outcome).toMatchObject({ ok: false, problem: { code: "failed" } });
      expect(excel.state()).toBe(before);
    }
  });

  it("rewrites in place on ExcelApi 1.20, and one Undo puts the workbook back whichever sync fails", async () => {
    const probe = fakeExcelOf([trackerSheet], { host: "microsoft365" });
    await new OfficeWorkbook(probe).writeSheet(agenda("First"));
    const start = probe.syncs;
    await new OfficeWorkbook(probe).writeSheet(agenda("Second"));
    const syncsPerWrite = probe.syncs - start;
    expect(probe.sheets.map((s) => s.id)).toHaveLength(2);

    const undoSays: boolean[] = [];
    for (let failing = 1; failing <= syncsPerWrite; failing++) {
      const excel = fakeExcelOf([trackerSheet], { host: "microsoft365" });
      const port = new OfficeWorkbook(excel);
      await port.writeSheet(agenda("First"));
      const before = excel.state();
      excel.userEdit("the user's own edit", () => undefined);
      excel.failOnSync = excel.syncs + failing;
      const outcome = await port.writeModel(agenda("Second"));
      expect(outcome.ok).toBe(false);
      // Past its first change the run says to press Undo; before it, that nothing was changed.
      const undoSaid = !outcome.ok && outcome.problem.message.includes("Undo (Ctrl+Z) once");
      if (undoSaid) excel.undo();
      undoSays.push(undoSaid);
      expect(excel.state()).toBe(before);
      expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);
    }
    expect(undoSays).toContain(true);
    expect(undoSays).toContain(false);
  });

  it("keeps the sheet's id and place when it rewrites in place, and leaves no chart, merge or filter behind", async () => {
    const excel = fakeExcelOf([trackerSheet, { name: "Notes", values: [["mine"]] }], {
      host: "microsoft365",
    });
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("First"));
    const id = excel.sheet("Agenda")?.id;
    await port.writeSheet({
      name: "Agenda",
      purpose: "agenda",
      runs: runsOf([{ row: 1, column: 1, value: "Short" }]),
    });
    const sheet = excel.sheet("Agenda");
    expect(sheet?.id).toBe(id);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Joint Tracker", "Notes", "Agenda"]);
    expect(excel.cell("Agenda", "A1").value).toBe("Short");
    expect(excel.cell("Agenda", "B3").value).toBeUndefined();
    expect(sheet?.charts).toEqual([]);
    expect(sheet?.merges).toEqual([]);
    expect(sheet?.autoFilter).toBeUndefined();
    expect(sheet?.freeze).toBeUndefined();
    expect(sheet?.hyperlinks.size).toBe(0);
    expect(excel.undoCleared).toEqual([]);
  });

  it("leaves the workbook as it was when the user deletes the tracker sheet mid-write", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("First"));
    const first = excel.syncs;
    excel.beforeSync = (sync) => {
      // A co-author deletes the add-in's sheet just before the swap.
      if (sync === first + 3) {
        const own = excel.sheet("Agenda");
        if (own) {
          own.deleted = true;
          excel.sheets.splice(excel.sheets.indexOf(own), 1);
        }
      }
    };
    const outcome = await port.writeModel(agenda("Second"));
    expect(outcome).toMatchObject({ ok: false, problem: { code: "sheet-missing" } });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Joint Tracker"]);
  });

  it("degrades where Excel lacks an API set: the data are written and the user is told", async () => {
    const excel = fakeExcelOf([]);
    excel.supportUpTo(7);
    const port = new OfficeWorkbook(excel);
    const written = await port.writeSheet(agenda("Surgery"));
    expect(excel.cell("Agenda", "A1").value).toBe("Surgery");
    expect(excel.sheet("Agenda")?.page).toEqual({});
    expect(written.notes).toEqual([
      "This version of Excel cannot hide gridlines, so “Agenda” shows them.",
      "This version of Excel cannot set print settings, so set “Agenda” to landscape in Page Layout before printing.",
      "This version of Excel cannot add filters from an add-in, so “Agenda” has none.",
    ]);
  });

  it("refuses every action on an Excel older than ExcelApi 1.7, changing nothing", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    excel.supportUpTo(6);
    const before = excel.state();
    const port = new OfficeWorkbook(excel);
    expect(await port.writeModel(agenda("Surgery"))).toMatchObject({
      ok: false,
      problem: { code: "unsupported" },
    });
    await expect(port.readSheet("Joint Tracker")).rejects.toThrow("needs ExcelApi 1.7");
    expect(excel.state()).toBe(before);
    expect(excel.syncs).toBe(0);
  });
});

describe("OfficeWorkbook reading", () => {
  it("reads a tracker kept as an Excel Table through the table's range", async () => {
    const excel = new FakeExcel();
    excel.addSheet({
      name: "LAC",
      values: [[], [], [undefined as never, "Child ID", "Name"], [undefined as never, "C001", "A.B."]],
      tables: [{ name: "Tracker", address: "B3:C6" }],
    });
    const reading = await new OfficeWorkbook(excel).readSheetWithFormats("LAC");
    expect(reading.tables).toEqual([{ name: "Tracker", range: "B3:C6" }]);
    expect(reading.snapshot.values).toEqual([[], [], [null, "Child ID", "Name"], [null, "C001", "A.B."]]);
  });

  it("hands over serials shown as dates as dates, other numbers as numbers, and the formats", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "T", values: [[45385, 45385, "#N/A"]], formats: [["dd/mm/yyyy", "0.00"]] });
    const reading = await new OfficeWorkbook(excel).readSheetWithFormats("T");
    expect(reading.snapshot.values).toEqual([[new Date(Date.UTC(2024, 3, 3)), 45385, { error: "#N/A" }]]);
    expect(reading.numberFormats).toEqual([["dd/mm/yyyy", "0.00", "General"]]);
  });
});

describe("OfficeWorkbook applying fixes", () => {
  const change = {
    sheet: "T",
    cell: "A1",
    old: "03/04/2024",
    new: new Date(Date.UTC(2024, 3, 3)),
    rule: "r",
  };

  it("makes the change set one undo step where ExcelApi 1.20 is there, and not where it is not", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "T", values: [["03/04/2024"]], formats: [["@"]] });
    await new OfficeWorkbook(excel).applyChanges({ id: "1", description: "", changes: [change] });
    expect(excel.runs).toEqual([{ mergeUndoGroup: true }]);
    expect(excel.cell("T", "A1")).toEqual({ value: 45385, format: "dd/mm/yyyy" });

    const older = new FakeExcel({ supportedUpTo: 19 });
    older.addSheet({ name: "T", values: [["03/04/2024"]] });
    await new OfficeWorkbook(older).applyChanges({ id: "1", description: "", changes: [change] });
    expect(older.runs).toEqual([{}]);
  });

  it("writes text a fix produces as text, keeping the cell's format", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "T", values: [["  -5 "]] });
    await new OfficeWorkbook(excel).applyChanges({
      id: "1",
      description: "",
      changes: [{ sheet: "T", cell: "A1", old: "  -5 ", new: "-5", rule: "trim" }],
    });
    expect(excel.cell("T", "A1")).toEqual({ value: "-5", format: "General" });
  });

  it("puts back the cells already written when Excel fails part-way, and says so", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "T", values: Array.from({ length: 2_500 }, (_, i) => [`0${i}/04/2024`]) });
    const before = excel.state();
    const changes = Array.from({ length: 2_500 }, (_, i) => ({
      sheet: "T",
      cell: `A${i + 1}`,
      old: `0${i}/04/2024`,
      new: `${i}`,
      rule: "r",
    }));
    // Sync 1 finds the sheet, 2 reads the first 2,000 cells, 3 writes them and reads the rest: fail 4.
    excel.failOnSync = 4;
    await expect(
      new OfficeWorkbook(excel).applyChanges({ id: "1", description: "", changes }),
    ).rejects.toThrow("nothing was changed");
    expect(excel.state()).toBe(before);
  });
});

describe("OfficeWorkbook applying fixes with their Change log rows", () => {
  const fix = (cell: string, old: string): ChangeSet => ({
    id: `CS-${cell}`,
    description: "Text dates",
    changes: [{ sheet: "T", cell, old, new: new Date(Date.UTC(2024, 3, 3)), rule: "DATE-AS-TEXT" }],
  });
  const logOf =
    (rows: number) =>
    (report: ApplyReport): LogAppend => ({
      model: {
        name: "Change log",
        purpose: "changeLog",
        runs: runsOf([
          { row: 1, column: 1, value: "Change set" },
          ...Array.from({ length: rows }, (_, i) => ({ row: i + 2, column: 1, value: `row ${i + 1}` })),
          { row: rows + 1, column: 2, value: report.applied[0]?.cell ?? "" },
        ]),
        autoFilter: `A1:B${rows + 1}`,
      },
      newRows: 1,
    });

  it("appends the new rows below the log's last row, in the fix's own run, keeping the log sheet", async () => {
    const excel = new FakeExcel({ host: "microsoft365" });
    excel.addSheet({ name: "T", values: [["03/04/2024"], ["03/04/2024"]], formats: [["@"], ["@"]] });
    const port = new OfficeWorkbook(excel);
    await port.applyChangesAndLog(fix("A1", "03/04/2024"), logOf(1));
    const log = excel.sheet("Change log");
    expect(log?.values.map((r) => r.slice(0, 2))).toEqual([["Change set"], ["row 1", "A1"]]);
    excel.userEdit("a note under the log", (x) => ((x.sheet("Change log")?.values ?? [])[2] = ["my note"]));
    const runs = excel.runs.length;
    await port.applyChangesAndLog(fix("A2", "03/04/2024"), logOf(2));
    expect(excel.runs.slice(runs)).toEqual([{ mergeUndoGroup: true }]);
    expect(excel.sheet("Change log")).toBe(log);
    expect(log?.values.map((r) => r.slice(0, 2))).toEqual([
      ["Change set"],
      ["row 1", "A1"],
      ["my note"],
      ["row 2", "A2"],
    ]);
    expect(log?.autoFilter).toBe("A1:B4");
    expect(excel.userUndoSteps()).toEqual(["a note under the log"]);
  });

  it("puts the cells back and clears the rows it added whichever sync fails", async () => {
    const start = async (): Promise<{ excel: FakeExcel; port: OfficeWorkbook }> => {
      const excel = new FakeExcel({ host: "excel2024" });
      excel.addSheet({ name: "T", values: [["03/04/2024"], ["03/04/2024"]], formats: [["@"], ["@"]] });
      const port = new OfficeWorkbook(excel);
      await port.applyChangesAndLog(fix("A1", "03/04/2024"), logOf(1));
      return { excel, port };
    };
    const probe = await start();
    const first = probe.excel.syncs;
    await probe.port.applyChangesAndLog(fix("A2", "03/04/2024"), logOf(2));
    const syncs = probe.excel.syncs - first;
    expect(syncs).toBeGreaterThanOrEqual(5);
    for (let failing = 1; failing <= syncs; failing++) {
      const { excel, port } = await start();
      excel.failOnSync = excel.syncs + failing;
      await expect(port.applyChangesAndLog(fix("A2", "03/04/2024"), logOf(2))).rejects.toBeInstanceOf(
        OfficeWorkbookError,
      );
      expect(excel.cell("T", "A2").value).toBe("03/04/2024");
      const logged = excel
        .sheet("Change log")
        ?.values.flat()
        .filter((v) => v !== undefined);
      expect(logged).toEqual(["Change set", "row 1", "A1"]);
    }
  });

  it("skips a cell a co-author changed during the fix, and one Undo takes back only this user's fix", async () => {
    const excel = new FakeExcel({ host: "microsoft365" });
    excel.addSheet({ name: "T", values: [["03/04/2024"], ["03/04/2024"]], formats: [["@"], ["@"]] });
    const start = excel.syncs;
    // The co-author's edit lands after the fix looked the sheets up and before it re-reads the cells.
    excel.beforeSync = (sync) => {
      if (sync === start + 2) excel.coAuthorEdit((x) => ((x.sheet("T")?.values ?? [])[1] = ["04/04/2024"]));
    };
    const both: ChangeSet = {
      ...fix("A1", "03/04/2024"),
      changes: [...fix("A1", "03/04/2024").changes, ...fix("A2", "03/04/2024").changes],
    };
    const { report } = await new OfficeWorkbook(excel).applyChangesAndLog(both, logOf(1));
    expect(report.applied.map((c) => c.cell)).toEqual(["A1"]);
    expect(report.skipped.map((s) => [s.change.cell, s.reason, s.current])).toEqual([
      ["A2", "edited-since", "04/04/2024"],
    ]);
    expect(excel.cell("T", "A2").value).toBe("04/04/2024");
    excel.undo();
    expect(excel.cell("T", "A1").value).toBe("03/04/2024");
    expect(excel.cell("T", "A2").value).toBe("04/04/2024");
    expect(excel.sheet("Change log")).toBeUndefined();
  });

  it("takes the new log sheet away again when the first fix fails before the end", async () => {
    const excel = new FakeExcel({ host: "excel2024" });
    excel.addSheet({ name: "T", values: [["03/04/2024"]], formats: [["@"]] });
    const before = excel.state();
    excel.failOnSync = 5;
    await expect(
      new OfficeWorkbook(excel).applyChangesAndLog(fix("A1", "03/04/2024"), logOf(1)),
    ).rejects.toThrow();
    expect(excel.state()).toBe(before);
  });
});

describe("OfficeNavigator", () => {
  it("brings the sheet forward and selects the cell", async () => {
    const excel = fakeExcelOf([trackerSheet, { name: "Other", values: [["x"]] }]);
    await new OfficeNavigator(excel).select("joint tracker", "A2");
    expect(excel.activeSheet).toBe("Joint Tracker");
    expect(excel.selection).toEqual({ sheet: "Joint Tracker", address: "A2:A2" });
  });

  it("says so when the sheet is gone", async () => {
    const excel = fakeExcelOf([]);
    await expect(new OfficeNavigator(excel).select("Gone", "A2")).rejects.toThrow(
      "There is no sheet named “Gone” any more",
    );
  });
});

describe("OfficeWorkbook and a register written twice at once", () => {
  it("reads both parts as one register and leaves one part at its next write", async () => {
    const excel = fakeExcelOf([trackerSheet]);
    const port = new OfficeWorkbook(excel);
    await port.writeSheet(agenda("First"));
    await port.writeSheet({ name: "Data quality", purpose: "dataQuality", runs: [] });
    // Two panes that each found no register added one each: one entry in each part.
    const [part] = excel.xmlParts;
    const entries = parseOwnedSheets(part?.xml ?? "");
    excel.xmlParts.splice(0, 1);
    for (const entry of entries)
      excel.xmlParts.push({
        id: excel.nextPartId(),
        namespace: OWNED_SHEETS_NAMESPACE,
        xml: ownedSheetsXml([entry]),
      });
    expect(excel.xmlParts).toHaveLength(2);

    expect((await port.listSheets()).map((s) => s.output)).toEqual([undefined, "Agenda", "Data quality"]);
    expect(await port.writeSheet(agenda("Second"))).toMatchObject({ name: "Agenda", replaced: true });
    expect(excel.xmlParts).toHaveLength(1);
    expect(
      parseOwnedSheets(excel.xmlParts[0]?.xml ?? "")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Agenda", "Data quality"]);
  });
});
