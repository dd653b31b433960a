import { z } from "zod";

/** One stage's figures at one size. */
export const StageRun = z.object({
  stage: z.string(),
  medianMs: z.number(),
  runsMs: z.array(z.number()),
  rowsPerSecond: z.number(),
});
export type StageRun = z.infer<typeof StageRun>;

/** The engine at one size: every stage together, and each stage on its own. */
export const EngineRun = z.object({
  /** Joint Tracker rows; the other sheets are sized from it. */
  rows: z.number().int(),
  messy: z.boolean(),
  /** Rows of all six sheets, title and header rows included. */
  allSheetRows: z.number().int(),
  /** All stages together, one after the other. */
  medianMs: z.number(),
  runsMs: z.array(z.number()),
  rowsPerSecond: z.number(),
  stages: z.array(StageRun),
  /** The most the heap grew above the loaded workbook while all stages ran. */
  heapUsedByEngineMb: z.number(),
  /** The process's peak resident memory, generating the workbook included. */
  peakRssMb: z.number(),
});
export type EngineRun = z.infer<typeof EngineRun>;
