import { addCalendarDays, addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { Limit, Standard } from "../standards/Standard";
import type { RowsByColumn, TableColumns, TrackerRow } from "../tables/TrackerTable";
import { columnsOfRows } from "../tables/tableColumns";
import { conditionMask } from "./conditionMask";
import type { StandardResult } from "./StandardResult";
import { REASON, STATUS, StandardResults } from "./StandardResults";

export interface EvaluationContext {
  /** The evaluation date: statuses are as they stood at the end of this day. */
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  /** Every standard by id, for standards due `by` another. */
  standardsById: ReadonlyMap<string, Standard>;
}

/** `start + limit` (evaluation-semantics.md, "Deadline"). */
export function addLimit(start: EpochDay, limit: Limit, calendar: WorkingDayCalendar): EpochDay {
  switch (limit.unit) {
    case "workingDays":
      return calendar.addWorkingDays(start, limit.n); // Excel's WORKDAY(start, n, holidays)
    case "days":
      return addCalendarDays(start, limit.n);
    case "weeks":
      return addCalendarDays(start, 7 * limit.n);
    case "months":
      return addCalendarMonths(start, limit.n);
  }
}

type ProblemDate = Extract<CellDate, { kind: "problem" }>;

/**
 * Evaluates one standard on every row of a table, exactly as evaluation-semantics.md says: not
 * applicable, cannot assess, met / met late, closed before the deadline, then overdue / due soon /
 * not yet due against `t = min(asOf, exit)`. Never throws for a row's data: every problem is a status.
 *
 * It runs down the table's columns (`byColumn`: each date cell read once per table) with the
 * standard's columns and conditions looked up once, not once per row, and writes each row's outcome
 * into the typed arrays of StandardResults: no object per row.
 *
 * @example evaluateStandardOver(cla-review-1, rows [BLA 27/05/2022, 1st review 29/06/2022], { asOf 01/07/2022 })
 * // row 0 met late: due 28/06/2022 (20 working days, the jubilee days 2 and 3 June skipped), 1 working day late
 */
export function evaluateStandardOver(
  standard: Standard,
  table: RowsByColumn,
  context: EvaluationContext,
): StandardResults {
  const columns = table.byColumn;
  const out = new StandardResults(standard, table);
  const { calendar, asOf } = context;
  const applies =
    standard.appliesWhen === undefined ? undefined : conditionMask(standard.appliesWhen, columns);
  const starts = standard.start.map((key) => columns.dates(key));
  const ends = standard.end === undefined ? undefined : columns.dates(standard.end);
  // A10-style end variants: the first whose condition holds names the row's end column.
  const endVariants = standard.endVariants.map((v) => ({
    key: v.end,
    when: conditionMask(v.when, columns),
    dates: columns.dates(v.end),
  }));
  const exits = standard.exit === undefined ? undefined : columns.dates(standard.exit);
  const variants = standard.limitVariants.map((v) => conditionMask(v.when, columns));
  const by = standard.by === undefined ? undefined : context.standardsById.get(standard.by);
  const anchors = standard.by === undefined ? undefined : new AnchorReader(columns, context);
  const amber = standard.amberWorkingDays;

  for (let i = 0; i < out.length; i++) {
    // 1. not applicable
    if (applies !== undefined && applies[i] === 0) {
      out.status[i] = STATUS.notApplicable;
      out.reason[i] = REASON.conditionNotMet;
      continue;
    }

    // 2. cannot assess: invalid start, end or exit; missing required start; end before start. The
    // first start column that is not empty wins: an invalid date there is not skipped over, since
    // the user meant it as the start.
    let start: number = NO_DAY;
    let startColumn = -1;
    let invalid: ProblemDate | undefined;
    for (let k = 0; k < starts.length; k++) {
      const date = (starts[k] as readonly CellDate[])[i] as CellDate;
      if (date.kind === "date") {
        start = date.day;
        startColumn = k;
        break;
      }
      if (date.kind === "problem") {
        invalid = date;
        startColumn = k;
        break;
      }
    }
    if (invalid !== undefined) {
      cannotAssessInvalid(out, i, standard.start[startColumn] as ColumnKey, invalid);
      continue;
    }
    let end: number = NO_DAY;
    if (ends !== undefined) {
      let endKey = standard.end as ColumnKey;
      let endDates = ends;
      for (const variant of endVariants) {
        if (variant.when[i] === 1) {
          endKey = variant.key;
          endDates = variant.dates;
          break;
        }
      }
      const date = endDates[i] as CellDate;
      if (date.kind === "problem") {
        cannotAssessInvalid(out, i, endKey, date);
        continue;
      }
      if (date.kind === "date") end = date.day;
    }
    let exit: number = NO_DAY;
    if (exits !== undefined) {
      const date = exits[i] as CellDate;
      if (date.kind === "problem") {
        cannotAssessInvalid(out, i, standard.exit as ColumnKey, date);
        continue;
      }
      if (date.kind === "date") exit = date.day;
    }
    out.end[i] = end;
    out.exit[i] = exit;
    if (start === NO_DAY) {
      if (standard.startKind === "required") {
        out.status[i] = STATUS.cannotAssess;
        out.reason[i] = REASON.requiredStartMissing;
      } else {
        out.status[i] = STATUS.notApplicable;
        out.reason[i] = REASON.clockNotStarted;
      }
      continue;
    }
    out.start[i] = start;
    out.startColumn[i] = startColumn;
    if (end !== NO_DAY && end < start && !standard.earlyEndMet) {
      out.status[i] = STATUS.cannotAssess;
      out.reason[i] = REASON.endBeforeStart;
      continue;
    }

    let deadline: number;
    if (anchors !== undefined) {
      const anchor = by === undefined ? UNKNOWN_ANCHOR : anchors.anchorOf(by, i, 0);
      if (anchor.kind === "invalid") {
        cannotAssessInvalid(out, i, anchor.column, anchor.date);
        continue;
      }
      if (anchor.kind === "unknown") {
        out.status[i] = STATUS.cannotAssess;
        out.reason[i] = REASON.byDeadlineUnknown;
        continue;
      }
      deadline = anchor.day;
      (out.byHeld as Uint8Array)[i] = anchor.held ? 1 : 0;
      (out.byLimit as (Limit | undefined)[])[i] = anchor.limit;
    } else {
      // The schema requires a limit when there is no `by`; the first variant whose condition holds wins.
      let index = 0;
      for (let v = 0; v < variants.length; v++) {
        if ((variants[v] as Uint8Array)[i] === 1) {
          index = v + 1;
          break;
        }
      }
      const limit = (index === 0 ? standard.limit : standard.limitVariants[index - 1]?.limit) as Limit;
      deadline = addLimit(start, limit, calendar);
      out.limitIndex[i] = index;
    }
    out.deadline[i] = deadline;

    // 3. the end event happened; before the start only where the standard allows it (early
    // permanence: matched before the placement order), met at 0 days.
    if (end !== NO_DAY && end < start) {
      measure(out, i, calendar, start, deadline, start);
      out.measuredTo[i] = end;
      out.status[i] = STATUS.met;
      continue;
    }
    if (end !== NO_DAY) {
      measure(out, i, calendar, start, deadline, end);
      out.status[i] = end <= deadline ? STATUS.met : STATUS.metLate;
      continue;
    }
    // 4. closed on or before the deadline without the event: the standard no longer applies.
    if (exit !== NO_DAY && exit <= deadline) {
      out.status[i] = STATUS.notApplicable;
      out.reason[i] = REASON.closedBeforeDeadline;
      continue;
    }
    // 5. open (or closed after the deadline): read the clock at t.
    const t = exit !== NO_DAY && exit < asOf ? exit : asOf;
    measure(out, i, calendar, start, deadline, t);
    if (t > deadline) {
      out.status[i] = STATUS.overdue;
      continue;
    }
    const left = calendar.workingDaysBetween(t, deadline);
    out.workingDaysLeft[i] = left;
    out.status[i] = left <= amber ? STATUS.dueSoon : STATUS.notYetDue;
  }
  return out;
}

/**
 * Evaluates one standard on one row: the same evaluation as a table's, over a table of that row.
 *
 * @example evaluateStandard(cla-review-1, row(BLA 27/05/2022, 1st review 29/06/2022), { asOf 01/07/2022 })
 * // met late: due 28/06/2022 (20 working days, the jubilee days 2 and 3 June skipped), 1 working day late
 */
export function evaluateStandard(
  standard: Standard,
  row: TrackerRow,
  context: EvaluationContext,
): StandardResult {
  const rows = [row];
  return evaluateStandardOver(standard, { rows, byColumn: columnsOfRows(rows) }, context).result(0);
}

function cannotAssessInvalid(out: StandardResults, i: number, column: ColumnKey, date: ProblemDate): void {
  out.status[i] = STATUS.cannotAssess;
  out.reason[i] = REASON.invalidDate;
  out.invalidCells.set(i, { column, date });
}

/** Working days from the start to `to`, and past the deadline, as the result reports them. */
function measure(
  out: StandardResults,
  i: number,
  calendar: WorkingDayCalendar,
  start: EpochDay,
  deadline: EpochDay,
  to: EpochDay,
): void {
  out.measuredTo[i] = to;
  out.elapsedWorkingDays[i] = Math.max(0, calendar.workingDaysBetween(start, to));
  out.overdueWorkingDays[i] = to > deadline ? calendar.workingDaysBetween(deadline, to) : 0;
}

type Anchor =
  | { kind: "date"; day: EpochDay; held: boolean; limit?: Limit }
  | { kind: "invalid"; column: ColumnKey; date: ProblemDate }
  | { kind: "unknown" };

const UNKNOWN_ANCHOR: Anchor = Object.freeze({ kind: "unknown" });
const MAX_BY_DEPTH = 8;

/**
 * The date a standard's end event happened, else its deadline, on one row of a table: what a
 * standard due `by` it is due by. Only such standards ask (one default standard), so objects per
 * row are fine here.
 */
class AnchorReader {
  private readonly predecessors = new Map<Standard, Standard | undefined>();

  constructor(
    private readonly columns: TableColumns,
    private readonly context: EvaluationContext,
  ) {}

  /**
   * The date standard X's end event happened, else X's deadline. When X's own start has not
   * happened either (the 1st review not yet held, for the 2nd), its start is projected from the
   * standard of the same sheet that ends with that column (the 1st review's deadline), so the
   * permanence plan still has a date it is due by.
   */
  anchorOf(x: Standard, i: number, depth: number): Anchor {
    if (depth > MAX_BY_DEPTH) return UNKNOWN_ANCHOR;
    // X's own end column: no default standard due `by` another has end variants (only A1 has them).
    if (x.end !== undefined) {
      const end = this.columns.dates(x.end)[i] as CellDate;
      if (end.kind === "date") return { kind: "date", day: end.day, held: true };
      if (end.kind === "problem") return { kind: "invalid", column: x.end, date: end };
    }
    const deadline = this.deadlineOf(x, i, depth + 1);
    return deadline.kind === "date" ? { ...deadline, held: false } : deadline;
  }

  private deadlineOf(x: Standard, i: number, depth: number): Anchor {
    const { standardsById, calendar } = this.context;
    if (x.by !== undefined) {
      const by = standardsById.get(x.by);
      return by ? this.anchorOf(by, i, depth + 1) : UNKNOWN_ANCHOR;
    }
    let startDay: EpochDay | undefined;
    for (const column of x.start) {
      const date = this.columns.dates(column)[i] as CellDate;
      if (date.kind === "date") {
        startDay = date.day;
        break;
      }
      if (date.kind === "problem") return { kind: "invalid", column, date };
    }
    if (startDay === undefined) {
      const predecessor = this.predecessorOf(x);
      if (!predecessor) return UNKNOWN_ANCHOR;
      const projected = this.anchorOf(predecessor, i, depth + 1);
      if (projected.kind !== "date") return projected;
      startDay = projected.day;
    }
    const limit = this.limitOf(x, i);
    if (limit === undefined) return UNKNOWN_ANCHOR;
    return { kind: "date", day: addLimit(startDay, limit, calendar), held: false, limit };
  }

  /** The standard of the same sheet that ends with X's first start column. */
  private predecessorOf(x: Standard): Standard | undefined {
    if (!this.predecessors.has(x)) {
      let found: Standard | undefined;
      for (const s of this.context.standardsById.values()) {
        if (s.sheet === x.sheet && s.end !== undefined && s.end === x.start[0]) {
          found = s;
          break;
        }
      }
      this.predecessors.set(x, found);
    }
    return this.predecessors.get(x);
  }

  /** The limit for this row: the first variant whose condition holds, else the standard's own. */
  private limitOf(x: Standard, i: number): Limit | undefined {
    for (const variant of x.limitVariants)
      if (conditionMask(variant.when, this.columns)[i] === 1) return variant.limit;
    return x.limit;
  }
}
