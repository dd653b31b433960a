import { buildAgendaSheet } from "../src/engine/agenda/buildAgendaSheet";
import { planSurgeryAgenda } from "../src/engine/agenda/planSurgeryAgenda";
import { SURGERIES, SurgeryType } from "../src/engine/agenda/SurgeryType";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../src/engine/calendar/WorkingDayCalendar";
import { runChecks } from "../src/engine/checks/runChecks";
import { formatIsoDate, type EpochDay } from "../src/engine/dates/epochDay";
import { evaluateTracker, type TrackerEvaluation } from "../src/engine/evaluation/evaluateTracker";
import { modelCellCount } from "../src/engine/port/modelCells";
import type { SheetInfo, SheetSnapshot } from "../src/engine/port/WorkbookPort";
import { DEFAULT_PROFILE } from "../src/engine/profile/defaultProfile";
import { profileSheet } from "../src/engine/profile/TrackerProfile";
import type { SampleTracker } from "../src/engine/sample/SampleTracker";
import { DEFAULT_STANDARDS } from "../src/engine/standards/defaultStandards";
import { buildSummaryFigures } from "../src/engine/summary/buildSummaryFigures";
import { buildSummarySheets } from "../src/engine/summary/buildSummarySheet";
import { findTrackerSheet } from "../src/engine/tables/findTrackerSheet";
import { mapTrackerTable } from "../src/engine/tables/mapTrackerTable";
import type { TrackerTable } from "../src/engine/tables/TrackerTable";

/** The engine stages the benchmark times, in the order a user's actions run them. */
export const ENGINE_STAGES = ["mapping", "checks", "evaluation", "agendas", "summary"] as const;
export type EngineStage = (typeof ENGINE_STAGES)[number];

export const STAGE_TITLES: Readonly<Record<EngineStage, string>> = {
  mapping: "cell coercion and mapping",
  checks: "data-quality checks",
  evaluation: "evaluation (every default standard)",
  agendas: "agendas (one per surgery type)",
  summary: "monthly summary",
};

/** What every stage reads: the workbook's sheets as a port would return them, and the day. */
export interface EngineInput {
  snapshots: SheetSnapshot[];
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
}

export function engineInputOf(sample: SampleTracker, asOf: EpochDay): EngineInput {
  return {
    snapshots: sample.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      merges: s.merges ?? [],
      protected: false,
    })),
    asOf,
    calendar: createWorkingDayCalendar(),
  };
}

/**
 * Maps every profile sheet's table, then reads every mapped date cell as a date once: what loading a
 * tracker costs before any check or standard runs. Returns the tables and the dates read, so the
 * work cannot be optimised away.
 */
export function mapAndCoerce(input: EngineInput): { tables: TrackerTable[]; dates: number } {
  const infos: SheetInfo[] = input.snapshots.map((s) => ({
    name: s.name,
    visibility: "visible",
    protected: false,
  }));
  const tables: TrackerTable[] = [];
  let dates = 0;
  for (const spec of DEFAULT_PROFILE.sheets) {
    const info = findTrackerSheet(infos, spec);
    const snapshot = input.snapshots.find((s) => s.name === info?.name);
    if (!snapshot) continue;
    const table = mapTrackerTable(snapshot, spec).table;
    if (!table) continue;
    tables.push(table);
    // Each date column read as dates, as the checks and the evaluation share them.
    const columns = table.byColumn;
    for (const column of spec.columns) {
      if (column.type !== "date") continue;
      // Indexed: this loop runs once a column, mostly uncompiled, where for...of makes an object a step.
      const read = columns.dates(column.key);
      for (let i = 0; i < read.length; i++) if (read[i]?.kind === "date") dates++;
    }
  }
  return { tables, dates };
}

export function checkTables(input: EngineInput, tables: readonly TrackerTable[]): number {
  return runChecks(tables, { asOf: input.asOf, calendar: input.calendar, profile: DEFAULT_PROFILE }).length;
}

export function evaluateTables(input: EngineInput, tables: readonly TrackerTable[]): TrackerEvaluation {
  return evaluateTracker(tables, DEFAULT_STANDARDS, {
    asOf: input.asOf,
    calendar: input.calendar,
    profile: DEFAULT_PROFILE,
  });
}

/** One agenda per surgery type, planned and built as a sheet model; returns the cells written. */
export function buildAgendas(
  input: EngineInput,
  tables: readonly TrackerTable[],
  evaluation: TrackerEvaluation,
): number {
  let cells = 0;
  for (const type of SurgeryType.options) {
    const surgery = SURGERIES[type];
    const table = tables.find((t) => t.sheetKey === surgery.sheet);
    const sheet = profileSheet(DEFAULT_PROFILE, surgery.sheet);
    if (!table || !sheet) continue;
    const agenda = planSurgeryAgenda(
      {
        surgery: type,
        date: input.asOf,
        asOf: input.asOf,
        names: false,
        all: false,
        generatedAt: formatIsoDate(input.asOf),
      },
      { evaluation, table, sheet, standards: DEFAULT_STANDARDS },
    );
    const model = buildAgendaSheet(agenda, agenda.sheetName);
    cells += modelCellCount(model);
  }
  return cells;
}

/** The monthly summary of the month holding `asOf`: figures and both sheet models. */
export function summarise(
  input: EngineInput,
  tables: readonly TrackerTable[],
  evaluation: TrackerEvaluation,
): number {
  const figures = buildSummaryFigures(evaluation, tables, {
    month: formatIsoDate(input.asOf).slice(0, 7),
    asOf: input.asOf,
    calendar: input.calendar,
    profile: DEFAULT_PROFILE,
  });
  return buildSummarySheets(figures).length;
}

/** Every stage in order, as `tracker check` then status, agendas and the summary would run them. */
export function runAllStages(input: EngineInput): number {
  const { tables } = mapAndCoerce(input);
  const issues = checkTables(input, tables);
  const evaluation = evaluateTables(input, tables);
  return issues + buildAgendas(input, tables, evaluation) + summarise(input, tables, evaluation);
}
