import { parseIsoDate, utcDateFromEpochDay, type EpochDay } from "../engine/dates/epochDay";
import { HISTORY_HEADERS } from "../engine/history/TrackerHistory";
import { MemoryWorkbook, type MemorySheet } from "../engine/port/MemoryWorkbook";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import { generateSsda903Extract } from "../engine/ssda903/generateSsda903Extract";
import { agendaTracker } from "./agendaTracker";
import { readTracker } from "./readTracker";
import {
  historyRecordedThrough,
  readTrackerHistory,
  recordWorkbookHistory,
  showTrackerHistory,
} from "./recordTrackerHistory";
import { refreshTracker } from "./refreshTracker";
import { summaryTracker, writeSummarySheets } from "./summaryTracker";

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;
const date = (iso: string): Date => utcDateFromEpochDay(day(iso));
const seen = day("2025-03-21");
const joint = (latestPpm: string): MemorySheet => ({
  name: "Joint Tracker",
  values: [
    ["Child ID", "Date became looked after", "1st PPM", "Latest PPM"],
    ["C1", date("2025-01-02"), date("2025-01-10"), date(latestPpm)],
  ],
});

async function historyOf(port: MemoryWorkbook) {
  const { tables } = await readTracker(port, DEFAULT_PROFILE);
  return readTrackerHistory(port, tables, DEFAULT_PROFILE);
}

describe("recording the Tracker history", () => {
  it("creates the sheet hidden, then appends only what changed, and shows it when asked", async () => {
    const port = new MemoryWorkbook([joint("2025-02-14")]);
    expect(historyRecordedThrough(port)).toBe(false);
    expect(await recordWorkbookHistory(port, seen)).toMatchObject({
      kind: "recorded",
      sheetName: "Tracker history",
    });
    // The pane does not read the tracker again for it after a job that recorded.
    expect(historyRecordedThrough(port)).toBe(true);
    expect(await recordWorkbookHistory(port, seen + 1)).toMatchObject({ kind: "unchanged" });
    const sheets = await port.listSheets();
    expect(sheets.find((s) => s.name === "Tracker history")).toMatchObject({
      visibility: "hidden",
      output: "Tracker history",
    });
    expect(await showTrackerHistory(port, seen + 2)).toBe("Tracker history");
    expect((await port.listSheets()).find((s) => s.name === "Tracker history")?.visibility).toBe("visible");
    expect((await port.readSheet("Tracker history")).values).toHaveLength(2);
  });

  it("shows nothing when there is nothing to record", async () => {
    const port = new MemoryWorkbook([{ name: "Notes", values: [["x"]] }]);
    expect(await showTrackerHistory(port, seen)).toBeUndefined();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(["Notes"]);
  });

  it("never writes into a user's own sheet called Tracker history", async () => {
    const mine: MemorySheet = { name: "Tracker history", values: [["my own notes"]] };
    const port = new MemoryWorkbook([joint("2025-02-14"), mine]);
    const outcome = await recordWorkbookHistory(port, seen);
    expect(outcome).toMatchObject({ kind: "recorded", sheetName: "Tracker history (2)" });
    expect((await port.readSheet("Tracker history")).values).toEqual([["my own notes"]]);
    expect((await historyOf(port)).index.datesOf("jointTracker", "C1", "latestPpm")).toEqual([
      day("2025-02-14"),
    ]);
  });

  it("carries over a Tracker history laid out as ours that the register does not know, leaving it as it was", async () => {
    const dropped: MemorySheet = {
      name: "Tracker history",
      values: [
        [...HISTORY_HEADERS],
        ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
      ],
    };
    const port = new MemoryWorkbook([joint("2025-03-14"), dropped]);
    expect((await historyOf(port)).index.datesOf("jointTracker", "C1", "latestPpm")).toEqual([
      day("2025-02-14"),
    ]);
    await recordWorkbookHistory(port, seen);
    expect((await port.readSheet("Tracker history")).values).toEqual(dropped.values);
    expect((await historyOf(port)).index.datesOf("jointTracker", "C1", "latestPpm")).toEqual([
      day("2025-02-14"),
      day("2025-03-14"),
    ]);
  });

  it("leaves a protected history sheet alone and says why", async () => {
    const port = new MemoryWorkbook([joint("2025-02-14")]);
    await recordWorkbookHistory(port, seen);
    const locked = new MemoryWorkbook(
      [joint("2025-03-14"), { ...(await port.readSheet("Tracker history")), protected: true }],
      { ownedSheetsXml: port.ownedSheetsXml() as string },
    );
    const outcome = await recordWorkbookHistory(locked, seen);
    expect(outcome.kind).toBe("refused");
    expect(outcome.kind === "refused" && outcome.message).toContain("is protected");
    expect((await locked.readSheet("Tracker history")).values).toHaveLength(2);
  });

  it("never stops the job it is part of: a history the workbook cannot take is reported, not thrown", async () => {
    const port = new MemoryWorkbook([joint("2025-02-14")]);
    const writeSheet = port.writeSheet.bind(port);
    jest.spyOn(port, "writeSheet").mockImplementation(async (model) => {
      if (model.purpose === "trackerHistory")
        throw new Error("“Tracker history” is a chart sheet of the workbook");
      return writeSheet(model);
    });
    const outcome = await recordWorkbookHistory(port, seen);
    expect(outcome).toMatchObject({
      kind: "refused",
      message: "The Tracker history was not recorded: “Tracker history” is a chart sheet of the workbook",
    });
    const request = {
      surgery: "joint-tracking",
      date: seen,
      asOf: seen,
      names: false,
      all: true,
      generatedAt: "",
    } as const;
    expect((await agendaTracker(port, request)).kind).toBe("written");
  });

  it("records the day it looked, not a past as-of date a summary was asked for", async () => {
    const port = new MemoryWorkbook([joint("2025-02-14")]);
    const result = await summaryTracker(port, { month: "2025-02", asOf: day("2025-02-28") });
    await writeSummarySheets(port, result, seen);
    expect((await historyOf(port)).entries.map((e) => e.seen)).toEqual([seen]);
  });

  it("records every CLA review of the case system's extract on refresh, source case system, once", async () => {
    const asOf = day("2026-11-24");
    const sample = generateSampleTracker({ children: 150, seed: 4, asOf, messy: false });
    const extract = generateSsda903Extract(sample, { asOf, seed: 4 });
    const files = extract.files.map((f) => ({ name: f.name, content: f.text }));
    const port = new MemoryWorkbook(
      sample.sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges ?? [] })),
    );
    const now = { day: asOf, hour: 9, minute: 0 };
    await refreshTracker(port, { files, asOf, now });
    const first = await historyOf(port);
    const fromSystem = first.entries.filter((e) => e.source === "case system");
    expect(fromSystem.length).toBeGreaterThan(150);
    expect(fromSystem.every((e) => e.column === "latestReview" && e.seen === asOf)).toBe(true);
    expect(first.index.firstCaseSystemReview).toBe(Math.min(...fromSystem.map((e) => e.date)));
    await refreshTracker(port, { files, asOf, now: { ...now, minute: 1 } });
    expect((await historyOf(port)).entries.filter((e) => e.source === "case system")).toHaveLength(
      fromSystem.length,
    );
  });
});
