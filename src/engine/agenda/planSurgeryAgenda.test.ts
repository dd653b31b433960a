import { runsOf } from "../../../test/support/modelRuns";
import type { CellValue } from "../cells/CellValue";
import { createWorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { evaluateTracker } from "../evaluation/evaluateTracker";
import { modelCellsOf } from "../port/modelCells";
import type { SheetModel } from "../port/SheetModel";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { generateSampleTracker } from "../sample/generateSampleTracker";
import { fitRowHeights } from "../sheets/fitRowHeights";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../standards/defaultStandards";
import type { TrackerTable } from "../tables/TrackerTable";
import { readAgendaActions, type AgreedActions } from "./AgendaActions";
import { buildAgendaSheet } from "./buildAgendaSheet";
import { SURGERIES, SurgeryType } from "./SurgeryType";
import {
  parseAgendaSheetName,
  planSurgeryAgenda,
  type AgendaRequest,
  type AgendaSources,
} from "./planSurgeryAgenda";
import { withColumns } from "../tables/tableColumns";

const calendar = createWorkingDayCalendar();
const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;
const sheet = profileSheet(DEFAULT_PROFILE, "jointTracker") as SheetSpec;

function jointTracker(rows: Record<string, CellValue>[]): TrackerTable {
  return withColumns({
    sheetKey: "jointTracker",
    sheetName: "Joint Tracker",
    headerRow: 1,
    columns: [],
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
  });
}

// As of Tuesday 21/06/2022. A child who became looked after on Friday 27/05/2022 had a 1st PPM due
// 14/06/2022 (10 working days; the jubilee holidays of 2 and 3 June skipped) and a 1st CLA review due
// 28/06/2022 (20 working days), 5 working days away: due soon.
const ROWS: Record<string, CellValue>[] = [
  {
    childId: "C001",
    childName: "Amy Jones",
    socialWorker: "Sam Patel",
    team: "Team A",
    becameLookedAfter: "27/05/2022",
  },
  {
    childId: "C002",
    childName: "Ben Khan",
    socialWorker: "Sam Patel",
    team: "Team A",
    becameLookedAfter: "27/05/2022",
    firstPpm: "01/06/2022",
    notes: "Placement stable",
  },
  {
    childId: "C003",
    childName: "Cara Lee",
    socialWorker: "Alex Brown",
    team: "Team B",
    becameLookedAfter: "20/06/2022",
  },
  { childId: "C004", childName: "Dan Moss", socialWorker: "alex  brown ", team: "Team B" },
];

const asOf = day("2022-06-21");
const request = (over: Partial<AgendaRequest> = {}): AgendaRequest => ({
  surgery: "joint-tracking",
  date: asOf,
  asOf,
  names: false,
  all: false,
  generatedAt: "21/06/2022 09:00",
  ...over,
});

function plan(
  rows: Record<string, CellValue>[],
  over: Partial<AgendaRequest> = {},
  extra: Partial<AgendaSources> = {},
) {
  const table = jointTracker(rows);
  const evaluation = evaluateTracker([table], DEFAULT_STANDARDS, {
    asOf,
    calendar,
    profile: DEFAULT_PROFILE,
  });
  return planSurgeryAgenda(request(over), {
    evaluation,
    table,
    sheet,
    standards: DEFAULT_STANDARDS,
    ...extra,
  });
}

const caseIds = (agenda: ReturnType<typeof plan>): string[][] =>
  agenda.workers.map((w) => w.cases.map((c) => c.id));

describe("planning a surgery agenda", () => {
  it("groups cases by worker alphabetically, however the worker's name is spaced or cased", () => {
    const agenda = plan(ROWS);
    expect(agenda.workers.map((w) => w.worker)).toEqual(["Alex Brown", "Sam Patel"]);
    expect(caseIds(agenda)).toEqual([["C004"], ["C001", "C002"]]);
  });

  it("lists the most overdue case first, then due soon, then dates to check", () => {
    const agenda = plan([
      { childId: "C010", socialWorker: "Sam Patel" },
      { childId: "C011", socialWorker: "Sam Patel", becameLookedAfter: "27/05/2022", firstPpm: "01/06/2022" },
      { childId: "C012", socialWorker: "Sam Patel", becameLookedAfter: "27/05/2022" },
      { childId: "C013", socialWorker: "Sam Patel", becameLookedAfter: "20/05/2022" },
    ]);
    // C013's 1st PPM (due 07/06/2022) is 10 working days overdue, C012's 5.
    expect(caseIds(agenda)).toEqual([["C013", "C012", "C011", "C010"]]);
  });

  it("spells out each action in neutral words with its due date", () => {
    const [first] = plan(ROWS).workers[1]?.cases ?? [];
    expect(first?.toDiscuss).toEqual([
      "1st permanency planning meeting overdue by 5 working days — due 14/06/2022",
      "1st CLA review due 28/06/2022 (in 5 working days)",
    ]);
    expect(first?.statuses.find((s) => s.standardId === "ppm-first")).toEqual({
      standardId: "ppm-first",
      text: "Overdue 5 WD",
      rag: "red",
    });
  });

  it("counts overdue, due soon and dates to check for each worker", () => {
    const [alex, sam] = plan(ROWS).workers;
    // C004 has no date for becoming looked after: its 1st CLA review, 1st PPM and permanence plan
    // cannot be assessed, three dates to check; C003 became looked after yesterday, nothing due yet.
    expect([alex?.overdue, alex?.dueSoon, alex?.cannotAssess]).toEqual([0, 0, 3]);
    expect([sam?.overdue, sam?.dueSoon, sam?.cannotAssess]).toEqual([1, 2, 0]);
  });

  it("leaves out cases with nothing to discuss unless every case is asked for", () => {
    expect(caseIds(plan(ROWS)).flat()).not.toContain("C003");
    expect(caseIds(plan(ROWS, { all: true })).flat()).toContain("C003");
  });

  it("lists what falls due before the next surgery", () => {
    const agenda = plan(ROWS, { next: day("2022-07-05") });
    const cara = agenda.workers[0]?.cases.find((c) => c.id === "C003");
    expect(cara?.toDiscuss).toEqual([
      "1st permanency planning meeting due 04/07/2022, before the next surgery",
    ]);
  });

  it("shows initials unless names are asked for", () => {
    expect(plan(ROWS).workers[1]?.cases[0]?.shownName).toBe("A.J.");
    expect(plan(ROWS, { names: true }).workers[1]?.cases[0]?.shownName).toBe("Amy Jones");
  });

  it("filters by team and by worker", () => {
    expect(caseIds(plan(ROWS, { team: "team a" }))).toEqual([["C001", "C002"]]);
    expect(caseIds(plan(ROWS, { worker: "Alex Brown" }))).toEqual([["C004"]]);
    expect(plan(ROWS, { team: "Team Z" }).workers).toEqual([]);
  });

  it("keeps children of one sibling group together, at the place of the worst of them", () => {
    const agenda = plan([
      { childId: "C020", socialWorker: "Sam Patel", becameLookedAfter: "20/05/2022" },
      { childId: "C021", socialWorker: "Sam Patel", becameLookedAfter: "27/05/2022", siblingGroup: "G1" },
      {
        childId: "C022",
        socialWorker: "Sam Patel",
        becameLookedAfter: "27/05/2022",
        firstPpm: "01/06/2022",
        siblingGroup: "G1",
      },
      { childId: "C023", socialWorker: "Sam Patel", becameLookedAfter: "26/05/2022" },
    ]);
    // C023 (6 working days overdue) comes before the G1 group (C021: 5), which stays together.
    expect(caseIds(agenda)).toEqual([["C020", "C023", "C021", "C022"]]);
  });

  it("acknowledges what was done on time since the last surgery", () => {
    const agenda = plan(ROWS, {}, { lastSurgery: day("2022-05-31") });
    expect(agenda.workers[1]?.doneOnTime).toEqual(["1st permanency planning meeting for C002 on 01/06/2022"]);
  });

  it("carries last time's actions forward, marking those past their date, and keeps what was typed here", () => {
    const agreed: AgreedActions = {
      action: "Book the PPM",
      byWhom: "SP",
      byWhen: new Date(Date.UTC(2022, 5, 17)),
    };
    const typed: AgreedActions = { action: "Chase IRO", byWhom: "TM", byWhen: "next week" };
    const agenda = plan(
      ROWS,
      {},
      { agreedLastTime: new Map([["C001", agreed]]), typedHere: new Map([["C002", typed]]) },
    );
    const [amy, ben] = agenda.workers[1]?.cases ?? [];
    expect(amy?.agreedLastTime).toEqual(agreed);
    expect(amy?.agreedLastTimeOverdue).toBe(true);
    expect(ben?.typed).toEqual(typed);
  });
});

/** The values a port would read back from a written model. */
function valuesOf(model: SheetModel): CellValue[][] {
  const values: CellValue[][] = [];
  for (const cell of modelCellsOf(model)) {
    const row = (values[cell.row - 1] ??= []);
    const v = cell.value;
    row[cell.column - 1] = v !== null && typeof v === "object" ? new Date(v.date * 86_400_000) : v;
  }
  return Array.from(values, (r) => Array.from(r ?? [], (c) => c ?? null));
}

describe("the agenda sheet", () => {
  it("is named after the surgery type and date, and reads back", () => {
    const agenda = plan(ROWS);
    expect(agenda.sheetName).toBe("Agenda JTM 2022-06-21");
    expect(parseAgendaSheetName(agenda.sheetName)).toEqual({ code: "JTM", date: "2022-06-21" });
    expect(plan(ROWS, { team: "Team A" }).sheetName).toBe("Agenda JTM 2022-06-21 Team A");
  });

  it("is print-ready: landscape, one page wide, header row repeated, gridlines off", () => {
    const model = buildAgendaSheet(plan(ROWS), "Agenda JTM 2022-06-21");
    expect(model.print).toEqual({
      orientation: "landscape",
      fitToWidth: true,
      paperSize: "A3",
      repeatRows: { first: 7, last: 7 },
    });
    expect(model.showGridlines).toBe(false);
    expect(model.purpose).toBe("agenda");
  });

  it("colours each status cell and links each ID to its tracker row", () => {
    const cells = [...modelCellsOf(buildAgendaSheet(plan(ROWS), "Agenda JTM 2022-06-21"))];
    const overdue = cells.find((c) => c.value === "Overdue 5 WD");
    expect(overdue?.style?.fill).toBe("FFC7CE");
    const id = cells.find((c) => c.value === "C001");
    expect(id?.link).toEqual({ sheet: "Joint Tracker", cell: "A2" });
  });

  it("gives the actions typed into it back by case ID", () => {
    const typed: AgreedActions = { action: "Chase IRO", byWhom: "TM", byWhen: "next week" };
    const model = buildAgendaSheet(plan(ROWS, {}, { typedHere: new Map([["C002", typed]]) }), "A");
    const actions = readAgendaActions({ name: "A", values: valuesOf(model), merges: [], protected: false });
    expect([...actions.entries()]).toEqual([["C002", typed]]);
  });

  it("writes each case as one row, with each row as tall as its wrapped cells need", () => {
    const agenda = plan(ROWS, { all: true, next: day("2022-07-05") });
    const model = buildAgendaSheet(agenda, "A");
    const cases = agenda.workers.reduce((n, w) => n + w.cases.length, 0);
    // A case's run is the one that links to its tracker row; headings and headers are runs too.
    expect(model.runs.filter((r) => r.link !== undefined)).toHaveLength(cases);
    expect(model.rowHeights).toEqual(
      fitRowHeights(runsOf([...modelCellsOf(model)]), model.columnWidths ?? {}, model.merges),
    );
    expect(Object.keys(model.rowHeights ?? {}).length).toBeGreaterThan(cases);
  });

  it("fits the rows of a generated tracker's agendas, every colour of status among them, as their cells would be", () => {
    const sample = generateSampleTracker({ children: 400, seed: 3, asOf, messy: true });
    const snapshots = sample.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      merges: [],
      protected: false,
    }));
    let rows = 0;
    for (const surgery of SurgeryType.options) {
      const spec = profileSheet(DEFAULT_PROFILE, SURGERIES[surgery].sheet) as SheetSpec;
      const snapshot = snapshots.find((s) => s.name === spec.title);
      const table = snapshot && mapTrackerTable(snapshot, spec).table;
      if (!table) continue;
      const evaluation = evaluateTracker([table], DEFAULT_STANDARDS, {
        asOf,
        calendar,
        profile: DEFAULT_PROFILE,
      });
      const agenda = planSurgeryAgenda(request({ surgery, all: true }), {
        evaluation,
        table,
        sheet: spec,
        standards: DEFAULT_STANDARDS,
      });
      const model = buildAgendaSheet(agenda, "A");
      rows += model.runs.filter((r) => r.link !== undefined).length;
      expect(model.rowHeights).toEqual(
        fitRowHeights(runsOf([...modelCellsOf(model)]), model.columnWidths ?? {}, model.merges),
      );
    }
    expect(rows).toBeGreaterThan(200);
  });

  it("says so when there is nothing to discuss", () => {
    const model = buildAgendaSheet(plan(ROWS, { team: "Team Z" }), "A");
    expect([...modelCellsOf(model)].some((c) => String(c.value).startsWith("Nothing to discuss"))).toBe(true);
  });
});
