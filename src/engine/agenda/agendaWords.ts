import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { explainResult } from "../evaluation/explainResult";
import { NONE, STATUS, type StandardResults } from "../evaluation/StandardResults";
import { STANDARD_STATUSES, ragOf, type Rag } from "../evaluation/StandardResult";
import type { Standard } from "../standards/Standard";
import { NumberMemo } from "./NumberMemo";

/*
 * An agenda says the same few thousand dates and status words over and over: a 100,000-row joint
 * tracker lists about 40,000 cases with eight status cells each. Each date, date value and word is
 * made once per agenda and shared (issue 9). Shared, so never changed: their types are read-only.
 * (Not frozen: a frozen object's hidden class goes with the agenda, and the compiled code that
 * handled it goes with it.)
 */

/** A day as a sheet model's date value. */
export type DateValue = { readonly date: EpochDay };

/** dd/mm/yyyy of each day, worded once. */
export class UkDates {
  private readonly texts = new NumberMemo<string>();
  private readonly values = new NumberMemo<DateValue>();

  text(day: EpochDay): string {
    return this.texts.get(day) ?? this.texts.set(day, formatUkDate(day));
  }

  /** The day as a sheet model's date value. */
  value(day: EpochDay): DateValue {
    return this.values.get(day) ?? this.values.set(day, { date: day });
  }
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
export class StatusWords {
  private readonly overdue = new NumberMemo<string>();
  private readonly due = new NumberMemo<string>();
  private readonly met = new NumberMemo<string>();
  private readonly metLate = new NumberMemo<string>();

  constructor(private readonly dates: UkDates) {}

  /** The words of a status code, with the one day or count they show (see StatusCells). */
  of(code: number, shown: number): string {
    switch (code) {
      case STATUS.overdue:
        return this.overdue.get(shown) ?? this.overdue.set(shown, `Overdue ${shown} WD`);
      case STATUS.dueSoon:
      case STATUS.notYetDue:
        return this.due.get(shown) ?? this.due.set(shown, `Due ${this.dayText(shown)}`);
      case STATUS.met:
        return this.met.get(shown) ?? this.met.set(shown, `Met ${this.dayText(shown)}`);
      case STATUS.metLate:
        return this.metLate.get(shown) ?? this.metLate.set(shown, `Met late ${this.dayText(shown)}`);
      case STATUS.cannotAssess:
        return "Check data";
      default:
        return "–";
    }
  }

  private dayText(day: number): string {
    return day === NONE ? "" : this.dates.text(day);
  }
}

/**
 * The status cells of one standard: their words and colours, and the cells made from them as they
 * are asked for. The sheet reads the words and colours; 20,000 cells kept per agenda were slower to
 * find again than to make.
 */
export class StatusCells {
  constructor(
    private readonly results: StandardResults,
    private readonly words: StatusWords,
  ) {}

  of(i: number): AgendaStatusCell {
    return { standardId: this.results.standard.id, text: this.wordsOf(i), rag: this.ragOf(i) };
  }

  wordsOf(i: number): string {
    const code = this.results.status[i] as number;
    return this.words.of(code, this.numberShown(code, i));
  }

  ragOf(i: number): Rag {
    return RAG_OF_STATUS[this.results.status[i] as number] as Rag;
  }

  /** The one day or count the cell's words depend on. */
  private numberShown(code: number, i: number): number {
    const { results } = this;
    if (code === STATUS.overdue) return zeroWhenNone(results.overdueWorkingDays[i] as number);
    if (code === STATUS.dueSoon || code === STATUS.notYetDue) return results.deadline[i] as number;
    if (code === STATUS.met || code === STATUS.metLate) return results.end[i] as number;
    return 0;
  }
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
  return value === NONE ? 0 : value;
}

/**
 * The action lines of a case, neutral and supportive: "2nd CLA review overdue by 6 working days — due
 * 14/03/2025". A `met late` result is history, not an action: it shows in the status cells only.
 */
export class ActionLines {
  private readonly standardTitle: (id: string) => string | undefined;
  /** "1 working day", "6 working days". */
  private readonly workingDays = new NumberMemo<string>();

  constructor(
    private readonly dates: UkDates,
    /** The standards by id, for their titles in explanations. */
    standardsById: ReadonlyMap<string, Standard>,
    /** The next surgery: what falls due before it is listed too. */
    private readonly next: EpochDay | undefined,
  ) {
    this.standardTitle = (id) => standardsById.get(id)?.title;
  }

  /** The beginnings of a standard's lines. */
  wordsFor(standard: Standard): LineWords {
    const { title } = standard;
    return {
      standard,
      overdueBy: `${title} overdue by `,
      dueToday: `${title} due today${DUE_AFTER_OVERDUE}`,
      due: `${title} due `,
    };
  }

  /**
   * The row's lines under each standard (`words[k]` begins `results[k]`'s), worst first: overdue by
   * most days, then due soon, then dates to check, then what falls due before the next surgery.
   */
  of(results: readonly StandardResults[], words: readonly LineWords[], i: number): string[] {
    return this.lines.slice(0, this.collect(results, words, i));
  }

  /** The same lines as one text, a line each: as the sheet's "To discuss" cell holds them. */
  text(results: readonly StandardResults[], words: readonly LineWords[], i: number): string {
    const count = this.collect(results, words, i);
    if (count < 2) return count === 0 ? "" : (this.lines[0] as string);
    this.lines.length = count;
    return this.lines.join("\n");
  }

  /** Lines of the row just collected, and their orders: reused from row to row. */
  private readonly lines: string[] = [];
  private readonly orders: number[] = [];

  /** Collects the row's lines, in order, into `lines`; returns how many. */
  private collect(results: readonly StandardResults[], words: readonly LineWords[], i: number): number {
    const { lines, orders } = this;
    let count = 0;
    for (let k = 0; k < results.length; k++) {
      const r = results[k] as StandardResults;
      const text = this.lineOf(r, words[k] as LineWords, i);
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
  }

  private lineOf(results: StandardResults, words: LineWords, i: number): string | undefined {
    switch (results.status[i]) {
      case STATUS.overdue: {
        const by = zeroWhenNone(results.overdueWorkingDays[i] as number);
        const due = this.dayText(results.deadline[i] as number);
        return by === 0
          ? words.dueToday + due
          : words.overdueBy + this.workingDaysText(by) + DUE_AFTER_OVERDUE + due;
      }
      case STATUS.dueSoon: {
        const left = zeroWhenNone(results.workingDaysLeft[i] as number);
        return `${words.due}${this.dayText(results.deadline[i] as number)} (in ${this.workingDaysText(left)})`;
      }
      case STATUS.cannotAssess: {
        const explained = explainResult(results.result(i), words.standard, {
          standardTitle: this.standardTitle,
        });
        return `Check the dates: ${explained}`;
      }
      case STATUS.notYetDue: {
        const deadline = results.deadline[i] as number;
        return this.dueBeforeNext(deadline)
          ? `${words.due}${this.dayText(deadline)}, before the next surgery`
          : undefined;
      }
      default:
        return undefined;
    }
  }

  /** "1 working day", "6 working days". */
  private workingDaysText(n: number): string {
    return this.workingDays.get(n) ?? this.workingDays.set(n, `${n} working day${n === 1 ? "" : "s"}`);
  }

  /** A deadline as the lines show it: blank when there is none. */
  private dayText(day: number): string {
    return day === NONE ? "" : this.dates.text(day);
  }

  private dueBeforeNext(deadline: number): boolean {
    return this.next !== undefined && deadline !== NONE && deadline <= this.next;
  }
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
