import { checkComparePeriods } from "../../engine/compare/checkComparePeriods";
import { compareJson } from "../../engine/compare/compareJson";
import { parseComparePeriod, type ComparePeriod } from "../../engine/compare/ComparePeriod";
import { formatUkDate } from "../../engine/dates/epochDay";
import { compareTracker, writeCompareSheet } from "../../jobs/compareTracker";
import {
  EXIT_OK,
  UsageError,
  booleanOption,
  stringOption,
  type CliCommand,
  type ParsedArgs,
} from "../CliCommand";
import { asOfOf, inputPathOf, openWorkbook, outputPathOf, saveWorkbook, todayOf } from "./checkCommandFiles";

/** Did a change work? Two periods compared with honest statistics. */
export const compareCommand: CliCommand = {
  name: "compare",
  summary: "before and after: on-time shares and working days of two periods, with significance tests",
  help: `Usage:
  tracker compare <tracker.xlsx> --before YYYY-MM..YYYY-MM --after YYYY-MM..YYYY-MM
                  [--as-of YYYY-MM-DD] [--json] [--out <copy.xlsx>]

Compares two periods (whole months, first..last; one month as YYYY-MM) counted as the summary
counts them: each standard's cohort by the month its deadline falls in, on or before --as-of. For
each standard: on time before and after, the change in percentage points with a 95% interval
(Newcombe's hybrid score interval) and Fisher's exact test; for BLA to 1st PPM, enquiry to initial
home visit and application to panel: the medians and the Mann–Whitney U test. The words say what can
be concluded: "too few cases to tell" below 10 cases in either period, how many rows had no
information (missing or invalid dates; for BLA to 1st PPM also a PPM not held yet) in each period,
and whether that gap alone could explain the change. Nothing is called significant at p = 0.05 or
above.

Recurring standards (next CLA review, next PPM, foster carer review, visits, DBS) are counted as the
summary counts them, from every occurrence in the workbook's Tracker history, and compared only
when the history covers both periods from their first day; otherwise the line says from when it
does (the add-in records the dates the tracker overwrites each time it runs). One child's
occurrences are not independent, so their p-values are approximate. --json lists them under
"recurring", with "historyFrom" and each period's "covered".

Options:
  --before <months>   the earlier period, e.g. 2025-01..2025-06 (required)
  --after <months>    the later period, e.g. 2025-07..2025-12 (required)
  --as-of <date>      count deadlines up to this day (default: today)
  --json              print the comparison as JSON (dates YYYY-MM-DD)
  --out <copy.xlsx>   write a "Compare <before> vs <after>" sheet into a copy (the input is never
                      changed): the table, and a native chart per standard and measure; the copy's
                      Tracker history records the tracker's dates, as every command that writes does

Exit codes: 0 compared; 2 bad input (periods overlapping, reversed, in the future or with no rows,
a month in another form, a file that cannot be read); nothing is written then.`,
  options: {
    before: { type: "string" },
    after: { type: "string" },
    "as-of": { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "compare");
    const out = outputPathOf(args, input, false, "compare");
    const before = periodOption(args, "before");
    const after = periodOption(args, "after");
    const asOf = asOfOf(args, io);
    // Said before the workbook is read: the periods alone are wrong.
    const problem = checkComparePeriods(before, after, asOf);
    if (problem !== null) throw new UsageError(problem);
    const workbook = await openWorkbook(input, out);
    const result = await compareTracker(workbook, { before, after, asOf });
    if (!result.ok) throw new UsageError(result.message);
    const { comparison } = result;
    const json = booleanOption(args, "json");

    if (json) {
      io.out(JSON.stringify(compareJson(comparison), null, 2));
    } else {
      io.out(
        `Before and after: ${before.label} compared with ${after.label}, as at ${formatUkDate(asOf)} ` +
          `(standards: ${result.status.standardsSource})`,
      );
      io.out("On time, by standard:");
      for (const s of comparison.shares) io.out(`  ${s.title}: ${s.words}`);
      if (comparison.measures.length > 0) io.out("Working days (lower is better):");
      for (const m of comparison.measures) io.out(`  ${m.title}: ${m.words}`);
      for (const u of comparison.undated)
        io.out(
          `  ${u.title}: ${u.rows} row(s) cannot be assessed and have no start date, so belong to neither period`,
        );
      for (const note of comparison.notes) io.out(note);
    }
    for (const f of result.status.tableFindings) {
      if (f.severity !== "info") io.err(`tracker compare: ${f.message}`);
    }
    for (const issue of result.history.issues.filter((i) => i.severity !== "info").slice(0, 5))
      io.err(`tracker compare: ${issue.sheet}!${issue.cell}: ${issue.message}`);
    if (out !== undefined) {
      const written = await writeCompareSheet(workbook, result, todayOf(io.today()));
      await saveWorkbook(workbook, out);
      const { chartsDrawn, notes } = workbook.saveReport();
      const line =
        `${written.replaced ? "replaced" : "wrote"} “${written.name}” in ${out} with ${chartsDrawn} ` +
        `native chart${chartsDrawn === 1 ? "" : "s"}`;
      // With --json, stdout is the JSON alone; the note goes to stderr.
      if (json) io.err(line);
      else io.out(line);
      for (const note of [...written.notes, ...notes]) io.err(`tracker compare: ${note}`);
    }
    return EXIT_OK;
  },
};

function periodOption(args: ParsedArgs, name: "before" | "after"): ComparePeriod {
  const text = stringOption(args, name);
  if (text === undefined) {
    throw new UsageError(`--${name} YYYY-MM..YYYY-MM is required (see \`tracker compare --help\`)`);
  }
  const reading = parseComparePeriod(`--${name}`, text);
  if (!reading.ok) throw new UsageError(reading.message);
  return reading.period;
}
