import { coerceCellDate, type CellDate } from "../cells/coerceCellDate";
import type { CellValue } from "../cells/CellValue";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { SheetEvaluation } from "../evaluation/evaluateTracker";
import { STANDARD_STATUSES, type Rag } from "../evaluation/StandardResult";
import { STATUS, type StandardResults } from "../evaluation/StandardResults";
import type { ModelValue } from "../port/SheetModel";
import type { ColumnType, SheetSpec } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import type { AgreedActions } from "./AgendaActions";
import {
  actionLines,
  statusCells,
  statusWords,
  ukDates,
  type ActionLines,
  type StatusCells,
  type AgendaStatusCell,
  type StatusWords,
  type UkDates,
} from "./agendaWords";
import { initialsOf } from "./initialsOf";
import type { SurgeryDefinition } from "./SurgeryType";
import { columnsOfRows } from "../tables/tableColumns";
import { shownCellText } from "../cells/shownCellText";

/** A key column's cells, and how they are shown. */
interface KeyColumn {
  cells: readonly CellValue[];
  type: ColumnType | undefined;
  /** A date column's cells read as dates. */
  dates: readonly CellDate[] | undefined;
}

/** The table cells an agenda shows beside each case, column by column; `t` is a row of the table. */
export interface CaseCells {
  teams: readonly CellValue[];
  shownNameOf(t: number): string;
  siblingGroupOf(t: number): string | null;
  notesOf(t: number): string;
  keyCount: number;
  keyValuesOf(t: number): ModelValue[];
  /** The k-th key column's value: a date as a date, a problem as its text. */
  keyValueOf(k: number, t: number): ModelValue;
}

/** @param fullNames full names; otherwise initials */
export function caseCells(
  table: TrackerTable,
  sheet: SheetSpec,
  surgery: SurgeryDefinition,
  dates: UkDates,
  fullNames: boolean,
): CaseCells {
  const columns = table.byColumn;
  const names = columns.values(surgery.nameColumn);
  const notes = columns.values("notes");
  const siblingGroups = sheet.columns.some((c) => c.key === "siblingGroup")
    ? columns.values("siblingGroup")
    : undefined;
  const keyColumns: readonly KeyColumn[] = surgery.keyColumns.map((key) => {
    const type = sheet.columns.find((c) => c.key === key)?.type;
    return { cells: columns.values(key), type, dates: type === "date" ? columns.dates(key) : undefined };
  });
  const keyValueOf = (k: number, t: number): ModelValue => {
    const column = keyColumns[k] as KeyColumn;
    if (column.dates !== undefined) {
      const date = column.dates[t] as CellDate;
      if (date.kind === "date") return dates.value(date.day);
      return date.kind === "problem" ? date.problem.text : "";
    }
    const value = column.cells[t] ?? null;
    if (column.type === "integer" && typeof value === "number") return value;
    return shownCellText(value);
  };
  return {
    teams: columns.values("team"),
    shownNameOf(t) {
      const name = shownCellText(names[t] ?? null);
      return fullNames ? name : initialsOf(name);
    },
    siblingGroupOf(t) {
      const cell = siblingGroups?.[t] ?? null;
      return cell === null ? null : cleanName(shownCellText(cell));
    },
    notesOf: (t) => shownCellText(notes[t] ?? null),
    keyCount: keyColumns.length,
    keyValuesOf: (t) => keyColumns.map((_, k) => keyValueOf(k, t)),
    keyValueOf,
  };
}

/** What a row's statuses say for the agenda, as bits: made a standard at a time, down the columns. */
export const MARK = {
  /** Overdue, due soon, dates to check, or due before the next surgery: something to act on. */
  action: 1,
  /** Anything but not applicable, met and met late. */
  open: 2,
  /** Met since the last surgery, on or before the as-of date. */
  doneOnTime: 4,
} as const;

/**
 * Where the cases of one evaluated sheet read their words: the sheet's results under the agenda's
 * standards, the table's cells and the actions carried into the agenda. `i` is a row of the sheet.
 */
