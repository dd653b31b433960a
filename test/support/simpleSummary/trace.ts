import type { TrackerEvaluation } from "../../../src/engine/evaluation/evaluateTracker";
import type { HistoryIndex } from "../../../src/engine/history/HistoryIndex";
import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { inMonths, type Months } from "./common";
import type { Counted } from "./counted";
import { simpleApplicationToPanel, simpleApprovals, simpleEnquiries, simpleEnquiryToIhv } from "./fostering";
import { simpleBlaToPpm, simplePpmsHeld, simpleSecondReviews } from "./jointTracker";
import { recurringStandards, simpleOccurrences } from "./recurring";
import { isCounted } from "./timeliness";

/*
 * The summary's trace for a period: every row each dated figure counts, by the figure's name on the
 * Summary data sheet, so each number can be checked by hand against the tracker.
 */

export interface TraceInputs {
  evaluation: TrackerEvaluation;
  tables: readonly TrackerTable[];
  history: HistoryIndex;
  asOf: number;
  jointExit: string;
}

/** Each figure's counted rows in the period. */
export function simpleTrace(inputs: TraceInputs, months: Months): Map<string, Counted[]> {
  const { evaluation, tables, history, asOf, jointExit } = inputs;
  const tableOf = (key: string): TrackerTable | undefined => tables.find((t) => t.sheetKey === key);
  const trace = new Map<string, Counted[]>();
  const timeliness: Counted[] = [];
  for (const sheet of evaluation.sheets) {
    for (const results of sheet.standards) {
      for (let i = 0; i < results.length; i++) {
        const result = results.result(i);
        if (!isCounted(result.status, result.deadline, asOf) || !inMonths(result.deadline, months)) continue;
        timeliness.push({
          sheetName: sheet.sheetName,
          row: result.rowNumber,
          id: sheet.ids[i] ?? null,
          standard: results.standard.id,
          outcome: result.status,
          date: result.deadline,
        });
      }
    }
  }
  trace.set("Timeliness", timeliness);
  const joint = tableOf("jointTracker");
  if (joint) {
    trace.set("BLA to 1st PPM", simpleBlaToPpm(joint, months));
    trace.set("PPMs held", simplePpmsHeld(joint, history, asOf, months));
    trace.set("2nd review within 4 months of BLA", simpleSecondReviews(joint, jointExit, asOf, months));
  }
  const recruitment = tableOf("recruitment");
  if (recruitment) {
    trace.set("Enquiries", simpleEnquiries(recruitment, months));
    trace.set("Enquiry to IHV", simpleEnquiryToIhv(recruitment, months));
    trace.set("Application to panel", simpleApplicationToPanel(recruitment, months));
  }
  const support = tableOf("fosteringSupport");
  if (support) trace.set("Approved households", simpleApprovals(support, months));
  for (const standard of recurringStandards(evaluation))
    trace.set(`Recurring: ${standard.title}`, simpleOccurrences(evaluation, standard, history, asOf, months));
  return trace;
}
