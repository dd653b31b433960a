import type { CellValue } from "../cells/CellValue";
import { utcDateFromEpochDay } from "../dates/epochDay";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import { day, table } from "../../../test/support/summaryFixtures";
import { buildHistorySheet, readHistorySheet } from "./historySheet";
import { historyToAppend } from "./historyToAppend";
import { indexHistory } from "./HistoryIndex";
import { HISTORY_HEADERS } from "./TrackerHistory";

const date = (iso: string): Date => utcDateFromEpochDay(day(iso));
const sheet = (values: CellValue[][]): SheetSnapshot => ({
  name: "Tracker history",
  values,
  merges: [],
  protected: false,
});
const joint = table("jointTracker", [
  { childId: "C1", becameLookedAfter: "01/01/2025", firstPpm: "10/01/2025", latestPpm: "20/03/2025" },
  { childId: "C2", becameLookedAfter: "01/02/2025", firstPpm: "10/02/2025", latestPpm: null },
]);
const read = (values: CellValue[][]) => readHistorySheet(sheet(values), DEFAULT_PROFILE);

describe("reading the Tracker history back", () => {
  it("reads the valid rows of a sheet a user edited, and reports each other row at its cell without throwing", () => {
    const history = read([
      [...HISTORY_HEADERS],
      ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
      ["Joint Tracker", "C1", "Latest PPM", "31/02/2025", date("2025-03-01"), "tracker"],
      ["Joint Tracker", "", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
      ["Joint Tracker", "C1", "Favourite colour", date("2025-02-14"), date("2025-02-20"), "tracker"],
      ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "my notes"],
      ["Budget", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
      [null, null, null, null, null, null],
      ["Joint Tracker", "C1", "latest ppm", "20/03/2025", "21/03/2025", "Tracker"],
    ]);
    expect(history.entries.map((e) => [e.row, e.id, e.column, e.date, e.seen, e.source])).toEqual([
      [2, "C1", "latestPpm", day("2025-02-14"), day("2025-02-20"), "tracker"],
      [9, "C1", "latestPpm", day("2025-03-20"), day("2025-03-21"), "tracker"],
    ]);
    expect(history.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([
      "D3 HISTORY-ROW-UNREADABLE",
      "B4 HISTORY-ROW-UNREADABLE",
      "C5 HISTORY-ROW-UNREADABLE",
      "F6 HISTORY-ROW-UNREADABLE",
      "A7 HISTORY-ROW-UNREADABLE",
    ]);
    expect(history.issues[0]?.message).toBe(
      "Tracker history row 3: the date “31/02/2025” is not a date; the row is kept but not counted.",
    );
  });

  it("finds moved columns by their headers, and reads a sheet whose header row was deleted in the add-in's order", () => {
    const moved = read([
      ["Source", "Date", "ID", "Day seen", "Column", "Sheet"],
      ["tracker", date("2025-02-14"), "C1", date("2025-02-20"), "Latest PPM", "Joint Tracker"],
    ]);
    const headless = read([
      ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
    ]);
    expect(moved.entries).toEqual(headless.entries.map((e) => ({ ...e, row: 2 })));
    expect(headless.issues).toEqual([]);
  });

  it("leaves out a date after the day it was seen, saying so", () => {
    const history = read([
      [...HISTORY_HEADERS],
      ["Joint Tracker", "C1", "Latest PPM", date("2026-02-14"), date("2025-02-20"), "tracker"],
    ]);
    expect(history.entries).toEqual([]);
    expect(history.issues.map((i) => i.code)).toEqual(["HISTORY-DATE-IN-FUTURE"]);
  });
});

describe("indexing the history", () => {
  const rows = [
    [...HISTORY_HEADERS],
    ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-20"), "tracker"],
    ["Joint Tracker", "C1", "Latest PPM", date("2025-02-14"), date("2025-02-27"), "tracker"],
    ["Joint Tracker", "C1", "Latest PPM", date("2025-03-25"), date("2025-03-26"), "tracker"],
    ["Joint Tracker", "C1", "Latest PPM", date("2025-03-20"), date("2025-03-27"), "tracker"],
    ["Joint Tracker", "C9", "Latest PPM", date("2025-03-20"), date("2025-03-27"), "tracker"],
  ];

  it("counts two rows of one date once, and takes a date moved backwards as the correction of the one before", () => {
    const index = indexHistory(read(rows).entries, [joint], DEFAULT_PROFILE, "Tracker history");
    expect(index.datesOf("jointTracker", "c1", "latestPpm")).toEqual([day("2025-02-14"), day("2025-03-20")]);
    expect(index.issues.map((i) => `${i.cell} ${i.code} ${i.severity}`)).toEqual([
      "D5 HISTORY-DATE-BACKWARDS warning",
      "B6 HISTORY-ID-UNKNOWN info",
    ]);
    expect(index.issues[0]?.message).toContain("moved back from 25/03/2025 (seen 26/03/2025) to 20/03/2025");
    expect(index.firstRun).toBe(day("2025-02-20"));
  });

  it("keeps but ignores rows of IDs no longer in the tracker, and says a history matching nothing looks copied", () => {
    const other = table("jointTracker", [{ childId: "X1", becameLookedAfter: "01/01/2025" }]);
    const index = indexHistory(read(rows).entries, [other], DEFAULT_PROFILE, "Tracker history");
    expect(index.datesOf("jointTracker", "C1", "latestPpm")).toEqual([]);
    const unknown = index.issues.find((i) => i.code === "HISTORY-ID-UNKNOWN");
    expect(unknown?.severity).toBe("warning");
    expect(unknown?.message).toContain("was the workbook copied from another tracker or authority?");
  });
});

describe("the rows to append", () => {
  const seen = day("2025-03-21");

  it("records only dates that changed since the tracker's last record, never a future one, once per ID", () => {
    const recorded = read([
      [...HISTORY_HEADERS],
      ["Joint Tracker", "C1", "Latest PPM", date("2025-03-20"), date("2025-03-21"), "tracker"],
    ]).entries;
    expect(historyToAppend([joint], DEFAULT_STANDARDS, DEFAULT_PROFILE, recorded, { seen })).toEqual([]);
    const edited = table("jointTracker", [
      { childId: "C1", becameLookedAfter: "01/01/2025", latestPpm: "10/03/2025" },
      { childId: "C2", becameLookedAfter: "01/02/2025", latestPpm: "25/03/2025" },
      { childId: "C3", becameLookedAfter: "01/02/2025", latestPpm: "01/03/2025" },
      { childId: "C3", becameLookedAfter: "01/02/2025", latestPpm: "08/03/2025" },
    ]);
    const rows = historyToAppend([edited], DEFAULT_STANDARDS, DEFAULT_PROFILE, recorded, { seen });
    expect(rows.map((r) => [r.id, r.columnTitle, r.date, r.source])).toEqual([
      ["C1", "Latest PPM", day("2025-03-10"), "tracker"],
      ["C3", "Latest PPM", day("2025-03-08"), "tracker"],
    ]);
  });

  it("adds the case system's reviews within the child's time in care, each once", () => {
    const reviews = [
      { childId: "C1", day: day("2025-01-25") },
      { childId: "C1", day: day("2024-12-01") },
      { childId: "c1 ", day: day("2025-03-01") },
      { childId: "C7", day: day("2025-03-01") },
    ];
    const first = historyToAppend([joint], DEFAULT_STANDARDS, DEFAULT_PROFILE, [], {
      seen,
      caseSystemReviews: reviews,
    });
    const fromSystem = first.filter((r) => r.source === "case system");
    expect(fromSystem.map((r) => [r.id, r.column, r.date])).toEqual([
      ["C1", "latestReview", day("2025-01-25")],
      ["C1", "latestReview", day("2025-03-01")],
    ]);
    const again = historyToAppend(
      [joint],
      DEFAULT_STANDARDS,
      DEFAULT_PROFILE,
      first.map((r, i) => ({ ...r, row: i + 2 })),
      { seen, caseSystemReviews: reviews },
    );
    expect(again).toEqual([]);
  });
});

describe("the history sheet written", () => {
  it("keeps every row a user left, valid or not, exactly, and appends below the last used row", () => {
    const existing = sheet([
      [...HISTORY_HEADERS],
      ["Joint Tracker", "C1", "Latest PPM", "31/02/2025", date("2025-03-01"), "tracker"],
      [null, null, null],
      ["my note", null, null, null, null, null, "kept"],
    ]);
    const model = buildHistorySheet(existing, [
      {
        sheet: "jointTracker",
        sheetName: "Joint Tracker",
        id: "C1",
        column: "latestPpm",
        columnTitle: "Latest PPM",
        date: day("2025-03-20"),
        seen: day("2025-03-21"),
        source: "tracker",
      },
    ]);
    expect(model.purpose).toBe("trackerHistory");
    expect(model.visibility).toBe("hidden");
    expect(model.runs.map((r) => [r.row, ...r.values])).toEqual([
      [1, ...HISTORY_HEADERS],
      [2, "Joint Tracker", "C1", "Latest PPM", "31/02/2025", { date: day("2025-03-01") }, "tracker"],
      [4, "my note", null, null, null, null, null, "kept"],
      [
        5,
        "Joint Tracker",
        "C1",
        "Latest PPM",
        { date: day("2025-03-20") },
        { date: day("2025-03-21") },
        "tracker",
      ],
    ]);
  });
});
