import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { SheetKey } from "../profile/TrackerProfile";
import { monthsBetween } from "../summary/summaryEvents";
import type { TrackerTable } from "../tables/TrackerTable";
import type { ComparePeriod } from "./ComparePeriod";
import type { MeasureId } from "./Comparison";

/** A measure's values in the two periods and the rows of each period with no value. */
export interface MeasureValues {
  id: MeasureId;
  title: string;
  unit: "working days" | "months";
  before: MeasurePeriodValues;
  after: MeasurePeriodValues;
}

export interface MeasurePeriodValues {
  values: number[];
  /**
   * One entry per case in the period with no value: the least its value can be. A 1st PPM not held
   * by the as-of date took at least the working days since BLA; an invalid date could be anything
   * (0).
   */
  missingAtLeast: number[];
}

interface MeasureSpec {
  id: MeasureId;
  title: string;
  unit: MeasureValues["unit"];
  sheet: SheetKey;
  from: string;
  to: string;
  /** Which date places a case in a period: the summary's choice for the figure. */
  countedBy: "from" | "to";
}

/*
 * The summary's working-day figures (evaluation-semantics.md "Figures for a period"; standards.md
 * "Summary-only measures"): BLA → 1st PPM by the month the child became looked after; enquiry → IHV
 * and application → panel by the month the visit or panel was held. Application → panel is in
 * calendar months to one decimal, as the summary shows it.
 */
const MEASURES: readonly MeasureSpec[] = [
  {
    id: "bla-to-1st-ppm",
    title: "BLA to 1st PPM",
    unit: "working days",
    sheet: "jointTracker",
    from: "becameLookedAfter",
    to: "firstPpm",
    countedBy: "from",
  },
  {
    id: "enquiry-to-ihv",
    title: "Enquiry to initial home visit",
    unit: "working days",
    sheet: "recruitment",
    from: "enquiry",
    to: "ihv",
    countedBy: "to",
  },
  {
    id: "application-to-panel",
    title: "Application to panel",
    unit: "months",
    sheet: "recruitment",
    from: "application",
    to: "panel",
    countedBy: "to",
  },
];

/**
 * The values of each working-day measure whose sheet and columns the tracker has, in the two
 * periods. A case has a value when both dates are valid and the end is not before the start (a 1st
 * PPM before BLA is early permanence planning and, as in the summary's bands, left out). It has no
 * information when the end date is blank or invalid although the start is in the period (BLA → 1st
 * PPM: the report's "no PPM yet" and "cannot assess" children), or when the start date is invalid
 * although the end is in the period.
 */
export function collectMeasureValues(
  tables: readonly TrackerTable[],
  before: ComparePeriod,
  after: ComparePeriod,
  calendar: WorkingDayCalendar,
  asOf: EpochDay,
): MeasureValues[] {
  const measures: MeasureValues[] = [];
  for (const spec of MEASURES) {
    const table = tables.find((t) => t.sheetKey === spec.sheet);
    if (!table || table.rows.length === 0) continue;
    if (!table.columns.some((c) => c.key === spec.from) || !table.columns.some((c) => c.key === spec.to))
      continue;
    const measure: MeasureValues = {
      id: spec.id,
      title: spec.title,
      unit: spec.unit,
      before: { values: [], missingAtLeast: [] },
      after: { values: [], missingAtLeast: [] },
    };
    const sideOf = (day: EpochDay): MeasurePeriodValues | undefined =>
      day >= before.first && day <= before.last
        ? measure.before
        : day >= after.first && day <= after.last
          ? measure.after
          : undefined;
    const columns = table.byColumn;
    const froms = columns.dates(spec.from);
    const tos = columns.dates(spec.to);
    for (let i = 0; i < table.rows.length; i++) {
      const from = froms[i] as CellDate;
      const to = tos[i] as CellDate;
      if (from.kind === "date" && to.kind === "date") {
        if (to.day < from.day) continue;
        const side = sideOf(spec.countedBy === "from" ? from.day : to.day);
        side?.values.push(
          spec.unit === "months"
            ? monthsBetween(from.day, to.day)
            : calendar.workingDaysBetween(from.day, to.day),
        );
      } else if (from.kind === "date" && spec.countedBy === "from") {
        const waited = to.kind === "empty" && asOf > from.day ? elapsed(spec, from.day, asOf, calendar) : 0;
        sideOf(from.day)?.missingAtLeast.push(waited);
      } else if (to.kind === "date" && from.kind === "problem") {
        sideOf(to.day)?.missingAtLeast.push(0);
      } else if (from.kind === "date" && to.kind === "problem") {
        sideOf(from.day)?.missingAtLeast.push(0);
      }
    }
    measures.push(measure);
  }
  return measures;
}

function elapsed(spec: MeasureSpec, from: EpochDay, to: EpochDay, calendar: WorkingDayCalendar): number {
  return spec.unit === "months" ? monthsBetween(from, to) : calendar.workingDaysBetween(from, to);
}
