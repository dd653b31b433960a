import { formatIsoDate } from "../dates/epochDay";
import type { ComparePeriod } from "./ComparePeriod";
import type { Comparison, ShareComparison } from "./Comparison";

/**
 * `tracker compare --json`: the periods (dates as YYYY-MM-DD), then per standard and per measure the
 * counts, the interval and test, the verdict and its words. Shares and changes are fractions
 * (0.21 is 21 percentage points); a missing figure is null. Recurring standards, counted from every
 * occurrence in the Tracker history, come under `recurring` in the same shape, with `historyFrom`
 * (the first day the history covers, or null) and each period's `covered` (whether the history
 * covers it from its first day: when either is false there is no share, test or change, and the
 * uncovered period's counts are null).
 */
/** A period the history does not cover: its counts would miss occurrences, so none is given. */
const NO_HISTORY = { onTime: null, cohort: null, noInformation: null, interval: null, covered: false };

export function compareJson(comparison: Comparison): unknown {
  const period = (p: ComparePeriod): unknown => ({
    period: p.key,
    first: formatIsoDate(p.first),
    last: formatIsoDate(p.last),
  });
  const share = (s: ShareComparison) => ({
    standard: s.id,
    title: s.title,
    before: s.before,
    after: s.after,
    change: s.change === null ? null : { difference: s.change.difference, ...s.change.interval },
    p: s.p,
    gapCouldExplain: s.gapCouldExplain,
    verdict: s.verdict,
    words: s.words,
  });
  return {
    asOf: formatIsoDate(comparison.asOf),
    before: period(comparison.before),
    after: period(comparison.after),
    standards: comparison.shares.filter((s) => s.coverage === null).map(share),
    recurring: comparison.shares.flatMap((s) => {
      const { coverage } = s;
      if (coverage === null) return [];
      const { standard, title, ...line } = share(s);
      return [
        {
          standard,
          title,
          historyFrom: coverage.from === null ? null : formatIsoDate(coverage.from),
          ...line,
          before: coverage.before ? { ...line.before, covered: true } : NO_HISTORY,
          after: coverage.after ? { ...line.after, covered: true } : NO_HISTORY,
        },
      ];
    }),
    measures: comparison.measures.map((m) => ({
      measure: m.id,
      title: m.title,
      unit: m.unit,
      before: { n: m.before.n, median: m.before.median, noInformation: m.before.noInformation },
      after: { n: m.after.n, median: m.after.median, noInformation: m.after.noInformation },
      u: m.test?.u ?? null,
      p: m.test?.p ?? null,
      method: m.test?.method ?? null,
      gapCouldExplain: m.gapCouldExplain,
      verdict: m.verdict,
      words: m.words,
    })),
    undated: comparison.undated,
    notes: comparison.notes,
  };
}