export interface CaseSource {
  evaluated: SheetEvaluation;
  cells: CaseCells;
  carried: CarriedActions;
  /** The sheet's results under the agenda's standards, in the evaluation's order. */
  chosen: readonly StandardResults[];
  /** The agenda's standard of each of `chosen`, for its title. */
  standards: readonly Standard[];
  /** The status cells of each of `chosen`. */
  statusCells: readonly StatusCells[];
  /**
   * Each row's MARK bits. A pass down each status column, instead of each row asking every
   * standard in turn, is what lets a 100,000-row sheet be read in a few milliseconds.
   */
  marks(next: EpochDay | undefined, since: EpochDay, asOf: EpochDay): Uint8Array;
  statusesOf(i: number): AgendaStatusCell[];
  toDiscussOf(i: number): string[];
  toDiscussTextOf(i: number): string;
}

export function caseSource(
  evaluated: SheetEvaluation,
  cells: CaseCells,
  carried: CarriedActions,
  standardsById: ReadonlyMap<string, Standard>,
  words: StatusWords,
  actions: ActionLines,
): CaseSource {
  const chosen = evaluated.standards.filter((r) => standardsById.has(r.standard.id));
  const standards = chosen.map((r) => standardsById.get(r.standard.id) as Standard);
  const cellsOfStatus = chosen.map((r) => statusCells(r, words));
  const lineWords = standards.map((s) => actions.wordsFor(s));
  return {
    evaluated,
    cells,
    carried,
    chosen,
    standards,
    statusCells: cellsOfStatus,
    marks: (next, since, asOf) => marksOf(evaluated.rows.length, chosen, next, since, asOf),
    statusesOf: (i) => cellsOfStatus.map((c) => c.of(i)),
    toDiscussOf: (i) => actions.of(chosen, lineWords, i),
    toDiscussTextOf: (i) => actions.text(chosen, lineWords, i),
  };
}

function marksOf(
  rows: number,
  chosen: readonly StandardResults[],
  next: EpochDay | undefined,
  since: EpochDay,
  asOf: EpochDay,
): Uint8Array {
  const marks = new Uint8Array(rows);
  // No deadline is on or before NO_DAY: with no next surgery, nothing not yet due is listed.
  const dueBy = next ?? NO_DAY;
  for (let k = 0; k < chosen.length; k++) {
    const { status, deadline, end } = chosen[k] as StandardResults;
    for (let i = 0; i < rows; i++) {
      const code = status[i] as number;
      let mark = MARK_OF_STATUS[code] as number;
      if (code === NOT_YET_DUE) {
        const due = deadline[i] as number;
        if (due !== NO_DAY && due <= dueBy) mark |= MARK.action;
      } else if (code === MET) {
        // NO_DAY is before any day since the last surgery.
        const met = end[i] as number;
        if (met > since && met <= asOf) mark |= MARK.doneOnTime;
      }
      marks[i] = (marks[i] as number) | mark;
    }
  }
  return marks;
}

const NOT_YET_DUE = STATUS.notYetDue;
const MET = STATUS.met;

/** The marks each status gives a row on its own, by status code. */
const MARK_OF_STATUS: Uint8Array = (() => {
  const marks = new Uint8Array(STANDARD_STATUSES.length);
  marks[STATUS.notApplicable] = 0;
  marks[STATUS.met] = 0;
  marks[STATUS.metLate] = 0;
  marks[STATUS.notYetDue] = MARK.open;
  marks[STATUS.overdue] = MARK.action | MARK.open;
  marks[STATUS.dueSoon] = MARK.action | MARK.open;
  marks[STATUS.cannotAssess] = MARK.action | MARK.open;
  return marks;
})();

/** Actions carried into an agenda: agreed at the last surgery, and typed into this agenda before. */
export interface CarriedActions {
  /** Whether anything was carried in: then a case may be listed for that alone. */
  any: boolean;
  agreedFor(id: string): AgreedActions | null;
  typedFor(id: string): AgreedActions | null;
  /** Whether an agreed action's "By when" is a day before the surgery. */
  isPastItsDate(agreed: AgreedActions): boolean;
}

/** @param surgeryDate the day of the surgery: an agreed action due before it is past its date */
export function carriedActions(
  agreed: ReadonlyMap<string, AgreedActions> | undefined,
  typed: ReadonlyMap<string, AgreedActions> | undefined,
  surgeryDate: EpochDay,
): CarriedActions {
  return {
    any: agreed !== undefined || typed !== undefined,
    agreedFor: (id) => agreed?.get(id) ?? null,
    typedFor: (id) => typed?.get(id) ?? null,
    isPastItsDate(action) {
      const date = coerceCellDate(action.byWhen);
      return date.kind === "date" && date.day < surgeryDate;
    },
  };
}

