import { formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import type { RowEvaluation } from "../../engine/evaluation/evaluateTracker";
import { explainResult } from "../../engine/evaluation/explainResult";
import type { Rag, StandardStatus } from "../../engine/evaluation/StandardResult";
import type { Standard } from "../../engine/standards/Standard";

/** One standard on one of the worker's rows, as "My cases" lists it. */
export interface CaseLine {
  standardId: string;
  title: string;
  status: StandardStatus;
  rag: Rag;
  explanation: string;
  /** Open and due on or before the chosen date (overdue ones are always listed). */
  dueBefore: boolean;
}

export interface CaseView {
  sheetName: string;
  rowNumber: number;
  /** "Child C1023" or "Household H0042", from the row's ID. */
  label: string;
  rag: Rag;
  overdue: number;
  /** What needs doing: overdue lines, then those falling due by the chosen date, soonest first. */
  actions: CaseLine[];
  /** Every other standard's status on the row, for "each standard's status". */
  others: CaseLine[];
}

/** The workers the evaluated rows name, sorted, without blanks. */
export function workersOf(rows: readonly RowEvaluation[]): string[] {
  const names = new Set<string>();
  for (const r of rows) if (r.worker !== null && r.worker.trim() !== "") names.add(r.worker.trim());
  return [...names].sort((a, b) => a.localeCompare(b, "en-GB"));
}

const RAG_ORDER: Readonly<Record<Rag, number>> = { red: 0, amber: 1, grey: 2, green: 3, none: 4 };

/**
 * A worker's rows for "My cases": worst first (red, then most overdue lines), each with the lines
 * that need action by `dueBy` (e.g. the next surgery) and every other standard's status.
 */
export function casesOfWorker(
  rows: readonly RowEvaluation[],
  worker: string,
  dueBy: EpochDay,
  standards: readonly Standard[],
): CaseView[] {
  const byId = new Map(standards.map((s) => [s.id, s] as const));
  const title = (id: string): string | undefined => byId.get(id)?.title;
  const views: CaseView[] = [];
  for (const row of rows) {
    if (row.worker?.trim() !== worker) continue;
    const lines: CaseLine[] = [];
    // Once per row: a row's results are made afresh each time they are asked for.
    const results = row.results;
    for (const result of results) {
      const standard = byId.get(result.standardId);
      if (!standard) continue;
      const open =
        result.status === "overdue" || result.status === "due soon" || result.status === "not yet due";
      lines.push({
        standardId: standard.id,
        title: standard.title,
        status: result.status,
        rag: result.rag,
        explanation: explainResult(result, standard, { standardTitle: title }),
        dueBefore:
          result.status === "overdue" || (open && result.deadline !== null && result.deadline <= dueBy),
      });
    }
    const deadlineOf = (l: CaseLine): number =>
      results.find((r) => r.standardId === l.standardId)?.deadline ?? Number.MAX_SAFE_INTEGER;
    const actions = lines
      .filter((l) => l.dueBefore)
      .sort((a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || deadlineOf(a) - deadlineOf(b));
    const noun = row.sheet === "recruitment" || row.sheet === "fosteringSupport" ? "Household" : "Child";
    views.push({
      sheetName: row.sheetName,
      rowNumber: row.rowNumber,
      label: `${noun} ${row.id ?? `on row ${row.rowNumber}`}`,
      rag: row.rag,
      overdue: lines.filter((l) => l.status === "overdue").length,
      actions,
      others: lines.filter((l) => !l.dueBefore && l.status !== "not applicable"),
    });
  }
  return views.sort(
    (a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || b.overdue - a.overdue || a.rowNumber - b.rowNumber,
  );
}

/** "Due by 24/11/2026": the heading of the actions list. */
export function dueByHeading(dueBy: EpochDay): string {
  return `Overdue or due by ${formatUkDate(dueBy)}`;
}

export const RAG_WORDS: Readonly<Record<Rag, string>> = {
  red: "Red",
  amber: "Amber",
  grey: "Cannot assess",
  green: "Green",
  none: "Nothing applies",
};
