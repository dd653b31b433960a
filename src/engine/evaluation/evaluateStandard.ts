import { addCalendarDays, addCalendarMonths } from "../calendar/calendarMonths";
import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellDate } from "../cells/coerceCellDate";
import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { Limit, Standard } from "../standards/Standard";
import { conditionHolds } from "./conditionHolds";
import type { EvaluationRow } from "./EvaluationRow";
import {
  ragOf,
  type DeadlineBasis,
  type NotAssessedReason,
  type StandardResult,
  type StandardStatus,
} from "./StandardResult";

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

/** The limit for this row: the first variant whose condition holds, else the standard's own. */
export function limitFor(standard: Standard, row: EvaluationRow): Limit | undefined {
  for (const variant of standard.limitVariants) if (conditionHolds(variant.when, row)) return variant.limit;
  return standard.limit;
}

type FirstPresent =
  | { kind: "date"; day: EpochDay; column: ColumnKey }
  | { kind: "invalid"; column: ColumnKey; date: Extract<CellDate, { kind: "problem" }> }
  | { kind: "empty" };

// The first start column that is not empty wins: an invalid date there is not skipped over, since
// the user meant it as the start.
function firstPresent(columns: readonly ColumnKey[], row: EvaluationRow): FirstPresent {
  for (const column of columns) {
    const date = row.date(column);
    if (date.kind === "date") return { kind: "date", day: date.day, column };
    if (date.kind === "problem") return { kind: "invalid", column, date };
  }
  return { kind: "empty" };
}

type Anchor =
  | { kind: "date"; day: EpochDay; held: boolean; limit?: Limit }
  | { kind: "invalid"; column: ColumnKey; date: Extract<CellDate, { kind: "problem" }> }
  | { kind: "unknown" };

const MAX_BY_DEPTH = 8;

/**
 * The date standard X's end event happened, else X's deadline. When X's own start has not happened
 * either (the 1st review not yet held, for the 2nd), its start is projected from the standard of
 * the same sheet that ends with that column (the 1st review's deadline), so the permanence plan
 * still has a date it is due by.
 */
function anchorOf(x: Standard, row: EvaluationRow, context: EvaluationContext, depth: number): Anchor {
  if (depth > MAX_BY_DEPTH) return { kind: "unknown" };
  if (x.end !== undefined) {
    const end = row.date(x.end);
    if (end.kind === "date") return { kind: "date", day: end.day, held: true };
    if (end.kind === "problem") return { kind: "invalid", column: x.end, date: end };
  }
  const deadline = deadlineOf(x, row, context, depth + 1);
  return deadline.kind === "date" ? { ...deadline, held: false } : deadline;
}

function deadlineOf(x: Standard, row: EvaluationRow, context: EvaluationContext, depth: number): Anchor {
  if (x.by !== undefined) {
    const by = context.standardsById.get(x.by);
    return by ? anchorOf(by, row, context, depth + 1) : { kind: "unknown" };
  }
  const start = firstPresent(x.start, row);
  if (start.kind === "invalid") return start;
  let startDay: EpochDay;
  if (start.kind === "date") {
    startDay = start.day;
  } else {
    let predecessor: Standard | undefined;
    for (const s of context.standardsById.values()) {
      if (s.sheet === x.sheet && s.end !== undefined && s.end === x.start[0]) {
        predecessor = s;
        break;
      }
    }
    if (!predecessor) return { kind: "unknown" };
    const projected = anchorOf(predecessor, row, context, depth + 1);
    if (projected.kind !== "date") return projected;
    startDay = projected.day;
  }
  const limit = limitFor(x, row);
  if (limit === undefined) return { kind: "unknown" };
  return { kind: "date", day: addLimit(startDay, limit, context.calendar), held: false, limit };
}

/**
 * Evaluates one standard on one row, exactly as evaluation-semantics.md says: not applicable,
 * cannot assess, met / met late, closed before the deadline, then overdue / due soon / not yet due
 * against `t = min(asOf, exit)`. Never throws for a row's data: every problem is a status.
 *
 * @example evaluateStandard(cla-review-1, row(BLA 27/05/2022, 1st review 29/06/2022), { asOf 01/07/2022 })
 * // met late: due 28/06/2022 (20 working days, the jubilee days 2 and 3 June skipped), 1 working day late
 */
