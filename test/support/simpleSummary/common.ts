import type { CellValue } from "../../../src/engine/cells/CellValue";
import { coerceCellDate } from "../../../src/engine/cells/coerceCellDate";
import { formatIsoDate } from "../../../src/engine/dates/epochDay";
import type { MedianOf } from "../../../src/engine/summary/SummaryFigures";
import type { TrackerRow } from "../../../src/engine/tables/TrackerTable";

/*
 * What every part of the simple summary reference shares: a period is the list of its months, a
 * date counts in it when its `YYYY-MM` is one of them, and a cell is read as the evaluator reads it.
 */

/** The months (`YYYY-MM`) a period spans: one for a month, three for a quarter, twelve for a year. */
export type Months = readonly string[];

/** `YYYY-MM` of a day. */
export const monthOf = (day: number): string => formatIsoDate(day).slice(0, 7);

/** Whether a day falls in one of the months. */
export const inMonths = (day: number, months: Months): boolean => months.includes(monthOf(day));

/** A row's date cell: its day when it holds a valid date, else null (blank or not a date). */
export function dayIn(row: TrackerRow, key: string): number | null {
  const date = coerceCellDate(row.values[key]);
  return date.kind === "date" ? date.day : null;
}

/** How a row's date cell reads: a valid date, blank (placeholders too) or a problem. */
export const readDate = (row: TrackerRow, key: string) => coerceCellDate(row.values[key]);

/** A cell's text, trimmed; null when blank, a date or an error (as an ID or a code is named). */
export function textIn(value: CellValue | undefined): string | null {
  if (value === null || value === undefined || typeof value === "object") return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** The middle value (the mean of the two middle ones for an even count) and the mean to one decimal. */
export function simpleMedian(values: readonly number[]): MedianOf {
  if (values.length === 0) return { median: null, mean: null, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[half] as number)
      : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { median, mean: Math.round((sum / sorted.length) * 10) / 10, n: sorted.length };
}
