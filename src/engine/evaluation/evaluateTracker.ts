import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { isCellError, type CellValue } from "../cells/CellValue";
import { formatUkDate, epochDayFromUtcDate, type EpochDay } from "../dates/epochDay";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import type { Standard } from "../standards/Standard";
import type { TrackerTable } from "../tables/TrackerTable";
import { evaluateStandard, type EvaluationContext } from "./evaluateStandard";
import { evaluationRowsOf } from "./EvaluationRow";
import { worstRag, type Rag, type StandardResult } from "./StandardResult";

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

export interface RowEvaluation {
  sheet: SheetKey;
  sheetName: string;
  rowNumber: number;
  /** The child or household ID as the cell shows it; null when blank. */
  id: string | null;
  /** The allocated worker as the cell shows it; null when blank or the sheet has no worker column. */
  worker: string | null;
  /** One result per enabled standard of the sheet, in the standards' order. */
  results: StandardResult[];
  rag: Rag;
  nextDue: NextDue | null;
}

export interface TrackerEvaluation {
  asOf: EpochDay;
  rows: RowEvaluation[];
  /** The standards evaluated, by id (for explaining results). */
  standardsById: ReadonlyMap<string, Standard>;
}

/** A cell as text for IDs and names: what the user sees, trimmed. */
function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return formatUkDate(epochDayFromUtcDate(value));
  if (isCellError(value)) return value.error;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/**
 * Evaluates every enabled standard on every row of every table, in one pass: each row's dates are
 * coerced once and shared by its standards; one calendar serves all rows.
 */
export function evaluateTracker(
  tables: readonly TrackerTable[],
  standards: readonly Standard[],
  options: TrackerEvaluationOptions,
): TrackerEvaluation {
  const standardsById = new Map(standards.map((s) => [s.id, s] as const));
  const context: EvaluationContext = { asOf: options.asOf, calendar: options.calendar, standardsById };
  const rows: RowEvaluation[] = [];
  for (const table of tables) {
    const sheetStandards = standards.filter((s) => s.enabled && s.sheet === table.sheetKey);
    const spec = profileSheet(options.profile, table.sheetKey);
    for (const row of evaluationRowsOf(table.rows)) {
      const results = sheetStandards.map((standard) => evaluateStandard(standard, row, context));
      let nextDue: NextDue | null = null;
      for (const r of results) {
        if ((r.status === "due soon" || r.status === "not yet due") && r.deadline !== null) {
          if (nextDue === null || r.deadline < nextDue.deadline) {
            nextDue = { standardId: r.standardId, deadline: r.deadline };
          }
        }
      }
      rows.push({
        sheet: table.sheetKey,
        sheetName: table.sheetName,
        rowNumber: row.rowNumber,
        id: spec ? cellText(row.value(spec.idColumn)) : null,
        worker: spec?.workerColumn ? cellText(row.value(spec.workerColumn)) : null,
        results,
        rag: worstRag(results.map((r) => r.rag)),
        nextDue,
      });
    }
  }
  return { asOf: options.asOf, rows, standardsById };
}
