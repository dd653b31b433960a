import { NO_DAY, formatUkDate, type EpochDay } from "../dates/epochDay";
import { explainResult } from "../evaluation/explainResult";
import { STATUS, type StandardResults } from "../evaluation/StandardResults";
import { STANDARD_STATUSES, ragOf, type Rag } from "../evaluation/StandardResult";
import type { Standard } from "../standards/Standard";
import { remembered } from "../memo/remembered";

/*
 * An agenda says the same few thousand dates and status words over and over: a 100,000-row joint
 * tracker lists about 40,000 cases with eight status cells each. Each date, date value and word is
 * made once per agenda and shared. Shared, so never changed: their types are read-only.
 * (Not frozen: a frozen object's hidden class goes with the agenda, and the compiled code that
 * handled it goes with it.)
 */

/** A day as a sheet model's date value. */
export type DateValue = { readonly date: EpochDay };

/** dd/mm/yyyy of each day, worded once; and each day as a date value, made once. */
export interface UkDates {
  text(day: EpochDay): string;
  value(day: EpochDay): DateValue;
}

export function ukDates(): UkDates {
  const texts = new Map<EpochDay, string>();
  const values = new Map<EpochDay, DateValue>();
  return {
    text: (day) => remembered(texts, day, formatUkDate),
    value: (day) => remembered(values, day, dateValue),
  };
}

/** A case's status under one standard, as its cell on the agenda shows it. */
export interface AgendaStatusCell {
  readonly standardId: string;
  readonly text: string;
  readonly rag: Rag;
}

/** The colour of each status code (a code is the status's index in STANDARD_STATUSES). */
const RAG_OF_STATUS: readonly Rag[] = STANDARD_STATUSES.map(ragOf);

/**
 * The words of the status cells, whatever the standard: "Overdue 6 WD", "Due 14/03/2025", "Met late
 * 02/01/2025", "Check data" or "–". A 100,000-row joint tracker's agenda has 300,000 status cells and
 * about 5,000 different words among them.
 */
export interface StatusWords {
  /** The words of a status code, with the one day or count they show (see numberShown). */
  of(code: number, shown: number): string;
}

const dateValue = (day: EpochDay): DateValue => ({ date: day });
const workingDaysWords = (n: number): string => `${n} working day${n === 1 ? "" : "s"}`;

export function statusWords(dates: UkDates): StatusWords {
  const overdue = new Map<number, string>();
  const due = new Map<number, string>();
  const met = new Map<number, string>();
  const metLate = new Map<number, string>();
  const dayText = (day: number): string => (day === NO_DAY ? "" : dates.text(day));
  const overdueWords = (n: number): string => `Overdue ${n} WD`;
  const dueWords = (day: number): string => `Due ${dayText(day)}`;
  const metWords = (day: number): string => `Met ${dayText(day)}`;
  const metLateWords = (day: number): string => `Met late ${dayText(day)}`;
  return {
    of(code, shown) {
      switch (code) {
        case STATUS.overdue:
          return remembered(overdue, shown, overdueWords);
        case STATUS.dueSoon:
        case STATUS.notYetDue:
          return remembered(due, shown, dueWords);
        case STATUS.met:
          return remembered(met, shown, metWords);
        case STATUS.metLate:
          return remembered(metLate, shown, metLateWords);
        case STATUS.cannotAssess:
          return "Check data";
        default:
          return "–";
      }
    },
  };
}

/**
 * The status cells of one standard: their words and colours, and the cells made from them as they
 * are asked for. The sheet reads the words and colours; 20,000 cells kept per agenda were slower to
 * find again than to make.
 */
export interface StatusCells {
  of(i: number): AgendaStatusCell;
  wordsOf(i: number): string;
  ragOf(i: number): Rag;
}

export function statusCells(results: StandardResults, words: StatusWords): StatusCells {
  const wordsOf = (i: number): string => {
    const code = results.status[i] as number;
    return words.of(code, numberShown(results, code, i));
  };
  const ragOf = (i: number): Rag => RAG_OF_STATUS[results.status[i] as number] as Rag;
  return {
    of: (i) => ({ standardId: results.standard.id, text: wordsOf(i), rag: ragOf(i) }),
    wordsOf,
    ragOf,
  };
}

/** The one day or count a status cell's words depend on. */
function numberShown(results: StandardResults, code: number, i: number): number {
  if (code === STATUS.overdue) return zeroWhenNone(results.overdueWorkingDays[i] as number);
  if (code === STATUS.dueSoon || code === STATUS.notYetDue) return results.deadline[i] as number;
  if (code === STATUS.met || code === STATUS.metLate) return results.end[i] as number;
  return 0;
}

const DUE_AFTER_OVERDUE = " — due ";

