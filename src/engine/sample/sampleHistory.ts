import { addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import { HISTORY_HEADERS, HISTORY_SHEET_NAME, type HistorySource } from "../history/TrackerHistory";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetKey } from "../profile/TrackerProfile";
import type { SampleRow } from "./plantSampleProblems";
import type { SampleSheet } from "./SampleTracker";
import { randomChance, randomInteger, seededRandom } from "./seededRandom";

/** What the history needs of a sample child: its ID and every review and PPM it had. */
export interface ChildEvents {
  id: string;
  reviews: readonly EpochDay[];
  ppms: readonly EpochDay[];
}

export interface SampleHistoryOptions {
  asOf: EpochDay;
  seed: number;
  calendar: WorkingDayCalendar;
}

/** How long the add-in has been in use before the sample's as-of date, in months, run once a month. */
const MONTHS_OF_USE = 24;
/** The case system's extract reaches back a year before the add-in's first run (the previous return). */
const EXTRACT_MONTHS_BEFORE = 12;

interface HistoryRecord {
  sheet: SheetKey;
  id: string;
  column: string;
  date: EpochDay;
  seen: EpochDay;
  source: HistorySource;
}

/**
 * The Tracker history of the sample, as if the add-in had run on the same day each month for the
 * two years to `asOf`: at each run, every latest date that changed since the run before is
 * recorded, seen that day; a date overwritten before the next run is never seen (as in real use).
 * Every CLA review in the case system's extract (from a year before the first run) is recorded by
 * the refresh of the month after it was held, source "case system".
 *
 * The children's reviews and PPMs are those the generator made; the fostering households' earlier
 * visits, reviews and DBS checks are made here, backwards from the dates the tracker shows, with a
 * random source of their own (the tracker is the same with or without a history).
 */
export function generateSampleHistory(
  children: readonly ChildEvents[],
  households: readonly SampleRow[],
  options: SampleHistoryOptions,
): SampleSheet {
  const { asOf } = options;
  const runs = Array.from({ length: MONTHS_OF_USE }, (_, k) =>
    options.calendar.addWorkingDays(addCalendarMonths(asOf, k - MONTHS_OF_USE) - 1, 1),
  ).filter((r) => r < asOf);
  const firstRun = runs[0] ?? asOf;
  const seenOn = (day: EpochDay): EpochDay | undefined => runs.find((r) => r >= day);
  const records: HistoryRecord[] = [];

  const track = (
    sheet: SheetKey,
    id: string,
    column: string,
    valueAt: (run: EpochDay) => EpochDay | undefined,
  ) => {
    let last: EpochDay | undefined;
    for (const run of runs) {
      const value = valueAt(run);
      if (value === undefined || value === last) continue;
      records.push({ sheet, id, column, date: value, seen: run, source: "tracker" });
      last = value;
    }
  };
  const latestOf = (dates: readonly EpochDay[], run: EpochDay, atLeast: number): EpochDay | undefined => {
    let count = 0;
    let latest: EpochDay | undefined;
    for (const d of dates) {
      if (d > run) break;
      count++;
      latest = d;
    }
    return count >= atLeast ? latest : undefined;
  };

  const extractFrom = addCalendarMonths(firstRun, -EXTRACT_MONTHS_BEFORE);
  for (const child of children) {
    // The tracker keeps the latest review from the 3rd and the latest PPM from the 2nd.
    track("jointTracker", child.id, "latestReview", (run) => latestOf(child.reviews, run, 3));
    track("jointTracker", child.id, "latestPpm", (run) => latestOf(child.ppms, run, 2));
    for (const review of child.reviews) {
      const seen = seenOn(Math.max(review, firstRun));
      if (review < extractFrom || seen === undefined) continue;
      records.push({
        sheet: "jointTracker",
        id: child.id,
        column: "latestReview",
        date: review,
        seen,
        source: "case system",
      });
    }
  }

  const random = seededRandom((options.seed * 2_654_435_761 + 21) >>> 0);
  for (const row of households) {
    const id = typeof row.householdId === "string" ? row.householdId : undefined;
    const approval = dayOf(row.approvalDate);
    if (id === undefined || approval === undefined) continue;
    const backwards = (column: string, gap: () => number): void => {
      const latest = dayOf(row[column] ?? null);
      if (latest === undefined) return;
      const dates = [latest];
      for (let d = latest - gap(); d > approval && d > firstRun - 400; d -= gap()) dates.unshift(d);
      track("fosteringSupport", id, column, (run) => latestOf(dates, run, 1));
    };
    // Mostly on time, some late, as the tracker's own latest dates are.
    backwards("lastSupervisoryVisit", () =>
      randomChance(random, 0.85) ? randomInteger(random, 25, 42) : randomInteger(random, 43, 75),
    );
    const yearly = (): number =>
      randomChance(random, 0.85) ? randomInteger(random, 320, 365) : randomInteger(random, 367, 430);
    backwards("lastAnnualReview", yearly);
    backwards("lastUnannouncedVisit", yearly);
    backwards("lastDbs", () => randomInteger(random, 1000, 1180));
  }

  records.sort(
    (a, b) =>
      a.seen - b.seen ||
      (a.source === b.source ? 0 : a.source === "tracker" ? -1 : 1) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
      a.date - b.date,
  );
  const values: CellValue[][] = [[...HISTORY_HEADERS]];
  for (const r of records) {
    const spec = profileSheet(DEFAULT_PROFILE, r.sheet);
    values.push([
      spec?.title ?? r.sheet,
      r.id,
      spec?.columns.find((c) => c.key === r.column)?.title ?? r.column,
      utcDateFromEpochDay(r.date),
      utcDateFromEpochDay(r.seen),
      r.source,
    ]);
  }
  return { name: HISTORY_SHEET_NAME, values, headerRow: 1 };
}

function dayOf(value: CellValue | undefined): EpochDay | undefined {
  const date = coerceCellDate(value ?? null);
  return date.kind === "date" ? date.day : undefined;
}
