import { legalSheetName, MAX_SHEET_NAME_LENGTH } from "../sheets/outputSheetName";
import { formatYearMonth } from "../summary/SummaryPeriod";
import type { ComparePeriod } from "./ComparePeriod";

/**
 * "Compare <before> vs <after>" within Excel's 31 characters: "Compare 2025-01–06 vs 2025-07–12"
 * is one too many, so each period is written as short as it reads: "2025-01–06" within a year,
 * "2024-11–25-04" across two, "2025-03" for one month; " v " when " vs " does not fit; and, for
 * periods across years, "2411–2504" (year and month in four digits).
 */
export function compareSheetName(before: ComparePeriod, after: ComparePeriod): string {
  const readable = (p: ComparePeriod): string => {
    const first = formatYearMonth(p.firstMonth);
    if (p.firstMonth.year === p.lastMonth.year && p.firstMonth.month === p.lastMonth.month) return first;
    const last = formatYearMonth(p.lastMonth);
    return p.firstMonth.year === p.lastMonth.year ? `${first}–${last.slice(5)}` : `${first}–${last.slice(2)}`;
  };
  const compact = (p: ComparePeriod): string => {
    const yymm = (ym: ComparePeriod["firstMonth"]): string => formatYearMonth(ym).slice(2).replace("-", "");
    const first = yymm(p.firstMonth);
    const last = yymm(p.lastMonth);
    return first === last ? first : `${first}–${last}`;
  };
  const candidates = [
    `Compare ${readable(before)} vs ${readable(after)}`,
    `Compare ${readable(before)} v ${readable(after)}`,
    `Compare ${compact(before)} vs ${compact(after)}`,
  ];
  return legalSheetName(
    candidates.find((name) => name.length <= MAX_SHEET_NAME_LENGTH) ?? candidates[2] ?? "",
  );
}