/** How a standard's action lines begin, worded once per standard and agenda. */
export interface LineWords {
  standard: Standard;
  overdueBy: string;
  dueToday: string;
  due: string;
}

function zeroWhenNone(value: number): number {
  return value === NO_DAY ? 0 : value;
}

/**
 * The action lines of a case, neutral and supportive: "2nd CLA review overdue by 6 working days — due
 * 14/03/2025". A `met late` result is history, not an action: it shows in the status cells only.
 */
export interface ActionLines {
  /** The beginnings of a standard's lines. */
  wordsFor(standard: Standard): LineWords;
  /**
   * The row's lines under each standard (`words[k]` begins `results[k]`'s), worst first: overdue by
   * most days, then due soon, then dates to check, then what falls due before the next surgery.
   */
  of(results: readonly StandardResults[], words: readonly LineWords[], i: number): string[];
  /** The same lines as one text, a line each: as the sheet's "To discuss" cell holds them. */
  text(results: readonly StandardResults[], words: readonly LineWords[], i: number): string;
}

/**
 * @param standardsById the standards by id, for their titles in explanations
 * @param next the next surgery: what falls due before it is listed too
 */
export function actionLines(
  dates: UkDates,
  standardsById: ReadonlyMap<string, Standard>,
  next: EpochDay | undefined,
): ActionLines {
  const standardTitle = (id: string): string | undefined => standardsById.get(id)?.title;
  const workingDays = new Map<number, string>();
  /** "1 working day", "6 working days". */
  const workingDaysText = (n: number): string => remembered(workingDays, n, workingDaysWords);
  /** A deadline as the lines show it: blank when there is none. */
  const dayText = (day: number): string => (day === NO_DAY ? "" : dates.text(day));
  const dueBeforeNext = (deadline: number): boolean =>
    next !== undefined && deadline !== NO_DAY && deadline <= next;

  const lineOf = (results: StandardResults, words: LineWords, i: number): string | undefined => {
    switch (results.status[i]) {
      case STATUS.overdue: {
        const by = zeroWhenNone(results.overdueWorkingDays[i] as number);
        const due = dayText(results.deadline[i] as number);
        return by === 0
          ? words.dueToday + due
          : words.overdueBy + workingDaysText(by) + DUE_AFTER_OVERDUE + due;
      }
      case STATUS.dueSoon: {
        const left = zeroWhenNone(results.workingDaysLeft[i] as number);
        return `${words.due}${dayText(results.deadline[i] as number)} (in ${workingDaysText(left)})`;
      }
      case STATUS.cannotAssess: {
        const explained = explainResult(results.result(i), words.standard, { standardTitle });
        return `Check the dates: ${explained}`;
      }
      case STATUS.notYetDue: {
        const deadline = results.deadline[i] as number;
        return dueBeforeNext(deadline)
          ? `${words.due}${dayText(deadline)}, before the next surgery`
          : undefined;
      }
      default:
        return undefined;
    }
  };

  // The lines of the row just collected, and their orders: reused from row to row.
  const lines: string[] = [];
  const orders: number[] = [];
  /** Collects the row's lines, in order, into `lines`; returns how many. */
  const collect = (results: readonly StandardResults[], words: readonly LineWords[], i: number): number => {
    let count = 0;
    for (let k = 0; k < results.length; k++) {
      const r = results[k] as StandardResults;
      const text = lineOf(r, words[k] as LineWords, i);
      if (text === undefined) continue;
      // Placed after every line of the same order or lower: a stable sort of a few lines.
      const order = orderOf(r, i);
      let at = count++;
      for (; at > 0 && (orders[at - 1] as number) > order; at--) {
        lines[at] = lines[at - 1] as string;
        orders[at] = orders[at - 1] as number;
      }
      lines[at] = text;
      orders[at] = order;
    }
    return count;
  };

  return {
    wordsFor(standard) {
      const { title } = standard;
      return {
        standard,
        overdueBy: `${title} overdue by `,
        dueToday: `${title} due today${DUE_AFTER_OVERDUE}`,
        due: `${title} due `,
      };
    },
    of: (results, words, i) => lines.slice(0, collect(results, words, i)),
    text(results, words, i) {
      const count = collect(results, words, i);
      if (count < 2) return count === 0 ? "" : (lines[0] as string);
      lines.length = count;
      return lines.join("\n");
    },
  };
}

/** Where a line goes among a case's lines, lower first (the order of the lines' kinds above). */
function orderOf(results: StandardResults, i: number): number {
  switch (results.status[i]) {
    case STATUS.overdue:
      return -zeroWhenNone(results.overdueWorkingDays[i] as number);
    case STATUS.dueSoon:
      return 1000 + zeroWhenNone(results.workingDaysLeft[i] as number);
    case STATUS.cannotAssess:
      return 3000;
    default:
      return 2000 + (results.deadline[i] as number);
  }
}
