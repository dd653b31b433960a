import { createWorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { epochDayFromUtcDate, utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet } from "../profile/TrackerProfile";
import type { SampleTracker } from "../sample/SampleTracker";
import { randomInteger, seededRandom } from "../sample/seededRandom";
import { parseComparePeriod, type ComparePeriod } from "./ComparePeriod";

/* Generated trackers with a known change, for the compare tests (no hand-edited workbooks). */

const calendar = createWorkingDayCalendar();

/** A period as the tests write it, `2025-01..2025-06`: one that cannot be read is a mistake in the test. */
export function comparePeriodOf(text: string): ComparePeriod {
  const reading = parseComparePeriod("period", text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.period;
}

/** A window of BLA dates and the share of its children whose 1st PPM is to be within 10 working days. */
export interface PlantedShare {
  first: EpochDay;
  last: EpochDay;
  share: number;
}

/**
 * Re-dates the 1st PPM of every child who became looked after within one of the windows: a child
 * is drawn (seeded) to have it within 2–10 working days with the window's share, else after 11–60.
 * The evaluation report's Leybridge figures are 12% within 10 working days before joint tracking and
 * 33% after. A PPM that would fall after `asOf` is left blank (not held yet), and a latest PPM
 * earlier than the new 1st PPM is cleared. Returns a copy; the sample given is left as it was.
 */
export function plantFirstPpmShares(
  sample: SampleTracker,
  windows: readonly PlantedShare[],
  asOf: EpochDay,
  seed: number,
): SampleTracker {
  const spec = profileSheet(DEFAULT_PROFILE, "jointTracker");
  const sheet = sample.sheets.find((s) => s.name === spec?.title);
  if (!spec || !sheet) throw new Error("the sample has no Joint Tracker");
  const column = (key: string): number => spec.columns.findIndex((c) => c.key === key);
  const blaAt = column("becameLookedAfter");
  const ppmAt = column("firstPpm");
  const latestAt = column("latestPpm");
  const random = seededRandom(seed);
  const values = sheet.values.map((row, r): CellValue[] => {
    if (r < sheet.headerRow) return row;
    const bla = row[blaAt];
    if (!(bla instanceof Date)) return row;
    const blaDay = epochDayFromUtcDate(bla);
    const window = windows.find((w) => blaDay >= w.first && blaDay <= w.last);
    if (!window) return row;
    const within = random() < window.share;
    const ppm = calendar.addWorkingDays(
      blaDay,
      within ? randomInteger(random, 2, 10) : randomInteger(random, 11, 60),
    );
    const copy = [...row];
    copy[ppmAt] = ppm > asOf ? null : utcDateFromEpochDay(ppm);
    const latest = copy[latestAt];
    if (latest instanceof Date && (ppm > asOf || epochDayFromUtcDate(latest) < ppm)) copy[latestAt] = null;
    return copy;
  });
  return { ...sample, sheets: sample.sheets.map((s) => (s === sheet ? { ...sheet, values } : s)) };
}
