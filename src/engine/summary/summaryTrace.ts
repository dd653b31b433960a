/** The trace: every row counted in any period the summary shows, so each figure can be checked by hand. */
import type { EpochDay } from "../dates/epochDay";
import type { SheetEvaluation } from "../evaluation/evaluateTracker";
import type { CountedResults } from "./countedResults";
import type { DatedEvents } from "./DatedEvents";
import type { TraceColumns } from "./SummaryFigures";
import { formatYearMonth, monthPeriod, yearMonthOf, type SummaryPeriod } from "./SummaryPeriod";
import type { AsAt, FosteredRow } from "./asAtFigures";
import { plainCellTextOrNull } from "../cells/plainCellText";
import type { Events } from "./summaryEvents";

/** Every row counted in any period the summary shows, by month, then the as-at rows. */
export function traceOf(
  counted: CountedResults,
  events: Events,
  windows: readonly SummaryPeriod[],
  years: readonly SummaryPeriod[],
  asAt: AsAt,
  /** Room for rows added after (the recurring standards' occurrences): columns are not grown by pushing. */
  room = 0,
): TraceColumns {
  const first = Math.min(...windows.map((w) => w.first));
  const last = Math.max(...windows.map((w) => w.last));
  const yearsFirst = years[0]?.first ?? first;
  const yearsLast = years.at(-1)?.last ?? last;
  const lists: [string, DatedEvents, string, EpochDay, EpochDay][] = [
    ["BLA to 1st PPM", events.bands, "childId", first, last],
    ["PPMs held", events.ppms, "childId", first, last],
    ["2nd review within 4 months of BLA", events.secondReviews, "childId", first, last],
    ["Enquiries", events.enquiries, "householdId", first, last],
    ["Enquiry to IHV", events.ihvs, "householdId", first, last],
    ["Application to panel", events.panels, "householdId", first, last],
    ["Approved households", events.approvals, "householdId", yearsFirst, yearsLast],
  ];
  const supportOpen = asAt.support?.open ?? new Uint8Array(0);

  // Counted first and filled by index into columns of that length: pushing 400,000 rows into eight
  // growing arrays was half of the summary's time.
  let length = asAt.joint?.fostered.length ?? 0;
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline >= first && deadline <= last) length++;
  }
  for (const [, list, , from, to] of lists) {
    for (let e = 0; e < list.length; e++) {
      const day = list.days[e] as number;
      if (day >= from && day <= to) length++;
    }
  }
  for (let i = 0; i < supportOpen.length; i++) length += supportOpen[i] as number;
  const trace: TraceColumns = {
    length,
    figure: new Array<string>(length + room),
    month: new Array<string>(length + room),
    sheetName: new Array<string>(length + room),
    row: new Array<number>(length + room),
    id: new Array<string | null>(length + room),
    standard: new Array<string | null>(length + room),
    outcome: new Array<string>(length + room),
    date: new Array<EpochDay | null>(length + room),
  };
  let at = 0;
  const put = (
    figure: string,
    month: string,
    sheetName: string,
    row: number,
    id: string | null,
    standard: string | null,
    outcome: string,
    date: EpochDay | null,
  ): void => {
    trace.figure[at] = figure;
    trace.month[at] = month;
    trace.sheetName[at] = sheetName;
    trace.row[at] = row;
    trace.id[at] = id;
    trace.standard[at] = standard;
    trace.outcome[at] = outcome;
    trace.date[at] = date;
    at++;
  };
  const monthOf = monthTexts(Math.min(first, yearsFirst), Math.max(last, yearsLast));

  const rowNumbers = counted.evaluation.sheets.map((sheet) => sheet.byColumn.rowNumbers());
  for (let n = 0; n < counted.length; n++) {
    const deadline = counted.deadlines[n] as number;
    if (deadline < first || deadline > last) continue;
    const s = counted.sheets[n] as number;
    const sheet = counted.evaluation.sheets[s] as SheetEvaluation;
    const i = counted.rows[n] as number;
    const results = counted.resultsOf(n);
    const row = rowNumbers[s]?.[i] as number;
    put(
      "Timeliness",
      monthOf(deadline),
      sheet.sheetName,
      row,
      sheet.ids[i] ?? null,
      results.standard.id,
      results.statusOf(i),
      deadline,
    );
  }
  for (const [figure, list, idKey, from, to] of lists) {
    const { table } = list;
    if (!table) continue;
    const columns = table.byColumn;
    const ids = columns.values(idKey);
    const rows = columns.rowNumbers();
    for (let e = 0; e < list.length; e++) {
      const day = list.days[e] as number;
      if (day < from || day > to) continue;
      const index = list.rowIndices[e] as number;
      put(
        figure,
        monthOf(day),
        table.sheetName,
        rows[index] as number,
        plainCellTextOrNull(ids[index]),
        null,
        list.outcome(e),
        day,
      );
    }
  }

  if (asAt.joint) {
    const { table, fostered } = asAt.joint;
    const columns = table.byColumn;
    const ids = columns.values("childId");
    const providers = columns.values("placementProvider");
    const rows = columns.rowNumbers();
    for (let f = 0; f < fostered.length; f++) {
      const { index, type } = fostered[f] as FosteredRow;
      const provider = plainCellTextOrNull(providers[index]);
      put(
        "In-house fostering",
        "as at",
        table.sheetName,
        rows[index] as number,
        plainCellTextOrNull(ids[index]),
        null,
        `${type} ${provider ?? "(no provider)"}`,
        null,
      );
    }
  }
  if (asAt.support) {
    const { table, open } = asAt.support;
    const columns = table.byColumn;
    const ids = columns.values("householdId");
    const rows = columns.rowNumbers();
    const countCells = ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"].map((k) =>
      columns.values(k),
    );
    for (let i = 0; i < open.length; i++) {
      if (open[i] === 0) continue;
      const counts = countCells.map((cells) => plainCellTextOrNull(cells[i]) ?? "blank");
      put(
        "Occupancy",
        "as at",
        table.sheetName,
        rows[i] as number,
        plainCellTextOrNull(ids[i]),
        null,
        `approved ${counts[0]}, placed ${counts[1]}, vacant ${counts[2]}, not available ${counts[3]}`,
        null,
      );
    }
  }
  return trace;
}

/** Each day's month as `YYYY-MM`, from `first` to `last`, made once: the trace names one per row. */
function monthTexts(first: EpochDay, last: EpochDay): (day: EpochDay) => string {
  const texts: string[] = [];
  let month = "";
  let monthEnd = first - 1;
  for (let day = first; day <= last; day++) {
    if (day > monthEnd) {
      const ym = yearMonthOf(day);
      month = formatYearMonth(ym);
      monthEnd = monthPeriod(ym).last;
    }
    texts.push(month);
  }
  return (day) => texts[day - first] ?? formatYearMonth(yearMonthOf(day));
}
