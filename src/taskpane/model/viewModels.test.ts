import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../../engine/profile/defaultProfile";
import type { DataQualityIssue } from "../../engine/checks/DataQualityIssue";
import type { TrackerTable } from "../../engine/tables/TrackerTable";
import { agendaChoices, agendaTarget, readAgendaForm, type AgendaForm } from "./agendaForm";
import type { SheetInfo } from "../../engine/port/WorkbookPort";
import { changeSetsOf } from "./changeSetsOf";
import { displayCell, displayWrittenValue } from "./displayCell";
import { filterChoices, filterIssues, groupIssues, NO_FILTER, withWorkers } from "./issueFilters";
import { officeThemeKind } from "./officeThemeKind";
import { plainError } from "./plainError";
import { recallWorker, rememberWorker, type KeyValueStore } from "./rememberedWorker";
import { summaryMonths } from "./summaryMonths";
import { parseUkDateInput, ukDateProblem } from "./ukDateInput";
import { withColumns } from "../../engine/tables/tableColumns";

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;

const issue = (
  sheet: string,
  cell: string,
  row: number,
  severity: DataQualityIssue["severity"],
  column = "firstPpm",
): DataQualityIssue => ({
  sheet,
  cell,
  row,
  column,
  severity,
  code: "X",
  message: `${cell} is wrong`,
});

const jointTracker: TrackerTable = withColumns({
  sheetKey: "jointTracker",
  sheetName: "Joint Tracker",
  headerRow: 1,
  columns: [],
  rows: [
    { rowNumber: 2, values: { socialWorker: "Jane Smith" } },
    { rowNumber: 3, values: { socialWorker: "Amir Khan" } },
  ],
});

describe("the pane's view models", () => {
  it("reads typed dates day first, with one or two digits, and refuses impossible days", () => {
    expect(parseUkDateInput("3/4/2025")).toBe(day("2025-04-03"));
    expect(parseUkDateInput(" 03.04.2025 ")).toBe(day("2025-04-03"));
    expect(parseUkDateInput("31/02/2025")).toBeUndefined();
    expect(parseUkDateInput("2025-04-03")).toBeUndefined();
    expect(ukDateProblem("Surgery date", "next week")).toMatch(/“next week” is not a date/);
  });

  it("shows cells as Excel would, and a date fix's serial as its date", () => {
    expect(displayCell(new Date(Date.UTC(2019, 3, 3)))).toBe("03/04/2019");
    expect(displayCell(null)).toBe("—");
    expect(displayCell({ error: "#N/A" })).toBe("#N/A");
    expect(displayWrittenValue(43558, "dd/mm/yyyy")).toBe("03/04/2019");
    expect(displayWrittenValue(43558, undefined)).toBe("43558");
  });

  it("groups issues by sheet then severity worst first, with counts, and filters by worker from the rows", () => {
    const workerColumn = DEFAULT_PROFILE.sheets.find((s) => s.key === "jointTracker")?.workerColumn;
    expect(workerColumn).toBe("socialWorker");
    const issues = withWorkers(
      [
        issue("Joint Tracker", "F3", 3, "warning"),
        issue("Joint Tracker", "F2", 2, "error"),
        issue("PLO Tracker", "B9", 9, "info", "worker"),
        issue("Joint Tracker", "G2", 2, "error", "secondReview"),
      ],
      [jointTracker],
      DEFAULT_PROFILE,
    );
    expect(groupIssues(issues).map((g) => [g.heading, g.issues.map((i) => i.cell)])).toEqual([
      ["Joint Tracker: 2 errors", ["F2", "G2"]],
      ["Joint Tracker: 1 warning", ["F3"]],
      ["PLO Tracker: 1 note", ["B9"]],
    ]);
    expect(filterIssues(issues, { ...NO_FILTER, worker: "Jane Smith" }).map((i) => i.cell)).toEqual([
      "F2",
      "G2",
    ]);
    expect(
      filterIssues(issues, { ...NO_FILTER, severity: "error", column: "secondReview" }).map((i) => i.cell),
    ).toEqual(["G2"]);
    expect(filterChoices(issues)).toEqual({
      sheets: ["Joint Tracker", "PLO Tracker"],
      columns: ["firstPpm", "secondReview", "worker"],
      workers: ["Amir Khan", "Jane Smith"],
    });
  });

  it("turns the agenda form into a request, listing every problem at once", () => {
    const form: AgendaForm = {
      surgery: "joint-tracking",
      date: "24/11/2026",
      next: "22/12/2026",
      filterBy: "team",
      filterValue: " North ",
      names: false,
      all: false,
    };
    const read = readAgendaForm(form, day("2026-11-20"), "20/11/2026 09:00");
    expect(read).toEqual({
      ok: true,
      request: {
        surgery: "joint-tracking",
        date: day("2026-11-24"),
        next: day("2026-12-22"),
        asOf: day("2026-11-20"),
        team: "North",
        names: false,
        all: false,
        generatedAt: "20/11/2026 09:00",
      },
    });
    const all = readAgendaForm({ ...form, all: true }, day("2026-11-20"), "");
    expect(all.ok && all.request.all).toBe(true);
    expect(readAgendaForm({ ...form, date: "24/13/2026", filterValue: "" }, day("2026-11-20"), "")).toEqual({
      ok: false,
      problems: [
        "Enter the surgery date as dd/mm/yyyy.",
        "Choose the team the agenda is for, or choose everyone.",
      ],
    });
    expect(readAgendaForm({ ...form, next: "01/11/2026" }, day("2026-11-20"), "")).toEqual({
      ok: false,
      problems: ["The next surgery must be after this one."],
    });
  });

  it("warns that generating will replace an agenda of the same surgery and date", () => {
    const read = readAgendaForm(
      {
        surgery: "joint-tracking",
        date: "24/11/2026",
        next: "",
        filterBy: "everyone",
        filterValue: "",
        names: false,
        all: false,
      },
      day("2026-11-20"),
      "",
    );
    if (!read.ok) throw new Error("the form should read");
    const sheet = (name: string, output?: string): SheetInfo => ({
      name,
      visibility: "visible",
      protected: false,
      ...(output === undefined ? {} : { output }),
    });
    expect(agendaTarget(read.request, [sheet("Joint Tracker")])).toEqual({
      name: "Agenda JTM 2026-11-24",
      exists: false,
    });
    expect(agendaTarget(read.request, [sheet("agenda jtm 2026-11-24", "Agenda JTM 2026-11-24")])).toEqual({
      name: "agenda jtm 2026-11-24",
      exists: true,
    });
    // A user's sheet of that name is not the agenda: it is left alone, so nothing is replaced.
    expect(agendaTarget(read.request, [sheet("Agenda JTM 2026-11-24")])).toEqual({
      name: "Agenda JTM 2026-11-24",
      exists: false,
    });
  });

  it("offers the summary months newest first, last month by default", () => {
    const months = summaryMonths(day("2026-01-15"), 3);
    expect(months.choices).toEqual([
      { value: "2026-01", label: "January 2026" },
      { value: "2025-12", label: "December 2025" },
      { value: "2025-11", label: "November 2025" },
    ]);
    expect(months.defaultValue).toBe("2025-12");
  });

  it("remembers each user's worker apart, and forgets one no longer in the workbook", () => {
    const held = new Map<string, string>();
    const store: KeyValueStore = {
      getItem: (k) => held.get(k) ?? null,
      setItem: (k, v) => void held.set(k, v),
    };
    rememberWorker(store, "ann@example.gov.uk", "Jane Smith");
    rememberWorker(store, "bob@example.gov.uk", "Amir Khan");
    expect(recallWorker(store, "ANN@example.gov.uk", ["Amir Khan", "Jane Smith"])).toBe("Jane Smith");
    expect(recallWorker(store, "bob@example.gov.uk", ["Jane Smith"])).toBeUndefined();
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => rememberWorker(refusing, "ann", "Jane Smith")).not.toThrow();
    expect(recallWorker(refusing, "ann", ["Jane Smith"])).toBeUndefined();
  });

  it("words failures in plain English, by Office's error code where there is one", () => {
    expect(plainError({ code: "InvalidOperationInCellEditMode", message: "x" }, "apply the fixes")).toBe(
      "Could not apply the fixes: Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
    );
    expect(plainError(new Error('There is no sheet named "Agenda"\n    at stack'), "open the agenda")).toBe(
      'Could not open the agenda: There is no sheet named "Agenda".',
    );
    expect(plainError("???", "check the tracker")).toBe("Could not check the tracker. Please try again.");
  });
});

