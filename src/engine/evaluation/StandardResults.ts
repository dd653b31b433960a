import type { CellDate } from "../cells/coerceCellDate";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { ColumnKey } from "../profile/TrackerProfile";
import type { Limit, Standard } from "../standards/Standard";
import type { RowsByColumn, TableColumns, TrackerRow } from "../tables/TrackerTable";
import {
  STANDARD_STATUSES,
  ragOf,
  type DeadlineBasis,
  type NotAssessedReason,
  type Rag,
  type StandardResult,
  type StandardStatus,
} from "./StandardResult";

/** Status codes: the index of each status in STANDARD_STATUSES. */
export const STATUS = {
  notApplicable: STANDARD_STATUSES.indexOf("not applicable"),
  cannotAssess: STANDARD_STATUSES.indexOf("cannot assess"),
  met: STANDARD_STATUSES.indexOf("met"),
  metLate: STANDARD_STATUSES.indexOf("met late"),
  overdue: STANDARD_STATUSES.indexOf("overdue"),
  dueSoon: STANDARD_STATUSES.indexOf("due soon"),
  notYetDue: STANDARD_STATUSES.indexOf("not yet due"),
} as const;

/** Why a result was not assessed or does not apply, as stored: the data of each is the standard's own. */
export const REASON = {
  none: 0,
  conditionNotMet: 1,
  clockNotStarted: 2,
  closedBeforeDeadline: 3,
  requiredStartMissing: 4,
  invalidDate: 5,
  endBeforeStart: 6,
  byDeadlineUnknown: 7,
} as const;

const RAGS: readonly Rag[] = STANDARD_STATUSES.map(ragOf);

/** The invalid cell behind an `invalid-date` reason: its column and its reading. */
export interface InvalidCell {
  column: ColumnKey;
  date: Extract<CellDate, { kind: "problem" }>;
}

/**
 * One standard's results over one table's rows, held column by column: a status, days and counts in
 * typed arrays, one slot per row. A 100,000-row tracker has about a million results; one object
 * each was most of the evaluation's time and memory. Stages that read many rows (agendas,
 * the summary) read the columns; `result(i)` makes the StandardResult object of one row, exactly as
 * evaluation-semantics.md describes it, for whoever needs it whole (explanations, JSON, the pane).
 */
export class StandardResults {
  readonly status: Uint8Array;
  readonly start: Int32Array;
  /** Which of the standard's start columns the start came from; -1 when there is no start. */
  readonly startColumn: Int8Array;
  readonly end: Int32Array;
  readonly exit: Int32Array;
  readonly deadline: Int32Array;
  readonly measuredTo: Int32Array;
  readonly elapsedWorkingDays: Int32Array;
  readonly overdueWorkingDays: Int32Array;
  readonly workingDaysLeft: Int32Array;
  readonly reason: Uint8Array;
  /** The limit that set the deadline: 0 the standard's own, k its k-th variant; -1 none or `by`. */
  readonly limitIndex: Int8Array;
  /** For a standard due `by` another: whether that standard's event was held (1) or only due (0). */
  readonly byHeld: Uint8Array | undefined;
  /** For a standard due `by` another: the limit that set that standard's deadline, when it was not held. */
  readonly byLimit: (Limit | undefined)[] | undefined;
  /** The invalid cells behind `invalid-date` reasons, by row index: few, so kept apart. */
  readonly invalidCells = new Map<number, InvalidCell>();
  /** The rows, for their Excel row numbers. */
  readonly rows: readonly TrackerRow[];
  /** The rows by column (the table's `byColumn`). */
  readonly byColumn: TableColumns;

