/** The middle of the measured times (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Timing {
  medianMs: number;
  runsMs: number[];
}

/**
 * Times a function: one warm-up run (the JIT compiles the hot paths, caches fill), then `runs`
 * measured runs, each after a garbage collection when node runs with --expose-gc, so one run's
 * garbage is not collected during the next. The machine is shared, so the median, not the mean.
 */
export function timeRuns(run: () => unknown, runs: number): Timing {
  collectGarbage();
  run();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const started = performance.now();
    run();
    runsMs.push(performance.now() - started);
  }
  return { medianMs: round(median(runsMs)), runsMs: runsMs.map(round) };
}

/** Collects garbage when node was started with --expose-gc; otherwise does nothing. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Peak resident memory of this process so far, in megabytes (the kernel's own high-water mark). */
export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function round(value: number, places = 1): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Items per second from a count and a time in milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms <= 0 ? 0 : Math.round((count * 1000) / ms);
}
