import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { epochDayFromParts, formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { coerceCellDate } from "../../engine/cells/coerceCellDate";
import type { CellChange } from "../../engine/port/ChangeSet";
import { shownLogValue, type LogTime } from "../../engine/fixes/changeLog";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { UsageError, stringOption, type CliIo, type ParsedArgs } from "../CliCommand";
import { dateArgument } from "../dateArgument";

/*
 * What the check, fix and revert commands share: the input workbook, the copy they write, and the
 * user's clock. The input is only ever read: every change goes to the --out copy.
 */

/** The one input workbook named on the command line. */
export function inputPathOf(args: ParsedArgs, command: string): string {
  const [input, extra] = args.positionals;
  if (input === undefined)
    throw new UsageError(`name the tracker workbook (see \`tracker ${command} --help\`)`);
  if (extra !== undefined)
    throw new UsageError(`unexpected argument “${extra}” (see \`tracker ${command} --help\`)`);
  return input;
}

/** The --out copy: an .xlsx file that is not the input, so the original is never overwritten. */
export function outputPathOf(
  args: ParsedArgs,
  input: string,
  required: boolean,
  command: string,
): string | undefined {
  const out = stringOption(args, "out");
  if (out === undefined || out.trim() === "") {
    if (required) throw new UsageError(`--out <copy.xlsx> is required (see \`tracker ${command} --help\`)`);
    return undefined;
  }
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, not “${out}”`);
  if (resolve(out) === resolve(input)) {
    throw new UsageError(
      "--out must be a different file from the input: the input workbook is never changed",
    );
  }
  return out;
}

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new UsageError(`there is no file “${path}”`);
  try {
    return await XlsxWorkbook.load(path);
  } catch {
    throw new UsageError(`“${path}” cannot be read as an Excel workbook (.xlsx)`);
  }
}

export async function saveWorkbook(workbook: XlsxWorkbook, path: string): Promise<void> {
  try {
    await workbook.save(path);
  } catch {
    throw new UsageError(`cannot write “${path}”: check the folder exists and the file is not open in Excel`);
  }
}

/** The as-at day: --as-of, else today on the user's clock. */
export function asOfOf(args: ParsedArgs, io: CliIo): EpochDay {
  const text = stringOption(args, "as-of");
  return text === undefined ? todayOf(io.today()) : dateArgument("as-of", text);
}

/** The local calendar day of the user's clock (the engine never reads a clock itself). */
export function todayOf(now: Date): EpochDay {
  return epochDayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as EpochDay;
}

export function logTimeOf(now: Date): LogTime {
  return { day: todayOf(now), hour: now.getHours(), minute: now.getMinutes() };
}

/** One change as a line: where, from what, to what, and why. */
export function describeChangeLine(change: CellChange): string {
  return `  ${change.sheet}!${change.cell}: ${shown(change.old)} → ${shown(change.new, change.numberFormat)}  (${change.rule})`;
}

function shown(value: CellChange["new"], numberFormat?: string): string {
  if (typeof value === "number" && /d/i.test(numberFormat ?? "")) {
    const read = coerceCellDate(value);
    if (read.kind === "date") return formatUkDate(read.day);
  }
  return typeof value === "string" ? `“${value}”` : shownLogValue(value);
}
