import { parseIsoDate, partsFromEpochDay, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";

/** Enough rows for every job to have something to show, few enough for a grid without virtualising. */
export const PREVIEW_CHILDREN = 120;

/**
 * The preview's workbook: the sample tracker generated in the browser (invented children, with the
 * planted problems real trackers have), as at `asOf`, in memory.
 */
export function previewWorkbook(asOf: EpochDay, seed = 1): MemoryWorkbook {
  const sample = generateSampleTracker({ children: PREVIEW_CHILDREN, seed, asOf, messy: true });
  return new MemoryWorkbook(
    sample.sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges ?? [] })),
  );
}

/**
 * The preview's "today": `?today=YYYY-MM-DD` pins it (the browser tests do, so their screenshots
 * and rows do not change with the date), else the given fallback.
 */
export function previewToday(search: string, fallback: Date): Date {
  const pinned = new URLSearchParams(search).get("today");
  const day = pinned === null ? undefined : parseIsoDate(pinned);
  if (day === undefined) return fallback;
  const { year, month, day: dayOfMonth } = partsFromEpochDay(day);
  // Nine in the morning: a working day's stamp for the change log and agendas.
  return new Date(year, month - 1, dayOfMonth, 9, 0);
}
