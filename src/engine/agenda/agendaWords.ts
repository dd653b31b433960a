import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { explainResult } from "../evaluation/explainResult";
import { NONE, STATUS, type StandardResults } from "../evaluation/StandardResults";
import { STANDARD_STATUSES, ragOf, type Rag } from "../evaluation/StandardResult";
import type { Standard } from "../standards/Standard";

/*
 * An agenda says the same few thousand dates and status words over and over: a 100,000-row joint
 * tracker lists about 40,000 cases with eight status cells each. Each is worded once per agenda and
 * shared (issue 9); the shared objects are frozen.
 */

/** dd/mm/yyyy of each day, worded once. */
export class UkDates {
  private readonly texts = new Map<EpochDay, string>();
  private readonly values = new Map<EpochDay, { readonly date: EpochDay }>();

  text(day: EpochDay): string {
    let text = this.texts.get(day);
    if (text === undefined) {
      text = formatUkDate(day);
      this.texts.set(day, text);
    }
    return text;
  }

  /** The day as a sheet model's date value. */
  value(day: EpochDay): { readonly date: EpochDay } {
    let value = this.values.get(day);
    if (value === undefined) {
      value = Object.freeze({ date: day });
      this.values.set(day, value);
    }
    return value;
  }
}

/** A case's status under one standard, as its cell on the agenda shows it. */
export interface AgendaStatusCell {
  standardId: string;
  text: string;
  rag: Rag;
}

/** The colour of each status code (a code is the status's index in STANDARD_STATUSES). */
const RAG_OF_STATUS: readonly Rag[] = STANDARD_STATUSES.map(ragOf);

/** How many status codes there are: a status cell's memo key is its code plus 8 × its day or count. */
const CODES = 8;

/** The status cells of one standard, each made once per agenda. */
export class StatusCells {
  private readonly cells = new Map<number, AgendaStatusCell>();

  constructor(
    private readonly results: StandardResults,
    private readonly dates: UkDates,
  ) {}

  /** "Overdue 6 WD", "Due 14/03/2025", "Met late 02/01/2025", "Check data" or "–", with its colour. */
  of(i: number): AgendaStatusCell {
    const { results } = this;
    const code = results.status[i] as number;
    const shown = this.numberShown(code, i);
    const key = code + CODES * shown;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = Object.freeze({
        standardId: results.standard.id,
        text: this.wordsOf(code, shown),
        rag: RAG_OF_STATUS[code] as Rag,
      });
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The one day or count the cell's words depend on. */
  private numberShown(code: number, i: number): number {
    const { results } = this;
    if (code === STATUS.overdue) return zeroWhenNone(results.overdueWorkingDays[i] as number);
    if (code === STATUS.dueSoon || code === STATUS.notYetDue) return results.deadline[i] as number;
    if (code === STATUS.met || code === STATUS.metLate) return results.end[i] as number;
    return 0;
  }

  private wordsOf(code: number, shown: number): string {
    const day = (): string => (shown === NONE ? "" : this.dates.text(shown));
    switch (code) {
      case STATUS.overdue:
        return `Overdue ${shown} WD`;
      case STATUS.dueSoon:
      case STATUS.notYetDue:
        return `Due ${day()}`;
      case STATUS.met:
        return `Met ${day()}`;
      case STATUS.metLate:
        return `Met late ${day()}`;
      case STATUS.cannotAssess:
        return "Check data";
      default:
        return "–";
    }
  }
}

function workingDays(n: number): string {
  return `${n} working day${n === 1 ? "" : "s"}`;
}

function zeroWhenNone(value: number): number {
  return value === NONE ? 0 : value;
}

/** An action line and where it goes among a case's lines: lower first. */
interface ActionLine {
  order: number;
  text: string;
}

/**
 * The action lines of a case, neutral and supportive: "2nd CLA review overdue by 6 working days — due
 * 14/03/2025". A `met late` result is history, not an action: it shows in the status cells only.
 */
export class ActionLines {
  constructor(
    private readonly dates: UkDates,
    /** The standards by id, for their titles in explanations. */
    private readonly standardsById: ReadonlyMap<string, Standard>,
    /** The next surgery: what falls due before it is listed too. */
    private readonly next: EpochDay | undefined,
  ) {}

  /** Whether the row has anything to act on under this standard: what puts a case on the agenda. */
  needsAction(results: StandardResults, i: number): boolean {
    const code = results.status[i];
    if (code === STATUS.overdue || code === STATUS.dueSoon || code === STATUS.cannotAssess) return true;
    return code === STATUS.notYetDue && this.dueBeforeNext(results.deadline[i] as number);
  }

  /** The row's lines under each standard (`standards[k]` titles `results[k]`), worst first. */
  of(results: readonly StandardResults[], standards: readonly Standard[], i: number): string[] {
    const lines: ActionLine[] = [];
    for (let k = 0; k < results.length; k++) {
      const line = this.lineOf(results[k] as StandardResults, standards[k] as Standard, i);
      if (line !== undefined) lines.push(line);
    }
    if (lines.length === 1) return [(lines[0] as ActionLine).text];
    return lines.sort((a, b) => a.order - b.order).map((l) => l.text);
  }

  private lineOf(results: StandardResults, standard: Standard, i: number): ActionLine | undefined {
    const code = results.status[i];
    const deadline = results.deadline[i] as number;
    const due = (): string => (deadline === NONE ? "" : this.dates.text(deadline));
    switch (code) {
      case STATUS.overdue: {
        const by = zeroWhenNone(results.overdueWorkingDays[i] as number);
        const text =
          by === 0
            ? `${standard.title} due today — due ${due()}`
            : `${standard.title} overdue by ${workingDays(by)} — due ${due()}`;
        return { order: -by, text };
      }
      case STATUS.dueSoon: {
        const left = zeroWhenNone(results.workingDaysLeft[i] as number);
        return { order: 1000 + left, text: `${standard.title} due ${due()} (in ${workingDays(left)})` };
      }
      case STATUS.cannotAssess: {
        const title = (id: string): string | undefined => this.standardsById.get(id)?.title;
        const explained = explainResult(results.result(i), standard, { standardTitle: title });
        return { order: 3000, text: `Check the dates: ${explained}` };
      }
      case STATUS.notYetDue:
        return this.dueBeforeNext(deadline)
          ? { order: 2000 + deadline, text: `${standard.title} due ${due()}, before the next surgery` }
          : undefined;
      default:
        return undefined;
    }
  }

  private dueBeforeNext(deadline: number): boolean {
    return this.next !== undefined && deadline !== NONE && deadline <= this.next;
  }
}
