import { createHash } from "node:crypto";
import { generateSampleTracker } from "../src/engine/sample/generateSampleTracker";
import { buildAgendaSheet } from "../src/engine/agenda/buildAgendaSheet";
import { planSurgeryAgenda } from "../src/engine/agenda/planSurgeryAgenda";
import { SURGERIES, SurgeryType } from "../src/engine/agenda/SurgeryType";
import { runChecks } from "../src/engine/checks/runChecks";
import { formatIsoDate } from "../src/engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../src/engine/profile/defaultProfile";
import { profileSheet } from "../src/engine/profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../src/engine/standards/defaultStandards";
import { buildSummaryFigures } from "../src/engine/summary/buildSummaryFigures";
import { buildSummarySheets } from "../src/engine/summary/buildSummarySheet";
import { traceRows } from "../src/engine/summary/SummaryFigures";
import type { TrackerEvaluation } from "../src/engine/evaluation/evaluateTracker";
import { modelCellsOf } from "../src/engine/port/modelCells";
import type { SheetModel } from "../src/engine/port/SheetModel";
import type { TrackerTable } from "../src/engine/tables/TrackerTable";
import { BENCH_AS_OF } from "./benchAsOf";
import {
  ENGINE_STAGES,
  buildAgendas,
  checkTables,
  engineInputOf,
  evaluateTables,
  mapAndCoerce,
  summarise,
  type EngineStage,
} from "./engineStages";

/**
 * Profiling helper (not part of `npm run bench`): CPU time of each engine stage on one generated
 * tracker, measured with process.cpuUsage so a loaded machine disturbs it less than wall time, and
 * a fingerprint of every stage's output so a speed change can be shown not to change results.
 * Usage: node profileStages.js <rows> [clean|messy] [runs] [stage] [--fingerprint]
 */
function cpuMs(run: () => unknown, runs: number): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] as number);
}

/**
 * A digest of a stage's output, fed item by item: one JSON string of a 100,000-row evaluation or
 * agenda is more than V8 can make. Sheet models are digested by their cells in reading order,
 * however their runs are cut, so a change of runs is not a change.
 */
function fingerprint(items: Iterable<unknown>): string {
  const hash = createHash("sha256");
  for (const item of items) hash.update(JSON.stringify(item) ?? "undefined");
  return hash.digest("hex").slice(0, 16);
}

function* sheetModelItems(model: SheetModel | null): Generator<unknown, void, undefined> {
  if (model === null) {
    yield null;
    return;
  }
  yield { ...model, runs: undefined };
  const cells = [...modelCellsOf(model)].sort((a, b) => a.row - b.row || a.column - b.column);
  yield* cells;
}

function* tableItems(tables: readonly TrackerTable[]): Generator<unknown, void, undefined> {
  for (const { rows, ...table } of tables) {
    // byColumn is the rows again, read by column: the rows are digested below.
    yield { ...table, byColumn: undefined };
    for (const row of rows) yield [row.rowNumber, row.values];
  }
}

function* evaluationItems(evaluation: TrackerEvaluation): Generator<unknown, void, undefined> {
  for (const row of evaluation.rows) yield [row.sheet, row.rowNumber, row.id, row.worker, row.results];
}

const [rowsArg, kind, runsArg, only] = process.argv.slice(2);
const rows = Number(rowsArg ?? 10000);
const sample = generateSampleTracker({ children: rows, seed: 1, asOf: BENCH_AS_OF, messy: kind !== "clean" });
const input = engineInputOf(sample, BENCH_AS_OF);
const { tables } = mapAndCoerce(input);
const evaluation = evaluateTables(input, tables);

if (process.argv.includes("--fingerprint")) {
  const options = { asOf: input.asOf, calendar: input.calendar, profile: DEFAULT_PROFILE };
  const issues = runChecks(tables, options);
  const agendas = SurgeryType.options.map((type) => {
    const surgery = SURGERIES[type];
    const table = tables.find((t) => t.sheetKey === surgery.sheet);
    const sheet = profileSheet(DEFAULT_PROFILE, surgery.sheet);
    if (!table || !sheet) return null;
    const agenda = planSurgeryAgenda(
      { surgery: type, date: input.asOf, asOf: input.asOf, names: false, all: false, generatedAt: "x" },
      { evaluation, table, sheet, standards: DEFAULT_STANDARDS },
    );
    return buildAgendaSheet(agenda, agenda.sheetName);
  });
  const figures = buildSummaryFigures(evaluation, tables, {
    month: formatIsoDate(input.asOf).slice(0, 7),
    ...options,
  });
  console.log(
    JSON.stringify({
      tables: fingerprint(tableItems(tables)),
      checks: fingerprint(issues),
      evaluation: fingerprint(evaluationItems(evaluation)),
      agendas: fingerprint(agendas.flatMap((model) => [...sheetModelItems(model)])),
      summaryFigures: fingerprint([{ ...figures, trace: null }, traceRows(figures.trace)]),
      summarySheets: fingerprint(buildSummarySheets(figures).flatMap((model) => [...sheetModelItems(model)])),
    }),
  );
} else {
  const stageRuns: Record<EngineStage, () => unknown> = {
    mapping: () => mapAndCoerce(input),
    checks: () => checkTables(input, tables),
    evaluation: () => evaluateTables(input, tables),
    agendas: () => buildAgendas(input, tables, evaluation),
    summary: () => summarise(input, tables, evaluation),
  };
  const runs = Number(runsArg ?? 3);
  const figures: Record<string, number> = {};
  for (const stage of ENGINE_STAGES) {
    if (only && only !== stage) continue;
    figures[stage] = cpuMs(stageRuns[stage], runs);
  }
  console.log(rows, kind ?? "messy", JSON.stringify(figures));
}
