import { SURGERIES, SurgeryType } from "../../engine/agenda/SurgeryType";
import { formatUkDate } from "../../engine/dates/epochDay";
import { agendaTracker } from "../../jobs/agendaTracker";
import { EXIT_OK, EXIT_USAGE, UsageError, booleanOption, stringOption, type CliCommand } from "../CliCommand";
import { dateArgument } from "../dateArgument";
import { asOfOf, inputPathOf, openWorkbook, outputPathOf, saveWorkbook, todayOf } from "./checkCommandFiles";

const SURGERY_NAMES = SurgeryType.options.join("|");

/** Writes a surgery agenda sheet into a copy of the tracker. */
export const agendaCommand: CliCommand = {
  name: "agenda",
  summary: "write a surgery agenda sheet: cases by worker, worst first, with actions to agree",
  help: `Usage:
  tracker agenda <tracker.xlsx> --surgery <${SURGERY_NAMES}>
                 --date <YYYY-MM-DD> --out <copy.xlsx>
                 [--as-of <YYYY-MM-DD>] [--next <YYYY-MM-DD>] [--team T] [--worker W] [--names] [--all]

Writes an "Agenda <type> <date>" sheet to --out: the cases to discuss grouped by worker, worst first
(most overdue, then due soon, then dates to check), sibling groups together, each with its key dates,
the status of every standard as a coloured cell, the actions needed in plain words and empty "Action
agreed", "By whom" and "By when" columns. Actions typed into the latest earlier agenda of the same
type are carried forward; regenerating an agenda replaces it and keeps what was typed into it.

Options:
  --surgery <type>   ${SurgeryType.options.map((t) => `${t} (${SURGERIES[t].title})`).join(", ")}
  --date <date>      the day of the surgery
  --as-of <date>     evaluate as of this day (default: today)
  --next <date>      the next surgery: what falls due before it is listed too
  --team <T>         only this team          --worker <W>   only this worker
  --names            show full names (default: initials and IDs only)
  --all              list every open case, not only those with something to discuss
  --out <copy.xlsx>  where to write (the input is never changed)`,
  options: {
    surgery: { type: "string" },
    date: { type: "string" },
    "as-of": { type: "string" },
    next: { type: "string" },
    team: { type: "string" },
    worker: { type: "string" },
    names: { type: "boolean" },
    all: { type: "boolean" },
    out: { type: "string" },
  },
  async run(args, io) {
    const input = inputPathOf(args, "agenda");
    const out = outputPathOf(args, input, true, "agenda") as string;
    const surgeryText = stringOption(args, "surgery");
    const surgery = SurgeryType.safeParse(surgeryText);
    if (!surgery.success) {
      throw new UsageError(
        `--surgery must be one of ${SurgeryType.options.join(", ")}, not “${surgeryText ?? ""}”`,
      );
    }
    const date = dateArgument("date", stringOption(args, "date"));
    const asOf = stringOption(args, "as-of") === undefined ? date : asOfOf(args, io);
    const nextText = stringOption(args, "next");
    const team = stringOption(args, "team");
    const worker = stringOption(args, "worker");
    const now = io.today();
    const workbook = await openWorkbook(input, out);
    const outcome = await agendaTracker(
      workbook,
      {
        surgery: surgery.data,
        date,
        asOf,
        ...(nextText === undefined ? {} : { next: dateArgument("next", nextText) }),
        ...(team === undefined ? {} : { team }),
        ...(worker === undefined ? {} : { worker }),
        names: booleanOption(args, "names"),
        all: booleanOption(args, "all"),
        generatedAt: `${formatUkDate(Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / 86_400_000))} ${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`,
      },
      todayOf(now),
    );
    if (outcome.kind === "no-tracker-sheet") {
      io.err(`tracker agenda: ${outcome.message}`);
      return EXIT_USAGE;
    }
    const { agenda } = outcome;
    const cases = agenda.workers.reduce((n, w) => n + w.cases.length, 0);
    const count = (pick: (w: (typeof agenda.workers)[number]) => number): number =>
      agenda.workers.reduce((n, w) => n + pick(w), 0);
    await saveWorkbook(workbook, out, (note) => io.err(`tracker agenda: ${note}`));
    io.out(
      `${outcome.replaced ? "Replaced" : "Wrote"} “${outcome.sheetName}” in ${out}: ${cases} case(s) for ` +
        // A worker's adoption and long-term fostering blocks are one worker.
        `${new Set(agenda.workers.map((w) => w.worker)).size} worker(s); ${count((w) => w.overdue)} overdue, ${count((w) => w.dueSoon)} due soon, ` +
        `${count((w) => w.cannotAssess)} with dates to check.`,
    );
    if (outcome.carriedFrom !== null)
      io.out(`Actions agreed at “${outcome.carriedFrom}” are carried forward.`);
    for (const note of outcome.notes) io.err(`tracker agenda: ${note}`);
    return EXIT_OK;
  },
};
