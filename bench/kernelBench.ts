import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NETWORKDAYS } from "@formulajs/formulajs";
import { createWorkingDayCalendar } from "../src/engine/calendar/WorkingDayCalendar";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "../src/engine/calendar/englandAndWalesBankHolidays";
import {
  epochDayFromParts,
  parseIsoDate,
  partsFromEpochDay,
  type EpochDay,
} from "../src/engine/dates/epochDay";
import { seededRandom, randomInteger } from "../src/engine/sample/seededRandom";
import { median, perSecond, round, timeRuns } from "./measure";

export interface KernelResult {
  /** Ours: `NETWORKDAYS(a, b)` from the calendar's prefix counts, pairs per second. */
  pairsPerSecond: number;
  pairs: number;
  formulajs: { pairsPerSecond: number; pairs: number; agrees: boolean };
  /** Ours over formulajs, pairs per second: higher is better (target at least 100). */
  vsFormulajs: number;
  numpy: { pairsPerSecond: number; pairs: number; agrees: boolean } | { skipped: string };
  /** Ours over numpy.busday_count: higher is better (target at least 1); null when numpy was skipped. */
  vsNumpy: number | null;
}

const FIRST = epochDayFromParts(2012, 1, 1) as EpochDay;
const LAST = epochDayFromParts(2028, 12, 31) as EpochDay;
/** Up to about 18 months between the two dates, as a tracker's gaps are (BLA to PPM, review to review). */
const MAX_SPAN_DAYS = 550;

function randomPairs(count: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const pairs = new Int32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const a = randomInteger(random, FIRST, LAST - MAX_SPAN_DAYS);
    pairs[2 * i] = a;
    pairs[2 * i + 1] = a + randomInteger(random, 0, MAX_SPAN_DAYS);
  }
  return pairs;
}

/** A date at local midnight, as formulajs (like a spreadsheet) expects. */
function localDate(day: EpochDay): Date {
  const p = partsFromEpochDay(day);
  return new Date(p.year, p.month - 1, p.day);
}

/**
 * The working-day kernel (the calendar's `NETWORKDAYS`: both ends counted) against formulajs
 * `NETWORKDAYS` and `numpy.busday_count`, all with the same England & Wales bank holidays and the
 * same random pairs; each answer is also compared, so a fast wrong kernel cannot win.
 */
export function benchKernel(options: { quick: boolean; runs: number }): KernelResult {
  const holidays = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((iso) => parseIsoDate(iso) as EpochDay);
  const calendar = createWorkingDayCalendar();
  const count = options.quick ? 200_000 : 1_000_000;
  const pairs = randomPairs(count, 9);
  const ours = new Int32Array(count);
  const networkdays = (): number => {
    let total = 0;
    for (let i = 0; i < count; i++) {
      const a = pairs[2 * i] as number;
      const b = pairs[2 * i + 1] as number;
      const n = calendar.workingDaysBetween(a, b) + (calendar.isWorkingDay(a) ? 1 : 0);
      ours[i] = n;
      total += n;
    }
    return total;
  };
  const oursTiming = timeRuns(networkdays, options.runs);
  const pairsPerSecond = perSecond(count, oursTiming.medianMs);

  // formulajs walks every day of the span and scans the holiday list for each: far fewer pairs.
  const formulajsCount = options.quick ? 1_000 : 5_000;
  const holidayDates = holidays.map(localDate);
  const starts = Array.from({ length: formulajsCount }, (_, i) => localDate(pairs[2 * i] as number));
  const ends = Array.from({ length: formulajsCount }, (_, i) => localDate(pairs[2 * i + 1] as number));
  let agrees = true;
  const formulajsTiming = timeRuns(
    () => {
      for (let i = 0; i < formulajsCount; i++) {
        const n = NETWORKDAYS(starts[i], ends[i], holidayDates);
        if (n !== ours[i]) agrees = false;
      }
    },
    Math.min(options.runs, 3),
  );
  const formulajsPerSecond = perSecond(formulajsCount, formulajsTiming.medianMs);

  const numpy = runNumpy(pairs, ours, holidays, options.runs);
  return {
    pairsPerSecond,
    pairs: count,
    formulajs: { pairsPerSecond: formulajsPerSecond, pairs: formulajsCount, agrees },
    vsFormulajs: round(pairsPerSecond / Math.max(1, formulajsPerSecond)),
    numpy,
    vsNumpy: "skipped" in numpy ? null : round(pairsPerSecond / Math.max(1, numpy.pairsPerSecond), 2),
  };
}

// busday_count counts [a, b): NETWORKDAYS(a, b), both ends counted, is busday_count(a, b + 1). The
// calendar is built once (np.busdaycalendar), as ours is, and only the vectorised call is timed.
const NUMPY_SCRIPT = `
import sys, time, json
import numpy as np
pairs = np.fromfile(sys.argv[1], dtype=np.int32).reshape(-1, 2)
holidays = np.fromfile(sys.argv[2], dtype=np.int32).astype('datetime64[D]')
runs = int(sys.argv[3])
a = pairs[:, 0].astype('datetime64[D]')
b = (pairs[:, 1] + 1).astype('datetime64[D]')
cal = np.busdaycalendar(holidays=holidays)
counts = np.busday_count(a, b, busdaycal=cal)
times = []
for _ in range(runs):
    t = time.perf_counter()
    counts = np.busday_count(a, b, busdaycal=cal)
    times.append((time.perf_counter() - t) * 1000)
counts.astype(np.int32).tofile(sys.argv[4])
print(json.dumps({"runsMs": times}))
`;

function runNumpy(
  pairs: Int32Array,
  ours: Int32Array,
  holidays: readonly EpochDay[],
  runs: number,
): { pairsPerSecond: number; pairs: number; agrees: boolean } | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), "tracker-bench-numpy-"));
  try {
    const pairsFile = join(dir, "pairs.bin");
    const holidaysFile = join(dir, "holidays.bin");
    const countsFile = join(dir, "counts.bin");
    writeFileSync(pairsFile, Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength));
    const days = Int32Array.from(holidays);
    writeFileSync(holidaysFile, Buffer.from(days.buffer));
    const run = spawnSync(
      "python3",
      ["-c", NUMPY_SCRIPT, pairsFile, holidaysFile, String(runs), countsFile],
      { encoding: "utf8" },
    );
    if (run.error) return { skipped: "python3 is not installed: numpy.busday_count not measured" };
    if (run.status !== 0) {
      return /No module named .?numpy/.test(run.stderr)
        ? { skipped: "numpy is not installed (pip install numpy): numpy.busday_count not measured" }
        : { skipped: `python3 failed: ${run.stderr.trim().split("\n").at(-1) ?? "no message"}` };
    }
    const { runsMs } = JSON.parse(run.stdout) as { runsMs: number[] };
    const bytes = readFileSync(countsFile);
    const counts = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const agrees = counts.length === ours.length && counts.every((n, i) => n === ours[i]);
    return { pairsPerSecond: perSecond(ours.length, median(runsMs)), pairs: ours.length, agrees };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
