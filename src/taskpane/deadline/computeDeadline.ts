import { z } from "zod";
import { MONTH_NAMES } from "../../engine/dates/monthNames";
import { coerceCellDate } from "../../engine/cells/coerceCellDate";
import { addCalendarDays, addCalendarMonths } from "../../engine/calendar/calendarMonths";
import { calendarCoverageWarning, type WorkingDayCalendar } from "../../engine/calendar/WorkingDayCalendar";
import { dayOfWeek, formatUkDate, partsFromEpochDay, type EpochDay } from "../../engine/dates/epochDay";

/** The units a standard's limit can have (evaluation-semantics.md, "Deadline"). */
export const LimitUnit = z.enum(["workingDays", "days", "weeks", "months"]);
export type LimitUnit = z.infer<typeof LimitUnit>;

/**
 * The largest limit the calculator takes, per unit: well beyond any standard (the longest default is
 * 3 years) and small enough that a deadline from any plausible start stays inside the calendar.
 */
export const MAX_LIMIT: Readonly<Record<LimitUnit, number>> = {
  workingDays: 2000,
  days: 3650,
  weeks: 520,
  months: 120,
};

/** What the user typed: the start as cell text and the limit's amount as text. */
export const DeadlineInput = z.object({
  startText: z.string(),
  amountText: z.string(),
  unit: LimitUnit,
});
export type DeadlineInput = z.infer<typeof DeadlineInput>;

export type DeadlineProblem = { field: "start" | "amount"; message: string };

export type DeadlineResult =
  | {
      kind: "deadline";
      start: EpochDay;
      deadline: EpochDay;
      /** Working days `d` with today < d <= deadline; negative when the deadline has passed. */
      workingDaysFromToday: number;
      /** "20 working days after Friday 27/05/2022 is Tuesday 28/06/2022." */
      sentence: string;
      /** "12 working days from today (01/06/2022)", "3 working days ago", "today". */
      fromToday: string;
      /** Notes the user should see: how an ambiguous date was read, skipped holidays, calendar gaps. */
      notes: string[];
    }
  | { kind: "problem"; problems: DeadlineProblem[] };

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const UNIT_WORDS: Readonly<Record<LimitUnit, [singular: string, plural: string]>> = {
  workingDays: ["working day", "working days"],
  days: ["calendar day", "calendar days"],
  weeks: ["week", "weeks"],
  months: ["calendar month", "calendar months"],
};

const longDate = (day: EpochDay): string => `${WEEKDAYS[dayOfWeek(day)] as string} ${formatUkDate(day)}`;
const count = (n: number, unit: LimitUnit): string => `${n} ${UNIT_WORDS[unit][n === 1 ? 0 : 1]}`;

/**
 * Works out the deadline "within N units of the start", as a standard's deadline is computed:
 * working days as Excel's `WORKDAY(start, N)` (the start itself is not counted), calendar days and
 * weeks as start + N (7N) days, months as calendar months clamped to the month's end
 * (31/01/2025 + 1 month = 28/02/2025). The start is read exactly as a tracker cell is, day first.
 *
 * @example computeDeadline({ startText: "27/05/2022", amountText: "20", unit: "workingDays" }, 01/06/2022, calendar)
 * // deadline 28/06/2022 (the jubilee bank holidays 02/06 and 03/06 are skipped), 19 working days from today
 */
