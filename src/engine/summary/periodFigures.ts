/** One period's dated figures (timeliness, PPM bands, counts and medians) from the collected events. */
import { medianOfValues } from "./medianOf";
import { recurringCount, type RecurringOccurrences } from "./recurringFigures";
import { PPM_BAND_KEYS, type OnTimeCount, type PeriodFigures, type TimelinessCount } from "./SummaryFigures";
import type { SummaryPeriod } from "./SummaryPeriod";
import type { Band, Events } from "./summaryEvents";

export interface StandardTitle {
  id: string;
  title: string;
  recurring: boolean;
}

function onTimeCount(cohort: number, onTime: number): OnTimeCount {
  return { cohort, onTime, late: cohort - onTime };
}

export function periodFigures(
  period: SummaryPeriod,
  events: Events,
  standards: readonly StandardTitle[],
  recurring: readonly RecurringOccurrences[],
): PeriodFigures {
  const timeliness: TimelinessCount[] = standards.map((s, slot) => {
    const { cohort, onTime } = events.timeliness.countsIn(slot, period);
    return { standard: s.id, title: s.title, recurring: s.recurring, ...onTimeCount(cohort, onTime) };
  });
  const tally = events.bands.bandCountsIn(period);
  const bands = Object.fromEntries(PPM_BAND_KEYS.map((k, i) => [k, tally[i] as number])) as Record<
    Band,
    number
  >;
  const plan = timeliness.find((t) => t.standard === "permanence-plan");
  return {
    period,
    timeliness,
    recurring: recurring.map((r) => recurringCount(r, period)),
    ppmBands: bands,
    blaToPpmWorkingDays: medianOfValues(events.bands.workingDaysIn(period)),
    ppmsHeld: events.ppms.countIn(period),
    secondReviewWithin4Months: onTimeCount(
      events.secondReviews.countIn(period),
      events.secondReviews.metIn(period),
    ),
    planAgreedBy2ndReview: plan
      ? { cohort: plan.cohort, onTime: plan.onTime, late: plan.late }
      : { cohort: 0, onTime: 0, late: 0 },
    enquiries: events.enquiries.countIn(period),
    enquiryToIhvWorkingDays: medianOfValues(events.ihvs.workingDaysIn(period)),
    applicationToPanelMonths: medianOfValues(events.panels.monthsIn(period)),
    approvals: events.approvals.countIn(period),
  };
}
