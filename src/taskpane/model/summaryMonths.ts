import { partsFromEpochDay, type EpochDay } from "../../engine/dates/epochDay";
import { MONTH_NAMES } from "../../engine/dates/monthNames";
import { formatYearMonth, shiftMonth, type YearMonth } from "../../engine/summary/SummaryPeriod";

export interface MonthChoice {
  /** `YYYY-MM`, as the summary job takes it. */
  value: string;
  /** "October 2026". */
  label: string;
}

/**
 * The months the Summary job offers, newest first: the current month (a summary so far) and the
 * `count - 1` before it. The default is last month, the one a monthly meeting reports on.
 */
export function summaryMonths(today: EpochDay, count = 24): { choices: MonthChoice[]; defaultValue: string } {
  const { year, month } = partsFromEpochDay(today);
  const choices: MonthChoice[] = [];
  for (let i = 0; i < count; i++) {
    const ym: YearMonth = shiftMonth({ year, month }, -i);
    choices.push({ value: formatYearMonth(ym), label: `${MONTH_NAMES[ym.month - 1] ?? ""} ${ym.year}` });
  }
  return { choices, defaultValue: choices[1]?.value ?? formatYearMonth({ year, month }) };
}