export function computeDeadline(
  input: DeadlineInput,
  today: EpochDay,
  calendar: WorkingDayCalendar,
): DeadlineResult {
  const problems: DeadlineProblem[] = [];
  const start = readStart(input.startText);
  if (start.kind === "problem") problems.push({ field: "start", message: start.message });
  const amount = readAmount(input.amountText, input.unit);
  if (amount.kind === "problem") problems.push({ field: "amount", message: amount.message });
  if (start.kind === "problem" || amount.kind === "problem") return { kind: "problem", problems };

  const n = amount.n;
  const deadline = deadlineFrom(start.day, n, input.unit, calendar);
  const workingDaysFromToday = calendar.workingDaysBetween(today, deadline);

  const notes: string[] = [];
  if (start.ambiguous) {
    const { dayOfMonth, month } = dayAndMonth(start.day);
    notes.push(`“${input.startText.trim()}” is read day first, as ${dayOfMonth} ${month}.`);
  }
  if (input.unit === "workingDays") {
    const skipped = closedWeekdays(start.day, deadline, calendar);
    if (skipped.length > 0) {
      notes.push(`Bank holidays and closure days not counted: ${skipped.map(formatUkDate).join(", ")}.`);
    }
  }
  // One warning is enough: it says which year's holidays to add.
  const uncovered = [start.day, deadline, today].find((d) => !calendar.knowsHolidaysOn(d));
  if (uncovered !== undefined) notes.push(calendarCoverageWarning(calendar, uncovered) as string);

  return {
    kind: "deadline",
    start: start.day,
    deadline,
    workingDaysFromToday,
    sentence: `${count(n, input.unit)} after ${longDate(start.day)} is ${longDate(deadline)}.`,
    fromToday: describeFromToday(deadline, today, workingDaysFromToday),
    notes,
  };
}

function deadlineFrom(start: EpochDay, n: number, unit: LimitUnit, calendar: WorkingDayCalendar): EpochDay {
  switch (unit) {
    case "workingDays":
      return calendar.addWorkingDays(start, n);
    case "days":
      return addCalendarDays(start, n);
    case "weeks":
      return addCalendarDays(start, 7 * n);
    case "months":
      return addCalendarMonths(start, n);
  }
}

type StartRead = { kind: "date"; day: EpochDay; ambiguous: boolean } | { kind: "problem"; message: string };

function readStart(text: string): StartRead {
  const read = coerceCellDate(text);
  switch (read.kind) {
    case "date":
      return { kind: "date", day: read.day, ambiguous: read.ambiguous };
    case "empty":
      return {
        kind: "problem",
        message:
          read.placeholder === undefined || read.placeholder.trim() === ""
            ? "Type the start date as dd/mm/yyyy."
            : `“${read.placeholder}” is not a date: type the start date as dd/mm/yyyy.`,
      };
    case "problem":
      return { kind: "problem", message: read.problem.message };
  }
}

type AmountRead = { kind: "amount"; n: number } | { kind: "problem"; message: string };

function readAmount(text: string, unit: LimitUnit): AmountRead {
  const trimmed = text.trim();
  const plural = UNIT_WORDS[unit][1];
  if (trimmed === "") return { kind: "problem", message: `Type the number of ${plural}.` };
  if (!/^\d+$/.test(trimmed)) {
    return { kind: "problem", message: `“${trimmed}” is not a whole number of ${plural}.` };
  }
  const n = Number(trimmed);
  if (n > MAX_LIMIT[unit]) {
    return {
      kind: "problem",
      message: `${n} ${plural} is more than the calculator takes (${MAX_LIMIT[unit]}).`,
    };
  }
  return { kind: "amount", n };
}

/** Weekdays in (start, deadline] that are not working days: bank holidays and local closures. */
function closedWeekdays(start: EpochDay, deadline: EpochDay, calendar: WorkingDayCalendar): EpochDay[] {
  const days: EpochDay[] = [];
  for (let day = start + 1; day <= deadline; day++) {
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6 && !calendar.isWorkingDay(day)) days.push(day);
  }
  return days;
}

function describeFromToday(deadline: EpochDay, today: EpochDay, workingDays: number): string {
  const todayText = `today (${formatUkDate(today)})`;
  const plural = (n: number): string => `${n} ${n === 1 ? "working day" : "working days"}`;
  if (deadline === today) return `The deadline is ${todayText}.`;
  if (deadline > today) {
    // A deadline on the weekend after today is still ahead, but no working day is left before it.
    return workingDays === 0
      ? `No working day is left between ${todayText} and the deadline.`
      : `${plural(workingDays)} from ${todayText}.`;
  }
  return workingDays === 0
    ? `The deadline has passed, but no working day has gone by since: ${todayText}.`
    : `The deadline passed ${plural(-workingDays)} before ${todayText}.`;
}

function dayAndMonth(day: EpochDay): { dayOfMonth: number; month: string } {
  const parts = partsFromEpochDay(day);
  return { dayOfMonth: parts.day, month: MONTH_NAMES[parts.month - 1] as string };
}