  constructor(
    readonly standard: Standard,
    /** The table evaluated: its rows (for their Excel row numbers) and its columns. */
    table: RowsByColumn,
  ) {
    this.rows = table.rows;
    this.byColumn = table.byColumn;
    const n = this.rows.length;
    this.status = new Uint8Array(n);
    this.start = new Int32Array(n).fill(NO_DAY);
    this.startColumn = new Int8Array(n).fill(-1);
    this.end = new Int32Array(n).fill(NO_DAY);
    this.exit = new Int32Array(n).fill(NO_DAY);
    this.deadline = new Int32Array(n).fill(NO_DAY);
    this.measuredTo = new Int32Array(n).fill(NO_DAY);
    this.elapsedWorkingDays = new Int32Array(n).fill(NO_DAY);
    this.overdueWorkingDays = new Int32Array(n).fill(NO_DAY);
    this.workingDaysLeft = new Int32Array(n).fill(NO_DAY);
    this.reason = new Uint8Array(n);
    this.limitIndex = new Int8Array(n).fill(-1);
    if (standard.by !== undefined) {
      this.byHeld = new Uint8Array(n);
      this.byLimit = new Array<Limit | undefined>(n).fill(undefined);
    }
  }

  get length(): number {
    return this.status.length;
  }

  statusOf(i: number): StandardStatus {
    return STANDARD_STATUSES[this.status[i] as number] as StandardStatus;
  }

  ragOf(i: number): Rag {
    return RAGS[this.status[i] as number] as Rag;
  }

  /** The deadline of row i, or null. */
  deadlineOf(i: number): EpochDay | null {
    return orNull(this.deadline[i] as number);
  }

  /** The row's result as one object, as the rest of the product and the JSON contract know it. */
  result(i: number): StandardResult {
    const { standard } = this;
    const status = this.statusOf(i);
    const startColumn = this.startColumn[i] as number;
    return {
      standardId: standard.id,
      sheet: standard.sheet,
      rowNumber: (this.rows[i] as TrackerRow).rowNumber,
      status,
      rag: ragOf(status),
      start: orNull(this.start[i] as number),
      startColumn: startColumn < 0 ? null : (standard.start[startColumn] as ColumnKey),
      end: orNull(this.end[i] as number),
      exit: orNull(this.exit[i] as number),
      deadline: orNull(this.deadline[i] as number),
      deadlineBasis: this.basisOf(i),
      measuredTo: orNull(this.measuredTo[i] as number),
      elapsedWorkingDays: orNull(this.elapsedWorkingDays[i] as number),
      overdueWorkingDays: orNull(this.overdueWorkingDays[i] as number),
      workingDaysLeft: orNull(this.workingDaysLeft[i] as number),
      reason: this.reasonOf(i),
    };
  }

  private basisOf(i: number): DeadlineBasis | null {
    if (this.deadline[i] === NO_DAY) return null;
    const { standard } = this;
    if (standard.by !== undefined) {
      const held = this.byHeld?.[i] === 1;
      const limit = this.byLimit?.[i];
      return limit === undefined
        ? { kind: "by", standardId: standard.by, held }
        : { kind: "by", standardId: standard.by, held, limit };
    }
    const index = this.limitIndex[i] as number;
    const limit = index === 0 ? standard.limit : standard.limitVariants[index - 1]?.limit;
    return limit === undefined ? null : { kind: "limit", limit };
  }

  private reasonOf(i: number): NotAssessedReason | null {
    const { standard } = this;
    const first = standard.start[0] as ColumnKey;
    switch (this.reason[i]) {
      case REASON.conditionNotMet:
        return standard.appliesWhen === undefined
          ? null
          : { code: "condition-not-met", condition: standard.appliesWhen };
      case REASON.clockNotStarted:
        return { code: "clock-not-started", column: first };
      case REASON.closedBeforeDeadline:
        return { code: "closed-before-deadline" };
      case REASON.requiredStartMissing:
        return { code: "required-start-missing", column: first };
      case REASON.invalidDate: {
        const cell = this.invalidCells.get(i);
        return cell === undefined
          ? null
          : {
              code: "invalid-date",
              column: cell.column,
              text: cell.date.problem.text,
              message: cell.date.problem.message,
            };
      }
      case REASON.endBeforeStart:
        return { code: "end-before-start" };
      case REASON.byDeadlineUnknown:
        return { code: "by-deadline-unknown", by: standard.by ?? "" };
      default:
        return null;
    }
  }
}

function orNull(value: number): number | null {
  return value === NO_DAY ? null : value;
}
