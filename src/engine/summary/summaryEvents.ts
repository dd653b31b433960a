/** The dated events the summary counts, collected once from the tables: one list per figure. */
import { addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { HistoryIndex } from "../history/HistoryIndex";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import { CountedResults, TimelinessCounts } from "./countedResults";
import {
  ApplicationToPanelEvents,
  DayEvents,
  EnquiryToIhvEvents,
  PPM_KIND,
  PpmBandEvents,
  PpmEvents,
  REVIEW_STATUS,
  SecondReviewEvents,
} from "./DatedEvents";
import type { PpmBands } from "./SummaryFigures";
import { plainCellTextOrNull } from "../cells/plainCellText";

export type Band = keyof PpmBands;

/** Everything the dated figures count. */
export interface Events {
  timeliness: TimelinessCounts;
  bands: PpmBandEvents;
  ppms: PpmEvents;
  secondReviews: SecondReviewEvents;
  enquiries: DayEvents;
  ihvs: EnquiryToIhvEvents;
  panels: ApplicationToPanelEvents;
  approvals: DayEvents;
}

export function collectEvents(
  counted: CountedResults,
  slotOf: ReadonlyMap<string, number>,
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  calendar: WorkingDayCalendar,
  profile: TrackerProfile,
  history: HistoryIndex,
): Events {
  const joint = tableOf("jointTracker");
  const recruitment = tableOf("recruitment");
  const support = tableOf("fosteringSupport");
  const events: Events = {
    timeliness: new TimelinessCounts(counted, slotOf),
    bands: new PpmBandEvents(joint),
    ppms: new PpmEvents(joint, earlierPpmCount(joint, history)),
    secondReviews: new SecondReviewEvents(joint),
    enquiries: new DayEvents(recruitment, "enquiry"),
    ihvs: new EnquiryToIhvEvents(recruitment),
    panels: new ApplicationToPanelEvents(recruitment),
    approvals: new DayEvents(support, "approved"),
  };

  if (joint) {
    const columns = joint.byColumn;
    const jointExit = profileSheet(profile, "jointTracker")?.exitColumn;
    const blas = columns.dates("becameLookedAfter");
    const firstPpms = columns.dates("firstPpm");
    const latestPpms = columns.dates("latestPpm");
    const secondReviews = columns.dates("secondReview");
    const exits = jointExit === undefined ? undefined : columns.dates(jointExit);
    const ids = columns.values(profileSheet(profile, "jointTracker")?.idColumn ?? "childId");
    for (let i = 0; i < joint.rows.length; i++) {
      const firstPpm = firstPpms[i] as CellDate;
      const bla = blas[i] as CellDate;
      if (bla.kind === "date") {
        const blaDay = bla.day;
        let band: Band;
        let workingDays = NaN;
        if (firstPpm.kind === "problem") band = "cannotAssess";
        else if (firstPpm.kind === "empty") band = "noPpmYet";
        else if (firstPpm.day < blaDay) band = "ppmBeforeBla";
        else {
          workingDays = calendar.workingDaysBetween(blaDay, firstPpm.day);
          band =
            workingDays <= 10
              ? "upTo10"
              : workingDays <= 30
                ? "from11To30"
                : workingDays <= 60
                  ? "from31To60"
                  : "over60";
        }
        events.bands.add(blaDay, band, workingDays, i);

        // 2nd review within 4 months of BLA, counted by the month the 4 months end, as a standard would
        // be: a row whose exit date is unreadable cannot be assessed (evaluation-semantics.md "Status,
        // in this order"), held or not, as the 2nd review's and the plan's standards leave it out.
        const deadline = addCalendarMonths(blaDay, 4);
        const review = secondReviews[i] as CellDate;
        const exit = exits === undefined ? EMPTY_CELL_DATE : (exits[i] as CellDate);
        if (exit.kind !== "problem" && review.kind === "date" && review.day >= blaDay && deadline <= asOf) {
          events.secondReviews.add(
            deadline,
            review.day <= deadline ? REVIEW_STATUS.met : REVIEW_STATUS.metLate,
            i,
          );
        } else if (exit.kind !== "problem" && review.kind === "empty") {
          const exitDay = exit.kind === "date" ? exit.day : null;
          const t = exitDay === null ? asOf : Math.min(asOf, exitDay);
          if (!(exitDay !== null && exitDay <= deadline) && t > deadline)
            events.secondReviews.add(deadline, REVIEW_STATUS.overdue, i);
        }
      }
      // PPMs held: a date after as-of is a meeting planned, not held (the history's dates are left
      // out the same way below), so a PPM typed ahead does not count in the current quarter.
      const latest = latestPpms[i] as CellDate;
      const first = firstPpm.kind === "date" ? firstPpm.day : null;
      if (first !== null && first <= asOf) events.ppms.add(first, PPM_KIND.first, i);
      if (latest.kind === "date" && latest.day !== first && latest.day <= asOf)
        events.ppms.add(latest.day, PPM_KIND.latest, i);
      // Every PPM date the history kept for the row: each distinct date once.
      if (history.keys === 0) continue;
      const id = plainCellTextOrNull(ids[i]);
      if (id === null) continue;
      for (const day of history.datesOf("jointTracker", id, "latestPpm")) {
        if (day !== first && !(latest.kind === "date" && latest.day === day) && day <= asOf)
          events.ppms.add(day, PPM_KIND.earlier, i);
      }
    }
  }

  if (recruitment) {
    const columns = recruitment.byColumn;
    const enquiries = columns.dates("enquiry");
    const ihvs = columns.dates("ihv");
    const applications = columns.dates("application");
    const panels = columns.dates("panel");
    for (let i = 0; i < recruitment.rows.length; i++) {
      const enquiry = dayOf(enquiries[i]);
      const ihv = dayOf(ihvs[i]);
      const application = dayOf(applications[i]);
      const panel = dayOf(panels[i]);
      if (enquiry !== null) events.enquiries.add(enquiry, i);
      if (enquiry !== null && ihv !== null && ihv >= enquiry)
        events.ihvs.add(ihv, calendar.workingDaysBetween(enquiry, ihv), i);
      if (application !== null && panel !== null && panel >= application)
        events.panels.add(panel, monthsBetween(application, panel), i);
    }
  }

  if (support) {
    const approvals = support.byColumn.dates("approvalDate");
    for (let i = 0; i < support.rows.length; i++) {
      const approval = dayOf(approvals[i]);
      if (approval !== null) events.approvals.add(approval, i);
    }
  }
  return events;
}

/** How many PPM dates the history holds for the Joint Tracker's rows: room for them among the events. */
function earlierPpmCount(joint: TrackerTable | undefined, history: HistoryIndex): number {
  if (!joint || history.keys === 0) return 0;
  let count = 0;
  for (const value of joint.byColumn.values("childId")) {
    const id = plainCellTextOrNull(value);
    if (id !== null) count += history.datesOf("jointTracker", id, "latestPpm").length;
  }
  return count;
}

function dayOf(date: CellDate | undefined): EpochDay | null {
  return date !== undefined && date.kind === "date" ? date.day : null;
}

/**
 * Calendar months from a to b, to one decimal: whole months as `addMonths` counts them (end of month
 * clamped), then the part-month left as a fraction of the next month's length.
 */
export function monthsBetween(a: EpochDay, b: EpochDay): number {
  let whole = 0;
  while (addCalendarMonths(a, whole + 1) <= b) whole += 1;
  const from = addCalendarMonths(a, whole);
  const next = addCalendarMonths(a, whole + 1);
  return Math.round((whole + (b - from) / (next - from)) * 10) / 10;
}
