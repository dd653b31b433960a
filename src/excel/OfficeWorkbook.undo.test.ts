import { EXCEL_HOSTS, type ExcelHostName } from "../../test/support/excelHostProfiles";
import { fakeExcelOf, type FakeExcel } from "../../test/support/fakeExcel";
import { runsOf } from "../../test/support/modelRuns";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { CHANGE_LOG_SHEET, readChangeLog } from "../engine/fixes/changeLog";
import type { SheetModel } from "../engine/port/SheetModel";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { agendaTracker } from "../jobs/agendaTracker";
import { fixTracker } from "../jobs/fixTracker";
import { recordWorkbookHistory } from "../jobs/recordTrackerHistory";
import { OfficeWorkbook } from "./OfficeWorkbook";
import { jointTrackingRequest } from "../../test/support/jointTrackingRequest";

/*
 * What Excel's Undo does after each job, host by host, as "Undo capabilities in Excel add-ins"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities) and the
 * ExcelApi 1.20 requirement set say: from 1.20 an add-in's changes join the user's undo stack, a
 * merged run is one step, and deleting a sheet (or, outside the web, renaming, moving or hiding one)
 * empties the stack.
 */

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;
const now = { day: AS_OF, hour: 9, minute: 5 };
const agendaRequest = jointTrackingRequest(AS_OF, "2026-11-24");

async function sample(host: ExcelHostName): Promise<{ excel: FakeExcel; port: OfficeWorkbook }> {
  const tracker = generateSampleTracker({ children: 60, seed: 3, asOf: AS_OF, messy: true });
  const excel = fakeExcelOf(tracker.sheets, { host });
  const port = new OfficeWorkbook(excel);
  // The add-in has run here before: its hidden Tracker history exists (making it hides a sheet,
  // which clears the undo history on Windows and Mac; recording after that appends rows).
  await recordWorkbookHistory(port, AS_OF - 7);
  excel.undoCleared.length = 0;
  return { excel, port };
}

/** The user types over a cell of their own: one step on the undo stack. */
function userTypes(excel: FakeExcel, label: string): void {
  excel.userEdit(label, (x) => {
    const notes = x.sheets[0];
    if (notes) (notes.values[0] ??= [])[40] = label;
  });
}

async function logCells(port: OfficeWorkbook): Promise<string[]> {
  return readChangeLog(await port.readSheet(CHANGE_LOG_SHEET)).map(
    (r) => `${r.changeSet} ${r.sheet}!${r.cell}`,
  );
}

describe.each(["microsoft365", "web"] as const)("Undo on %s (ExcelApi 1.20)", (host) => {
  it("keeps the user's undo history through two fixes, and a fix with its Change log rows is one Undo", async () => {
    const { excel, port } = await sample(host);
    userTypes(excel, "the user's own edit");
    const first = await fixTracker(port, { asOf: AS_OF, now, only: (c) => c.rule === "DATE-AS-TEXT" });
    expect(first.report?.applied.length).toBeGreaterThan(0);
    expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);

    const logAfterFirst = await logCells(port);
    const trackerBefore = excel.state();
    const second = await fixTracker(port, { asOf: AS_OF, now: { ...now, minute: 6 } });
    expect(second.report?.applied.length).toBeGreaterThan(0);
    expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);
    expect(excel.undoCleared).toEqual([]);

    // One Undo takes back the second fix and its log rows together, and nothing else.
    excel.undo();
    expect(excel.state()).toBe(trackerBefore);
    expect(await logCells(port)).toEqual(logAfterFirst);
    expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);
  });

  it("keeps the user's undo history when an agenda is regenerated, and one Undo puts the old one back", async () => {
    const { excel, port } = await sample(host);
    const first = await agendaTracker(port, agendaRequest);
    expect(first.kind).toBe("written");
    userTypes(excel, "the user's own edit");
    const before = excel.state();
    const again = await agendaTracker(port, { ...agendaRequest, generatedAt: "2026-11-25" });
    expect(again).toMatchObject({ kind: "written", replaced: true });
    expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);
    expect(excel.undoCleared).toEqual([]);
    excel.undo();
    expect(excel.state()).toBe(before);
  });
});

describe("Undo on Microsoft 365 when the very hidden profile sheet is saved", () => {
  const profile = (text: string): SheetModel => ({
    name: "TrackerProfile",
    purpose: "profile",
    visibility: "veryHidden",
    runs: runsOf([{ row: 1, column: 1, value: text }]),
  });

  it("rewrites it in place once it is there and hidden, keeping the user's undo history", async () => {
    const { excel, port } = await sample("microsoft365");
    await port.writeSheet(profile("first"));
    userTypes(excel, "the user's own edit");
    const before = excel.state();
    expect(await port.writeSheet(profile("second"))).toMatchObject({ replaced: true, notes: [] });
    expect(excel.sheet("TrackerProfile")).toMatchObject({ visibility: "VeryHidden" });
    expect(excel.cell("TrackerProfile", "A1").value).toBe("second");
    expect(excel.userUndoSteps()).toEqual(["the user's own edit"]);
    excel.undo();
    expect(excel.state()).toBe(before);
  });

  it("hides it again by the swap, which clears the history, when the user had shown it, and says so", async () => {
    const { excel, port } = await sample("microsoft365");
    await port.writeSheet(profile("first"));
    const shown = excel.sheet("TrackerProfile");
    if (shown) shown.visibility = "Visible";
    userTypes(excel, "the user's own edit");
    const written = await port.writeSheet(profile("second"));
    expect(written.notes).toEqual([
      "Writing the hidden sheet “TrackerProfile” cleared Excel's undo history: Excel cannot undo replacing a hidden sheet.",
    ]);
    expect(excel.sheet("TrackerProfile")).toMatchObject({ visibility: "VeryHidden" });
    expect(excel.userUndoSteps()).toEqual([]);
  });
});

describe.each(["excel2019", "excel2021", "excel2024"] as const)(
  "Undo on %s (before ExcelApi 1.20)",
  (host) => {
    it("cannot keep the user's undo history: an add-in's change empties it, as Excel before 1.20 does", async () => {
      const { excel, port } = await sample(host);
      userTypes(excel, "the user's own edit");
      await fixTracker(port, { asOf: AS_OF, now });
      expect(EXCEL_HOSTS[host].excelApi).toBeLessThan(20);
      expect(excel.userUndoSteps()).toEqual([]);
      expect(excel.undoStack).toEqual([]);
    });
  },
);
