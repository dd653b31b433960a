import { createWorkingDayCalendar, calendarCoverageWarning } from "../../engine/calendar/WorkingDayCalendar";
import { formatIsoDate, formatUkDate } from "../../engine/dates/epochDay";
import { EXIT_OK, UsageError, booleanOption, stringOption, type CliCommand } from "../CliCommand";
import { dateArgument, integerArgument } from "../dateArgument";

/**
 * Working-day arithmetic as the add-in does it, for checking a deadline by hand or in a script.
 * The same calendar as every flag: weekends and England & Wales bank holidays excluded.
 */
export const workdaysCommand: CliCommand = {
  name: "workdays",
  summary: "count working days between two dates, or add working days to a date",
  help: `Usage:
  tracker workdays --from <date> --to <date> [--json]
  tracker workdays --from <date> --add <n> [--json]

Counts the working days after --from up to and including --to (Excel's NETWORKDAYS - 1 when
--from is a working day), or gives the n-th working day after --from (Excel's WORKDAY). Weekends
and England & Wales bank holidays 2010–2030 are excluded. Dates as 2026-11-24 or 24/11/2026.

Example: tracker workdays --from 27/05/2022 --add 20   →  28/06/2022 (the jubilee days are skipped)`,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    add: { type: "string" },
    json: { type: "boolean" },
  },
  async run(args, io) {
    const from = dateArgument("from", stringOption(args, "from"));
    const toText = stringOption(args, "to");
    const addText = stringOption(args, "add");
    if ((toText === undefined) === (addText === undefined)) {
      throw new UsageError("give either --to <date> or --add <n> (see `tracker workdays --help`)");
    }
    const calendar = createWorkingDayCalendar();
    const json = booleanOption(args, "json");
    if (toText !== undefined) {
      const to = dateArgument("to", toText);
      const workingDays = calendar.workingDaysBetween(from, to);
      if (json) {
        io.out(JSON.stringify({ from: formatIsoDate(from), to: formatIsoDate(to), workingDays }));
      } else {
        io.out(
          `${workingDays} working day${Math.abs(workingDays) === 1 ? "" : "s"} after ${formatUkDate(from)} up to ${formatUkDate(to)}`,
        );
      }
      warnOutsideCalendar(io, calendar, [from, to]);
      return EXIT_OK;
    }
    const n = integerArgument("add", addText);
    const result = calendar.addWorkingDays(from, n);
    if (json) io.out(JSON.stringify({ from: formatIsoDate(from), add: n, date: formatIsoDate(result) }));
    else io.out(formatUkDate(result));
    warnOutsideCalendar(io, calendar, [from, result]);
    return EXIT_OK;
  },
};

function warnOutsideCalendar(
  io: { err(text: string): void },
  calendar: ReturnType<typeof createWorkingDayCalendar>,
  days: number[],
): void {
  for (const day of days) {
    const warning = calendarCoverageWarning(calendar, day);
    if (warning) {
      io.err(`warning: ${warning}`);
      return;
    }
  }
}
