import { daysInMonth, epochDayFromParts, partsFromEpochDay, type EpochDay } from "../dates/epochDay";
import { MONTH_NAMES } from "../dates/monthNames";

/**
 * The windows a summary counts in: calendar months, calendar quarters (which are also the financial
 * quarters) and financial years (1 April to 31 March, as local authorities report to the DfE).
 */
export type PeriodKind = "month" | "quarter" | "financialYear";

export interface SummaryPeriod {
  kind: PeriodKind;
  /** `2025-03`, `2025-Q1` (January–March), `2024/25` (financial year). */
  key: string;
  /** What a manager reads: "March 2025", "Jan–Mar 2025", "2024/25 (Apr 2024–Mar 2025)". */
  label: string;
  /** A short form for chart axes and table headers: "Mar 2025", "Q1 2025", "2024/25". */
  shortLabel: string;
  first: EpochDay;
  last: EpochDay;
}

/** A month as its year and number (1–12). */
export interface YearMonth {
  year: number;
  month: number;
}

const SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));

/** Reads `YYYY-MM` strictly; anything else is `undefined`. */
export function parseYearMonth(text: string): YearMonth | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return undefined;
  return { year, month };
}

export function formatYearMonth({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The month `n` months after (before, when negative) the given one. */
export function shiftMonth({ year, month }: YearMonth, n: number): YearMonth {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function yearMonthOf(day: EpochDay): YearMonth {
  const { year, month } = partsFromEpochDay(day);
  return { year, month };
}

function dayOf(year: number, month: number, d: number): EpochDay {
  return epochDayFromParts(year, month, d) as EpochDay;
}

export function monthPeriod(ym: YearMonth): SummaryPeriod {
  return {
    kind: "month",
    key: formatYearMonth(ym),
    label: `${MONTH_NAMES[ym.month - 1] ?? ""} ${ym.year}`,
    shortLabel: `${SHORT[ym.month - 1] ?? ""} ${ym.year}`,
    first: dayOf(ym.year, ym.month, 1),
    last: dayOf(ym.year, ym.month, daysInMonth(ym.year, ym.month)),
  };
}

/** The calendar quarter holding the month (January–March is Q1, as the quarters of the year). */
export function quarterPeriod(ym: YearMonth): SummaryPeriod {
  const q = Math.floor((ym.month - 1) / 3) + 1;
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    kind: "quarter",
    key: `${ym.year}-Q${q}`,
    label: `${SHORT[firstMonth - 1] ?? ""}–${SHORT[lastMonth - 1] ?? ""} ${ym.year}`,
    shortLabel: `Q${q} ${ym.year}`,
    first: dayOf(ym.year, firstMonth, 1),
    last: dayOf(ym.year, lastMonth, daysInMonth(ym.year, lastMonth)),
  };
}

/** The financial year (1 April to 31 March) holding the month. */
export function financialYearPeriod(ym: YearMonth): SummaryPeriod {
  const start = ym.month >= 4 ? ym.year : ym.year - 1;
  const key = `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
  return {
    kind: "financialYear",
    key,
    label: `${key} (Apr ${start}–Mar ${start + 1})`,
    shortLabel: key,
    first: dayOf(start, 4, 1),
    last: dayOf(start + 1, 3, 31),
  };
}

export function periodOf(kind: PeriodKind, ym: YearMonth): SummaryPeriod {
  if (kind === "quarter") return quarterPeriod(ym);
  if (kind === "financialYear") return financialYearPeriod(ym);
  return monthPeriod(ym);
}

/** The period of the same kind just before: last month, last quarter, last financial year. */
export function previousPeriod(period: SummaryPeriod): SummaryPeriod {
  const back = period.kind === "month" ? 1 : period.kind === "quarter" ? 3 : 12;
  return periodOf(period.kind, shiftMonth(yearMonthOf(period.first), -back));
}

/** The same period a year earlier. */
export function yearEarlierPeriod(period: SummaryPeriod): SummaryPeriod {
  return periodOf(period.kind, shiftMonth(yearMonthOf(period.first), -12));
}

export function inPeriod(day: EpochDay, period: SummaryPeriod): boolean {
  return day >= period.first && day <= period.last;
}