/**
 * A case on the agenda. Its shown name, key values, statuses, lines to discuss, notes and carried
 * actions are read from the columns each time they are asked for, as RowEvaluation's results are: a
 * 100,000-row tracker lists about 40,000 cases, and keeping each one's words from planning until the
 * sheet is built was most of the agenda's garbage-collection time.
 *
 * The sheet reads each value once, one by one (`keyValue(k)`, `statusWords(k)`, `toDiscussText`...),
 * so that writing a case makes no list or object that its row does not keep.
 */
export class AgendaCase {
  readonly #source: CaseSource;
  /** The row's index in the evaluated sheet and in the table. */
  readonly #i: number;
  readonly #t: number;

  constructor(
    readonly id: string,
    readonly rowNumber: number,
    readonly siblingGroup: string | null,
    source: CaseSource,
    i: number,
    t: number,
  ) {
    this.#source = source;
    this.#i = i;
    this.#t = t;
  }

  /** Full name, or initials when names are not asked for. */
  get shownName(): string {
    return this.#source.cells.shownNameOf(this.#t);
  }

  /** The dates and facts shown beside the case (the surgery's key columns). */
  get keyValues(): ModelValue[] {
    return this.#source.cells.keyValuesOf(this.#t);
  }

  get keyCount(): number {
    return this.#source.cells.keyCount;
  }

  keyValue(k: number): ModelValue {
    return this.#source.cells.keyValueOf(k, this.#t);
  }

  /** One cell per standard, in the evaluation's order. */
  get statuses(): AgendaStatusCell[] {
    return this.#source.statusesOf(this.#i);
  }

  get statusCount(): number {
    return this.#source.statusCells.length;
  }

  statusWords(k: number): string {
    return (this.#source.statusCells[k] as StatusCells).wordsOf(this.#i);
  }

  statusRag(k: number): Rag {
    return (this.#source.statusCells[k] as StatusCells).ragOf(this.#i);
  }

  /** One line per action needed, in plain words, worst first. */
  get toDiscuss(): string[] {
    return this.#source.toDiscussOf(this.#i);
  }

  /** The lines to discuss as one text, a line each. */
  get toDiscussText(): string {
    return this.#source.toDiscussTextOf(this.#i);
  }

  get notes(): string {
    return this.#source.cells.notesOf(this.#t);
  }

  /** Actions from the latest earlier agenda of the same surgery type. */
  get agreedLastTime(): AgreedActions | null {
    return this.#source.carried.agreedFor(this.id);
  }

  /** Whether the action agreed last time is past its "By when". */
  get agreedLastTimeOverdue(): boolean {
    const agreed = this.agreedLastTime;
    return agreed !== null && this.#source.carried.isPastItsDate(agreed);
  }

  /** What users typed into this very agenda before it was regenerated. */
  get typed(): AgreedActions | null {
    return this.#source.carried.typedFor(this.id);
  }
}

/*
 * A case of no rows, kept for the life of the module so that the code compiled for cases is kept
 * from one agenda to the next: without it a 10,000-row agenda took 134–172 ms instead of 96–108 ms
 * (docs/performance.md, "Literals, not classes").
 */
const NO_ROWS: SheetEvaluation = {
  sheet: "jointTracker",
  sheetName: "",
  rows: [],
  byColumn: columnsOfRows([]),
  standards: [],
  ids: [],
  workers: [],
};
const NO_CELLS: CaseCells = {
  teams: [],
  shownNameOf: () => "",
  siblingGroupOf: () => null,
  notesOf: () => "",
  keyCount: 0,
  keyValuesOf: () => [],
  keyValueOf: () => "",
};
const NO_DATES = ukDates();

/** Exported only so that it is kept (see above). */
export const KEPT_CASE = new AgendaCase(
  "",
  0,
  null,
  caseSource(
    NO_ROWS,
    NO_CELLS,
    carriedActions(undefined, undefined, 0),
    new Map(),
    statusWords(NO_DATES),
    actionLines(NO_DATES, new Map(), undefined),
  ),
  0,
  0,
);

/** Trimmed, inner spaces made single; null when nothing is left. */
export function cleanName(text: string | null): string | null {
  if (text === null) return null;
  const cleaned = text.trim().replace(/\s+/g, " ");
  return cleaned === "" ? null : cleaned;
}
