import { formatUkDate } from "../../engine/dates/epochDay";
import { percentText } from "../../engine/summary/SummaryFigures";
import { parseYearMonth, type PeriodKind } from "../../engine/summary/SummaryPeriod";
import type { AverageDays } from "../../engine/summary/adoptionScorecard";
import { summaryJson } from "../../engine/summary/summaryJson";
import { summaryTracker, writeSummarySheets } from "../../jobs/summaryTracker";
import { EXIT_OK, UsageError, booleanOption, stringOption, type CliCommand } from "../CliCommand";
import { asOfOf, inputPathOf, openWorkbook, outputPathOf, saveWorkbook, todayOf } from "./checkCommandFiles";

const PERIODS: Readonly<Record<string, PeriodKind>> = {
  month: "month",
  quarter: "quarter",
  year: "financialYear",
};

/** The monthly summary: figures as JSON or text, and the summary sheets written into a copy. */
export const summaryCommand: CliCommand = {
  name: "summary",
  summary: "monthly summary: timeliness by deadline month, PPM bands, recruitment and occupancy figures",
  help: `Usage:
  tracker summary <tracker.xlsx> --month YYYY-MM [--as-of YYYY-MM-DD] [--period month|quarter|year]
                  [--json] [--out <copy.xlsx>]

Counts each standard by the month its deadline falls in (on or before --as-of): the cohort, on time
and late, for the 12 months ending with --month; working days from becoming looked after to the 1st
PPM in bands; PPMs held; 2nd reviews within 4 months; plans agreed by the 2nd review; enquiries,
enquiry to initial home visit, application to panel, approvals; occupancy, in-house fostering and
data completeness. --period quarter or year (financial year, April to March) compares the quarter or
year holding --month with the one before.

Recurring standards (next CLA review, next PPM, foster carer review, visits, DBS) and PPMs held are
counted from the workbook's Tracker history, the dates the tracker overwrites as the add-in saw them:
every occurrence by its deadline month, and "no history" for months before the history covers them
(the output says from when it runs). --json adds "recurring" after the contract's first four keys.

Options:
  --month YYYY-MM     the month summarised (required)
  --as-of <date>      count deadlines up to this day (default: today)
  --period <p>        month (default), quarter or year
  --json              print the figures as JSON (dates YYYY-MM-DD)
  --out <copy.xlsx>   write "Summary <period>" and "Summary data <period>" sheets into a copy
                      (the input is never changed; summarising the same period again replaces them),
                      with native Excel charts over the summary's data blocks. Charts already in the
                      workbook on other sheets are kept.`,
  options: {
    month: { type: "string" },
    "as-of": { type: "string" },
    period: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "summary");
    const out = outputPathOf(args, input, false, "summary");
    const month = stringOption(args, "month");
    if (month === undefined)
      throw new UsageError("--month YYYY-MM is required (see `tracker summary --help`)");
    if (!parseYearMonth(month))
      throw new UsageError(`--month must be a month such as 2025-03, not “${month}”`);
    const periodText = stringOption(args, "period") ?? "month";
    const period = PERIODS[periodText];
    if (period === undefined) {
      throw new UsageError(`--period must be month, quarter or year, not “${periodText}”`);
    }
    const asOf = asOfOf(args, io);
    const workbook = await openWorkbook(input, out);
    const result = await summaryTracker(workbook, { month, asOf, period });
    const { figures } = result;

    if (booleanOption(args, "json")) {
      io.out(JSON.stringify(summaryJson(figures), null, 2));
    } else {
      const p = figures.current;
      io.out(
        `Summary for ${p.period.label}, as at ${formatUkDate(asOf)} (standards: ${result.status.standardsSource})`,
      );
      for (const t of p.timeliness) {
        // A recurring standard is reported from every occurrence in the Tracker history, below.
        if (t.cohort > 0 && !t.recurring)
          io.out(`  ${t.title}: ${percentText(t.onTime, t.cohort)} on time (${t.onTime} of ${t.cohort})`);
      }
      for (const r of p.recurring) {
        if (!r.covered)
          io.out(
            `  ${r.title}: no history (recurring; every occurrence counted once history covers the period)`,
          );
        else if (r.cohort > 0)
          io.out(
            `  ${r.title}: ${percentText(r.onTime, r.cohort)} on time (${r.onTime} of ${r.cohort}, every occurrence)`,
          );
      }
      const from = figures.historyFrom.filter((h) => h.from !== null);
      io.out(
        from.length === 0
          ? "  Tracker history: none yet, so recurring standards show “no history”"
          : `  Tracker history covers: ${figures.historyFrom.map((h) => `${h.title} from ${h.from === null ? "–" : formatUkDate(h.from)}`).join("; ")}`,
      );
      for (const issue of result.history.issues.filter((i) => i.severity !== "info").slice(0, 5))
        io.err(`tracker summary: ${issue.sheet}!${issue.cell}: ${issue.message}`);
      const b = p.ppmBands;
      io.out(
        `  BLA to 1st PPM: ≤10 WD ${b.upTo10}, 11–30 ${b.from11To30}, 31–60 ${b.from31To60}, >60 ${b.over60}, ` +
          `no PPM yet ${b.noPpmYet}, PPM before BLA ${b.ppmBeforeBla}, cannot assess ${b.cannotAssess}`,
      );
      io.out(`  PPMs held: ${p.ppmsHeld}; enquiries: ${p.enquiries}; households approved: ${p.approvals}`);
      const a = figures.adoption;
      const days = (x: AverageDays): string =>
        x.averageDays === null ? "–" : `${x.averageDays} days (${x.children})`;
      io.out(
        `  Adoption scorecard, ${a.twelveMonths.label}: A1 ${days(a.twelveMonths.a1)} against ${a.thresholds.a1}, ` +
          `A2 ${days(a.twelveMonths.a2)} against ${a.thresholds.a2}, A10 ${days(a.twelveMonths.a10)}; ` +
          `${a.waiting.children} waiting for a match${a.waiting.longestWaitDays === null ? "" : ` (longest ${a.waiting.longestWaitDays} days)`}`,
      );
    }
    for (const f of result.status.tableFindings) {
      if (f.severity !== "info") io.err(`tracker summary: ${f.message}`);
    }
    if (out !== undefined) {
      const written = await writeSummarySheets(workbook, result, todayOf(io.today()));
      await saveWorkbook(workbook, out);
      const names = written.map((w) => `${w.replaced ? "replaced" : "wrote"} “${w.name}”`).join(", ");
      const { chartsDrawn, notes } = workbook.saveReport();
      const line = `${names} in ${out} with ${chartsDrawn} native chart${chartsDrawn === 1 ? "" : "s"}`;
      // With --json, stdout is the JSON alone; the note goes to stderr.
      if (booleanOption(args, "json")) io.err(line);
      else io.out(line);
      for (const note of [...written.flatMap((w) => w.notes), ...notes]) io.err(`tracker summary: ${note}`);
    }
    return EXIT_OK;
  },
};
