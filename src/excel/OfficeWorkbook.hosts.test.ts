import { EXCEL_HOSTS, EXCEL_HOST_NAMES, type ExcelHostName } from "../../test/support/excelHostProfiles";
import { fakeExcelOf } from "../../test/support/fakeExcel";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { agendaTracker } from "../jobs/agendaTracker";
import { checkTracker, writeDataQualitySheet } from "../jobs/checkTracker";
import { fixTracker } from "../jobs/fixTracker";
import { recordWorkbookHistory } from "../jobs/recordTrackerHistory";
import { summaryTracker } from "../jobs/summaryTracker";
import { watchPort } from "../taskpane/model/watchPort";
import { OfficeWorkbook } from "./OfficeWorkbook";
import { jointTrackingRequest } from "../../test/support/jointTrackingRequest";

/*
 * The pane's jobs on every Excel the manifest admits, through the same watched port the pane uses:
 * each runs to the end, and what a version cannot do reaches the user as a note. The notes each
 * host gives are the README's support table ("Which Excel").
 */

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;

async function everyJob(
  host: ExcelHostName,
): Promise<{ notes: string[]; undo: string; userSteps: string[] }> {
  const tracker = generateSampleTracker({ children: 60, seed: 5, asOf: AS_OF, messy: true });
  const excel = fakeExcelOf(tracker.sheets, { host });
  const office = new OfficeWorkbook(excel);
  // The add-in has run here before: its hidden Tracker history exists. Making it (hiding a sheet)
  // is the one step that clears the undo history on Windows and Mac; recording after that appends.
  await recordWorkbookHistory(office, AS_OF - 7);
  excel.userEdit("the user's own edit", () => undefined);
  const notes = new Set<string>();
  const port = watchPort(office, {
    signal: new AbortController().signal,
    onProgress: () => undefined,
    onNotes: (said) => said.forEach((n) => notes.add(n)),
  });
  const check = await checkTracker(port, { asOf: AS_OF });
  await writeDataQualitySheet(port, check);
  const fixed = await fixTracker(port, { asOf: AS_OF, now: { day: AS_OF, hour: 10, minute: 0 } });
  expect(fixed.report?.applied.length).toBeGreaterThan(0);
  const agenda = await agendaTracker(port, jointTrackingRequest(AS_OF, "2026-11-24"));
  expect(agenda.kind).toBe("written");
  await summaryTracker(port, { month: "2026-10", asOf: AS_OF });
  return { notes: [...notes], undo: office.undoHistory(), userSteps: excel.userUndoSteps() };
}

/** What the README's support table says each Excel loses, as the notes the user is shown. */
const EXPECTED: Record<ExcelHostName, { notes: string[]; undo: "kept" | "cleared" }> = {
  excel2019: {
    undo: "cleared",
    notes: [
      "This version of Excel cannot report merged cells or hidden rows to add-ins; checks treat every row as visible.",
      "This version of Excel cannot set print settings, so set “Data quality” to landscape in Page Layout before printing.",
      "This version of Excel cannot add filters from an add-in, so “Data quality” has none.",
      "This version of Excel cannot add filters from an add-in, so “Change log” has none.",
      "This version of Excel cannot hide gridlines, so “Agenda JTM 2026-11-24” shows them.",
      "This version of Excel cannot set print settings, so set “Agenda JTM 2026-11-24” to landscape in Page Layout before printing.",
      "This version of Excel cannot add filters from an add-in, so “Agenda JTM 2026-11-24” has none.",
    ],
  },
  excel2021: { undo: "cleared", notes: [] },
  excel2024: { undo: "cleared", notes: [] },
  microsoft365: { undo: "kept", notes: [] },
  web: { undo: "kept", notes: [] },
};

describe.each(EXCEL_HOST_NAMES)("The pane's jobs in %s", (host) => {
  it("run to the end, tell the user what this Excel cannot do, and keep undo history where it can", async () => {
    const { notes, undo, userSteps } = await everyJob(host);
    expect(notes).toEqual(EXPECTED[host].notes);
    expect(undo).toBe(EXPECTED[host].undo);
    // Where the history is kept, the user's own step is still there after every job.
    expect(userSteps).toEqual(EXCEL_HOSTS[host].excelApi >= 20 ? ["the user's own edit"] : []);
  });
});
