import { generateSampleTracker } from "../src/engine/sample/generateSampleTracker";
import {
  ENGINE_STAGES,
  buildAgendas,
  checkTables,
  engineInputOf,
  evaluateTables,
  mapAndCoerce,
  runAllStages,
  summarise,
  type EngineStage,
} from "./engineStages";
import { collectGarbage, peakRssMb, perSecond, timeRuns } from "./measure";
import type { EngineRun } from "./BenchResults";
import { BENCH_AS_OF } from "./benchAsOf";

/**
 * Times the engine on one generated tracker, in a process of its own so that its peak memory is
 * this size's alone: each stage separately (its inputs computed once beforehand), then all together.
 */
export function measureEngine(rows: number, messy: boolean, runs: number): EngineRun {
  const sample = generateSampleTracker({ children: rows, seed: 1, asOf: BENCH_AS_OF, messy });
  const input = engineInputOf(sample, BENCH_AS_OF);
  const totalRows = input.snapshots.reduce((n, s) => n + s.values.length, 0);
  collectGarbage();
  const heapBeforeMb = process.memoryUsage().heapUsed / 2 ** 20;

  const { tables } = mapAndCoerce(input);
  const evaluation = evaluateTables(input, tables);
  const stageRuns: Record<EngineStage, () => unknown> = {
    mapping: () => mapAndCoerce(input),
    checks: () => checkTables(input, tables),
    evaluation: () => evaluateTables(input, tables),
    agendas: () => buildAgendas(input, tables, evaluation),
    summary: () => summarise(input, tables, evaluation),
  };
  const stages = ENGINE_STAGES.map((stage) => {
    const timing = timeRuns(stageRuns[stage], runs);
    return {
      stage,
      medianMs: timing.medianMs,
      runsMs: timing.runsMs,
      rowsPerSecond: perSecond(rows, timing.medianMs),
    };
  });
  let heapPeakMb = 0;
  const all = timeRuns(() => {
    const result = runAllStages(input);
    heapPeakMb = Math.max(heapPeakMb, process.memoryUsage().heapUsed / 2 ** 20);
    return result;
  }, runs);
  return {
    rows,
    messy,
    allSheetRows: totalRows,
    medianMs: all.medianMs,
    runsMs: all.runsMs,
    rowsPerSecond: perSecond(rows, all.medianMs),
    stages,
    heapUsedByEngineMb: Math.round(heapPeakMb - heapBeforeMb),
    peakRssMb: peakRssMb(),
  };
}
