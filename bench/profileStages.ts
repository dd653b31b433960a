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

function fingerprint(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)))
    .digest("hex")
    .slice(0, 16);
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
      tables: fingerprint(tables),
      checks: fingerprint(issues),
      evaluation: fingerprint(evaluation),
      agendas: fingerprint(agendas),
      summaryFigures: fingerprint(figures),
      summarySheets: fingerprint(buildSummarySheets(figures)),
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
