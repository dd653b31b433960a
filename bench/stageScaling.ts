import type { EngineRun } from "./BenchResults";
import { ENGINE_STAGES, type EngineStage } from "./engineStages";

/** How much slower than linear a stage may grow between two sizes before the check fails. */
export const SCALING_ALLOWANCE = 4;

/** One stage's growth from the smaller to the larger measured size of the messy tracker. */
export interface StageScaling {
  stage: EngineStage;
  fromRows: number;
  toRows: number;
  /** The larger size's median ÷ (the smaller's median × the ratio of rows): 1 is linear. */
  timesLinear: number;
  met: boolean;
}

/**
 * The benchmark's check that no stage does quadratic work (a lookup inside a loop over rows): ten
 * times the rows may take at most four times ten times as long. Quadratic work at ten times the rows
 * takes ten times linear, so the check catches it, with room for a garbage collection or a busy
 * neighbour on a shared machine, where a single wall-clock limit in a test either fails on a busy day
 * or is too loose to catch anything.
 */
export function stageScaling(engine: readonly EngineRun[]): StageScaling[] {
  const messy = engine.filter((e) => e.messy).sort((a, b) => a.rows - b.rows);
  const small = messy[messy.length - 2];
  const large = messy[messy.length - 1];
  if (!small || !large) return [];
  return ENGINE_STAGES.map((stage) => {
    const before = small.stages.find((s) => s.stage === stage)?.medianMs ?? 0;
    const after = large.stages.find((s) => s.stage === stage)?.medianMs ?? 0;
    const linear = before * (large.rows / small.rows);
    const timesLinear = linear > 0 ? Math.round((after / linear) * 100) / 100 : 0;
    return {
      stage,
      fromRows: small.rows,
      toRows: large.rows,
      timesLinear,
      met: timesLinear <= SCALING_ALLOWANCE,
    };
  });
}