describe("following the Office theme", () => {
  it("goes dark on a dark body background and stays light otherwise", () => {
    expect(officeThemeKind("#1F1F1F")).toBe("dark");
    expect(officeThemeKind("#FFFFFF")).toBe("light");
    expect(officeThemeKind("f3f2f1")).toBe("light");
    expect(officeThemeKind(undefined)).toBe("light");
    expect(officeThemeKind("black")).toBe("light");
  });
});

describe("the agenda's team and worker choices, and the change log's sets", () => {
  it("offers the teams and workers the surgery's sheet names, each once, sorted", () => {
    const table: TrackerTable = withColumns({
      ...jointTracker,
      rows: [
        { rowNumber: 2, values: { socialWorker: "Jane Smith", team: "North" } },
        { rowNumber: 3, values: { socialWorker: " Amir Khan ", team: "South" } },
        { rowNumber: 4, values: { socialWorker: "Jane Smith", team: null } },
      ],
    });
    expect(agendaChoices([table], DEFAULT_PROFILE, "joint-tracking")).toEqual({
      teams: ["North", "South"],
      workers: ["Amir Khan", "Jane Smith"],
    });
    expect(agendaChoices([table], DEFAULT_PROFILE, "plo")).toEqual({ teams: [], workers: [] });
  });

  it("lists each logged change set once, newest first, with its count of cells", () => {
    const row = (changeSet: string, when: string) => ({
      changeSet,
      when,
      sheet: "Joint Tracker",
      cell: "F2",
      old: "x",
      new: "y",
      rule: "TEXT-UNTRIMMED",
      description: "",
    });
    expect(
      changeSetsOf([
        row("CS-1", "24/11/2026 09:00"),
        row("CS-1", "24/11/2026 09:00"),
        row("RV-1", "24/11/2026 09:05"),
      ]),
    ).toEqual([
      { id: "RV-1", when: "24/11/2026 09:05", count: 1 },
      { id: "CS-1", when: "24/11/2026 09:00", count: 2 },
    ]);
  });
});
