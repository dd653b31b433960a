import type { HistoryIndex } from "../../../src/engine/history/HistoryIndex";
import type { PpmBands } from "../../../src/engine/summary/SummaryFigures";
import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { simpleAddMonths, simpleBetween } from "../simpleEvaluation";
import { dayIn, inMonths, readDate, textIn, type Months } from "./common";
import { countOutcome, type Counted } from "./counted";

/*
 * The Joint Tracker's dated figures (standards.md "Summary-only measures"), each a plain loop over
 * the rows keeping those whose deciding date falls in the period.
 */

/**
 * The period's children by working days from becoming looked after to their 1st PPM, counted by
 * their BLA date (evaluation-semantics.md "Figures for a period"): an unreadable 1st PPM cannot be
 * assessed, a blank one is "no PPM yet", one before the BLA is early permanence planning. The
 * banded children carry their working days, of which the summary gives the median and mean.
 */
export function simpleBlaToPpm(joint: TrackerTable, months: Months): Counted[] {
  const rows: Counted[] = [];
  for (const row of joint.rows) {
    const bla = dayIn(row, "becameLookedAfter");
    if (bla === null || !inMonths(bla, months)) continue;
    const counted = { sheetName: joint.sheetName, row: row.rowNumber, id: textIn(row.values["childId"]) };
    const ppm = readDate(row, "firstPpm");
    if (ppm.kind === "problem") rows.push({ ...counted, standard: null, outcome: "cannotAssess", date: bla });
    else if (ppm.kind === "empty") rows.push({ ...counted, standard: null, outcome: "noPpmYet", date: bla });
    else if (ppm.day < bla) rows.push({ ...counted, standard: null, outcome: "ppmBeforeBla", date: bla });
    else {
      const days = simpleBetween(bla, ppm.day);
      const band = days <= 10 ? "upTo10" : days <= 30 ? "from11To30" : days <= 60 ? "from31To60" : "over60";
      rows.push({ ...counted, standard: null, outcome: band, date: bla, value: days });
    }
  }
  return rows;
}

/** The bands of `simpleBlaToPpm`'s children. */
export function bandsOf(rows: readonly Counted[]): PpmBands {
  return {
    upTo10: countOutcome(rows, "upTo10"),
    from11To30: countOutcome(rows, "from11To30"),
    from31To60: countOutcome(rows, "from31To60"),
    over60: countOutcome(rows, "over60"),
    noPpmYet: countOutcome(rows, "noPpmYet"),
    ppmBeforeBla: countOutcome(rows, "ppmBeforeBla"),
    cannotAssess: countOutcome(rows, "cannotAssess"),
  };
}

/**
 * PPMs held in the period (evaluation-semantics.md "Recurring standards and history"): every
 * distinct PPM date a child has, on or before as-of, from its 1st PPM, its latest PPM and the
 * earlier latest PPMs the Tracker history kept; a date named twice is one meeting, named by the
 * first of those that holds it.
 */
export function simplePpmsHeld(
  joint: TrackerTable,
  history: HistoryIndex,
  asOf: number,
  months: Months,
): Counted[] {
  const rows: Counted[] = [];
  for (const row of joint.rows) {
    const id = textIn(row.values["childId"]);
    const held = new Map<number, string>();
    const hold = (day: number | null, kind: string): void => {
      if (day !== null && day <= asOf && !held.has(day)) held.set(day, kind);
    };
    hold(dayIn(row, "firstPpm"), "1st PPM");
    hold(dayIn(row, "latestPpm"), "latest PPM");
    for (const day of id === null ? [] : history.datesOf("jointTracker", id, "latestPpm"))
      hold(day, "earlier PPM (Tracker history)");
    for (const [day, kind] of held) {
      if (inMonths(day, months))
        rows.push({
          sheetName: joint.sheetName,
          row: row.rowNumber,
          id,
          standard: null,
          outcome: kind,
          date: day,
        });
    }
  }
  return rows;
}

/**
 * The 2nd CLA review held within 4 calendar months of becoming looked after, as a standard from the
 * BLA to the 2nd review with a 4-month limit and the Joint Tracker's exit would be counted
 * (evaluation-semantics.md "Status, in this order" and "Figures for a period"): by the month its
 * deadline falls in, met, met late or overdue; a row with an unreadable BLA, review or exit date, or
 * a review before the BLA, cannot be assessed and is not counted.
 */
export function simpleSecondReviews(
  joint: TrackerTable,
  exitKey: string,
  asOf: number,
  months: Months,
): Counted[] {
  const rows: Counted[] = [];
  for (const row of joint.rows) {
    const bla = readDate(row, "becameLookedAfter");
    const review = readDate(row, "secondReview");
    const exit = readDate(row, exitKey);
    if (bla.kind !== "date" || review.kind === "problem" || exit.kind === "problem") continue;
    const deadline = simpleAddMonths(bla.day, 4);
    let status: string;
    if (review.kind === "date") {
      if (review.day < bla.day) continue;
      status = review.day <= deadline ? "met" : "met late";
    } else {
      if (exit.kind === "date" && exit.day <= deadline) continue;
      const t = exit.kind === "date" ? Math.min(asOf, exit.day) : asOf;
      if (t <= deadline) continue;
      status = "overdue";
    }
    if (deadline > asOf || !inMonths(deadline, months)) continue;
    rows.push({
      sheetName: joint.sheetName,
      row: row.rowNumber,
      id: textIn(row.values["childId"]),
      standard: null,
      outcome: status,
      date: deadline,
    });
  }
  return rows;
}
