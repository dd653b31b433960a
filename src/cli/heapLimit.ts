import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

/*
 * exceljs holds a whole workbook in memory while reading it and builds each sheet's XML as one string
 * while writing, so a 100,000-row tracker needs more than Node's default heap limit (about 4 GB on a
 * 64-bit machine): `tracker summary --out` on one ran out of memory and crashed (issue 9). The command
 * therefore runs with a heap limit of three quarters of the machine's memory. V8 only takes memory as
 * it needs it, so small trackers use no more than before.
 */

/** The environment variable that says the heap limit was already raised (by this or by the user). */
export const HEAP_SET_VARIABLE = "TRACKER_HEAP_SET";

/** The heap limit the command should run with, in MB, or undefined when the current one will do. */
export function wantedHeapLimitMb(
  machineBytes: number = totalmem(),
  currentLimitBytes: number = getHeapStatistics().heap_size_limit,
): number | undefined {
  const wanted = Math.floor((machineBytes * 0.75) / 2 ** 20);
  // Re-running the command costs a node start-up: only worth it for a clearly larger heap.
  return wanted > (currentLimitBytes / 2 ** 20) * 1.25 ? wanted : undefined;
}

/** The node options that raise the heap limit, for re-running the command; empty when not needed. */
export function heapLimitArguments(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env[HEAP_SET_VARIABLE] !== undefined) return [];
  if ((env.NODE_OPTIONS ?? "").includes("--max-old-space-size")) return [];
  const mb = wantedHeapLimitMb();
  return mb === undefined ? [] : [`--max-old-space-size=${mb}`];
}
