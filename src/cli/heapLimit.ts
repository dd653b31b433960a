import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

/*
 * Node sizes its heap limit from the machine's memory: about 4 GB on a machine with 16 GB or more, but
 * only about 2 GB on an 8 GB laptop. The .xlsx port streams sheets in and out, so the largest tracker
 * the command takes (200,000 rows) peaks at about 1.8 GB (`tracker summary --out`): too close
 * to a 2 GB limit. So where node's own limit is clearly lower, the command runs with a limit of 4 GB
 * (or three quarters of the machine's memory, if that is less). It is never raised beyond 4 GB: a
 * higher limit only lets V8 put off collecting garbage, which raises the peak for nothing.
 */

/** The environment variable that says the heap limit was already raised (by this or by the user). */
export const HEAP_SET_VARIABLE = "TRACKER_HEAP_SET";

/** The heap limit the command needs at most, in MB. */
export const HEAP_CEILING_MB = 4096;

/** The heap limit the command should run with, in MB, or undefined when the current one will do. */
export function wantedHeapLimitMb(
  machineBytes: number = totalmem(),
  currentLimitBytes: number = getHeapStatistics().heap_size_limit,
): number | undefined {
  const wanted = Math.min(HEAP_CEILING_MB, Math.floor((machineBytes * 0.75) / 2 ** 20));
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