export function evaluateStandard(
  standard: Standard,
  row: EvaluationRow,
  context: EvaluationContext,
): StandardResult {
  const { calendar } = context;
  // Written field by field as the steps go, then returned: one object per standard and row, no
  // closures, because a large tracker evaluates millions of them (issue 9).
  const result: StandardResult = {
    standardId: standard.id,
    sheet: standard.sheet,
    rowNumber: row.rowNumber,
    status: "not applicable",
    rag: "none",
    start: null,
    startColumn: null,
    end: null,
    exit: null,
    deadline: null,
    deadlineBasis: null,
    measuredTo: null,
    elapsedWorkingDays: null,
    overdueWorkingDays: null,
    workingDaysLeft: null,
    reason: null,
  };
  // 1. not applicable
  if (standard.appliesWhen && !conditionHolds(standard.appliesWhen, row)) {
    return finish(result, "not applicable", { code: "condition-not-met", condition: standard.appliesWhen });
  }

  // 2. cannot assess: invalid start, end or exit; missing required start; end before start.
  const start = firstPresent(standard.start, row);
  if (start.kind === "invalid") return invalid(result, start.column, start.date);
  let end: EpochDay | null = null;
  if (standard.end !== undefined) {
    const date = row.date(standard.end);
    if (date.kind === "problem") return invalid(result, standard.end, date);
    if (date.kind === "date") end = date.day;
  }
  let exit: EpochDay | null = null;
  if (standard.exit !== undefined) {
    const date = row.date(standard.exit);
    if (date.kind === "problem") return invalid(result, standard.exit, date);
    if (date.kind === "date") exit = date.day;
  }
  result.end = end;
  result.exit = exit;
  if (start.kind === "empty") {
    const column = standard.start[0] as ColumnKey;
    return standard.startKind === "required"
      ? finish(result, "cannot assess", { code: "required-start-missing", column })
      : finish(result, "not applicable", { code: "clock-not-started", column });
  }
  result.start = start.day;
  result.startColumn = start.column;
  if (end !== null && end < start.day) return finish(result, "cannot assess", { code: "end-before-start" });

  let deadline: EpochDay;
  let basis: DeadlineBasis;
  if (standard.by !== undefined) {
    const by = context.standardsById.get(standard.by);
    const anchor: Anchor = by ? anchorOf(by, row, context, 0) : { kind: "unknown" };
    if (anchor.kind === "invalid") return invalid(result, anchor.column, anchor.date);
    if (anchor.kind === "unknown")
      return finish(result, "cannot assess", { code: "by-deadline-unknown", by: standard.by });
    deadline = anchor.day;
    basis =
      anchor.limit === undefined
        ? { kind: "by", standardId: standard.by, held: anchor.held }
        : { kind: "by", standardId: standard.by, held: anchor.held, limit: anchor.limit };
  } else {
    const limit = limitFor(standard, row) as Limit; // the schema requires a limit when there is no `by`
    deadline = addLimit(start.day, limit, calendar);
    basis = { kind: "limit", limit };
  }
  result.deadline = deadline;
  result.deadlineBasis = basis;

  // 3. the end event happened
  if (end !== null) {
    measure(result, calendar, end);
    return finish(result, end <= deadline ? "met" : "met late");
  }
  // 4. closed on or before the deadline without the event: the standard no longer applies.
  if (exit !== null && exit <= deadline)
    return finish(result, "not applicable", { code: "closed-before-deadline" });

  // 5. open (or closed after the deadline): read the clock at t.
  const t = exit !== null && exit < context.asOf ? exit : context.asOf;
  measure(result, calendar, t);
  if (t > deadline) return finish(result, "overdue");
  const left = calendar.workingDaysBetween(t, deadline);
  result.workingDaysLeft = left;
  return finish(result, left <= standard.amberWorkingDays ? "due soon" : "not yet due");
}

function finish(
  result: StandardResult,
  status: StandardStatus,
  reason: NotAssessedReason | null = null,
): StandardResult {
  result.status = status;
  result.rag = ragOf(status);
  result.reason = reason;
  return result;
}

function invalid(
  result: StandardResult,
  column: ColumnKey,
  date: Extract<CellDate, { kind: "problem" }>,
): StandardResult {
  return finish(result, "cannot assess", {
    code: "invalid-date",
    column,
    text: date.problem.text,
    message: date.problem.message,
  });
}

/** Working days from the start to `to`, and past the deadline, as the result reports them. */
function measure(result: StandardResult, calendar: WorkingDayCalendar, to: EpochDay): void {
  const start = result.start as EpochDay;
  const deadline = result.deadline as EpochDay;
  result.measuredTo = to;
  result.elapsedWorkingDays = Math.max(0, calendar.workingDaysBetween(start, to));
  result.overdueWorkingDays = to > deadline ? calendar.workingDaysBetween(deadline, to) : 0;
}
