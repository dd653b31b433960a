import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { CellValue } from "../cells/CellValue";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import type { TableColumns, TrackerRow, TrackerTable } from "../tables/TrackerTable";
import { evaluateStandardOver, type EvaluationContext } from "./evaluateStandard";
import { RAG_BY_RANK, RAG_RANK, type Rag, type StandardResult } from "./StandardResult";
import { STATUS, type StandardResults } from "./StandardResults";
import { shownCellText } from "../cells/shownCellText";

export interface TrackerEvaluationOptions {
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  /** For each sheet's ID and worker columns. */
  profile: TrackerProfile;
}

/** What falls due next on an open row: its earliest upcoming deadline. */
export interface NextDue {
  standardId: string;
  deadline: EpochDay;
}

/**
 * Every enabled standard of one sheet evaluated on every row of its table, column by column: what
 * agendas and the summary read when they go through many rows.
 */
export interface SheetEvaluation {
  sheet: SheetKey;
  sheetName: string;
  /** The table's rows, in order; index i of every column below is `rows[i]`. */
  rows: readonly TrackerRow[];
  /** The table's rows by column (its `byColumn`). */
  byColumn: TableColumns;
  /** The results of each enabled standard of the sheet, in the standards' order. */
  standards: readonly StandardResults[];
  /** The child or household ID as the cell shows it; null when blank. */
  ids: readonly (string | null)[];
  /** The allocated worker as the cell shows it; null when blank or the sheet has no worker column. */
  workers: readonly (string | null)[];
}

/** One row's evaluation, as the pane, the CLI and the status columns read it. */
export interface RowEvaluation {
  sheet: SheetKey;
  sheetName: string;
  rowNumber: number;
  /** The child or household ID as the cell shows it; null when blank. */
  id: string | null;
  /** The allocated worker as the cell shows it; null when blank or the sheet has no worker column. */
  worker: string | null;
  /** One result per enabled standard of the sheet, in the standards' order (made on first use). */
  results: StandardResult[];
  rag: Rag;
  nextDue: NextDue | null;
  /** The sheet's evaluation this row belongs to, and the row's index in it. */
  of: SheetEvaluation;
  index: number;
}

export interface TrackerEvaluation {
  asOf: EpochDay;
  /** One per table, in the tables' order. */
  sheets: SheetEvaluation[];
  /** Every row of every sheet, in the same order. */
  rows: RowEvaluation[];
  /** The standards evaluated, by id (for explaining results). */
  standardsById: ReadonlyMap<string, Standard>;
}

/** A cell as text for IDs and names: what the user sees, trimmed; null for a blank. */
function cellText(value: CellValue): string | null {
  return shownCellText(value) || null;
}

/**
 * Evaluates every enabled standard on every row of every table: each standard down the whole
 * table at once (evaluateStandardOver), each date cell read once per table and shared.
 */
export function evaluateTracker(
  tables: readonly TrackerTable[],
  standards: readonly Standard[],
  options: TrackerEvaluationOptions,
): TrackerEvaluation {
  const standardsById = new Map(standards.map((s) => [s.id, s] as const));
  const context: EvaluationContext = { asOf: options.asOf, calendar: options.calendar, standardsById };
  const sheets: SheetEvaluation[] = [];
  for (const table of tables) {
    const spec = profileSheet(options.profile, table.sheetKey);
    const columns = table.byColumn;
    const textsOf = (key: string | undefined): (string | null)[] =>
      key === undefined ? new Array<null>(table.rows.length).fill(null) : columns.values(key).map(cellText);
    const sheet: SheetEvaluation = {
      sheet: table.sheetKey,
      sheetName: table.sheetName,
      rows: table.rows,
      byColumn: table.byColumn,
      standards: standards
        .filter((s) => s.enabled && s.sheet === table.sheetKey)
        .map((standard) => evaluateStandardOver(standard, table, context)),
      ids: textsOf(spec?.idColumn),
      workers: textsOf(spec?.workerColumn),
    };
    sheets.push(sheet);
  }
  // The row views are made when first asked for: agendas and the summary read the sheets' columns.
  let rows: RowEvaluation[] | undefined;
  return {
    asOf: options.asOf,
    sheets,
    get rows(): RowEvaluation[] {
      rows ??= rowsOf(sheets);
      return rows;
    },
    standardsById,
  };
}

function rowsOf(sheets: readonly SheetEvaluation[]): RowEvaluation[] {
  const rows: RowEvaluation[] = [];
  for (const sheet of sheets)
    for (let i = 0; i < sheet.rows.length; i++) rows.push(new EvaluatedRow(sheet, i));
  return rows;
}

/** A row's worst coloured status (red > amber > grey > green); `none` when nothing applies. */
export function rowRag(sheet: SheetEvaluation, i: number): Rag {
  let worst = 0;
  for (const results of sheet.standards) {
    const rank = RAG_RANK[results.ragOf(i)];
    if (rank > worst) worst = rank;
  }
  return RAG_BY_RANK[worst] as Rag;
}

/** A row's earliest upcoming deadline among its open standards (due soon or not yet due). */
export function rowNextDue(sheet: SheetEvaluation, i: number): NextDue | null {
  let next: NextDue | null = null;
  for (const results of sheet.standards) {
    const status = results.status[i];
    if (status !== STATUS.dueSoon && status !== STATUS.notYetDue) continue;
    const deadline = results.deadline[i] as number;
    if (deadline === NO_DAY) continue;
    if (next === null || deadline < next.deadline) next = { standardId: results.standard.id, deadline };
  }
  return next;
}

/* A view of one row of a sheet's evaluation: two fields, everything else read from the columns. */
class EvaluatedRow implements RowEvaluation {
  constructor(
    readonly of: SheetEvaluation,
    readonly index: number,
  ) {}

  get sheet(): SheetKey {
    return this.of.sheet;
  }
  get sheetName(): string {
    return this.of.sheetName;
  }
  get rowNumber(): number {
    return (this.of.rows[this.index] as TrackerRow).rowNumber;
  }
  get id(): string | null {
    return this.of.ids[this.index] ?? null;
  }
  get worker(): string | null {
    return this.of.workers[this.index] ?? null;
  }
  /** Made afresh on each use and not kept: a large tracker's million results would stay in memory. */
  get results(): StandardResult[] {
    return this.of.standards.map((results) => results.result(this.index));
  }
  get rag(): Rag {
    return rowRag(this.of, this.index);
  }
  get nextDue(): NextDue | null {
    return rowNextDue(this.of, this.index);
  }
}
