import type { EpochDay } from "../dates/epochDay";
import { formatYearMonth, monthPeriod, parseYearMonth, type YearMonth } from "../summary/SummaryPeriod";

/** A run of whole calendar months compared with another: `2025-01..2025-06`. */
export interface ComparePeriod {
  /** `2025-01..2025-06`, or `2025-03` for one month. */
  key: string;
  /** What a manager reads: "Jan 2025–Jun 2025", "Mar 2025". */
  label: string;
  firstMonth: YearMonth;
  lastMonth: YearMonth;
  first: EpochDay;
  last: EpochDay;
}

export type ComparePeriodReading = { ok: true; period: ComparePeriod } | { ok: false; message: string };

/**
 * Reads a period as the command line and the pane take it: `YYYY-MM..YYYY-MM` (first and last
 * month, both included) or one month `YYYY-MM`. Anything else ("2025/01-2025/06", "Jan 2025") is
 * refused with the form it must take, and a period whose first month comes after its last is
 * refused rather than turned round: the user may have swapped something else too.
 */
export function parseComparePeriod(name: string, text: string): ComparePeriodReading {
  const form = `${name} must be months such as 2025-01..2025-06 (first..last) or one month such as 2025-03, not “${text}”`;
  const parts = text.trim().split("..");
  if (parts.length > 2) return { ok: false, message: form };
  const firstMonth = parseYearMonth(parts[0] ?? "");
  const lastMonth = parts.length === 2 ? parseYearMonth(parts[1] ?? "") : firstMonth;
  if (!firstMonth || !lastMonth) return { ok: false, message: form };
  const first = monthPeriod(firstMonth);
  const last = monthPeriod(lastMonth);
  if (first.first > last.first) {
    return {
      ok: false,
      message: `${name} ${text.trim()} is reversed: its first month ${first.shortLabel} comes after its last ${last.shortLabel}`,
    };
  }
  const single = first.key === last.key;
  return {
    ok: true,
    period: {
      key: single ? first.key : `${formatYearMonth(firstMonth)}..${formatYearMonth(lastMonth)}`,
      label: single ? first.shortLabel : `${first.shortLabel}–${last.shortLabel}`,
      firstMonth,
      lastMonth,
      first: first.first,
      last: last.last,
    },
  };
}
