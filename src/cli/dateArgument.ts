import { coerceCellDate } from "../engine/cells/coerceCellDate";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { UsageError } from "./CliCommand";

/**
 * A date given on the command line: ISO (`2026-11-24`) or the UK form users type (`24/11/2026`),
 * read by the same rules as a tracker cell.
 */
export function dateArgument(name: string, text: string | undefined): EpochDay {
  if (text === undefined) throw new UsageError(`--${name} is required (a date such as 2026-11-24)`);
  const iso = parseIsoDate(text);
  if (iso !== undefined) return iso;
  const read = coerceCellDate(text);
  if (read.kind === "date") return read.day;
  const reason = read.kind === "problem" ? read.problem.message : `“${text}” is empty`;
  throw new UsageError(`--${name}: ${reason}`);
}

export function integerArgument(name: string, text: string | undefined): number {
  if (text === undefined || !/^[+-]?\d+$/.test(text.trim())) {
    throw new UsageError(`--${name} must be a whole number, not “${text ?? ""}”`);
  }
  return Number(text);
}
