import { existsSync } from "node:fs";
import { readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { epochDayFromParts, formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { coerceCellDate } from "../../engine/cells/coerceCellDate";
import type { ApplyReport, CellChange, SkippedChange } from "../../engine/port/ChangeSet";
import type { SheetWrite } from "../../engine/port/WorkbookPort";
import { shownLogValue, type LogTime } from "../../engine/fixes/changeLog";
import { XlsxWorkbook } from "../../xlsx/XlsxWorkbook";
import { workbookFileKind } from "../../xlsx/workbookFileKind";
import { ZipUnsafeError } from "../../xlsx/zipArchive";
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

/**
 * The --out copy: an .xlsx file (an .xlsm for a macro-enabled input, checked when it is opened) that
 * is not the input, so the original is never overwritten.
 */
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
  if (!/\.xls[xm]$/i.test(out)) {
    throw new UsageError(`--out must name an .xlsx file (.xlsm for a workbook with macros), not “${out}”`);
  }
  if (resolve(out) === resolve(input)) {
    throw new UsageError(
      "--out must be a different file from the input: the input workbook is never changed",
    );
  }
  return out;
}

/**
 * The workbooks this module opened that hold macros: their copy keeps the VBA project (the copy is
 * the loaded package with the add-in's parts changed), so it must be saved as an .xlsm. Keyed weakly
 * by the workbook itself, so nothing outlives the command.
 */
const withMacros = new WeakMap<XlsxWorkbook, string>();
/**
 * Likewise the workbooks whose structure is protected: Excel itself refuses to add a sheet to one,
 * so the command does not either.
 */
const structureLocked = new WeakMap<XlsxWorkbook, string>();

/**
 * Opens the input workbook, telling the user plainly why a file cannot be read: not there, not an
 * Excel file, password-protected, an old .xls, damaged (a truncated download).
 */
export async function openWorkbook(path: string, copyPath?: string): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new UsageError(`there is no file “${path}”`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(`cannot read “${path}”: check it is a file you are allowed to open`);
  }
  const kind = workbookFileKind(bytes);
  if (kind.kind === "encrypted") {
    throw new UsageError(
      `“${path}” is password-protected (encrypted), so it cannot be read outside Excel: open it in ` +
        "Excel and use the add-in there, or save a copy without the password (File > Info > Protect Workbook)",
    );
  }
  if (kind.kind === "legacy-xls") {
    throw new UsageError(
      `“${path}” is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)`,
    );
  }
  if (kind.kind === "opendocument") {
    throw new UsageError(
      `“${path}” is an OpenDocument spreadsheet (.ods): open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx)`,
    );
  }
  if (kind.kind === "not-a-workbook") {
    throw new UsageError(
      `“${path}” cannot be read as an Excel workbook (.xlsx): it is another kind of file (a CSV, a PDF...)`,
    );
  }
  const damaged = `“${path}” cannot be read as an Excel workbook (.xlsx): it looks damaged or incomplete (an unfinished download?)`;
  let workbook: XlsxWorkbook;
  try {
    // Sheets are read when a command needs them: a damaged one is reported then, in the same words.
    workbook = await XlsxWorkbook.fromBuffer(bytes, { damaged: () => new UsageError(damaged) });
  } catch (error) {
    // A zip bomb is refused from its directory before anything is inflated (zipArchive.ts).
    if (error instanceof ZipUnsafeError) {
      throw new UsageError(
        `“${path}” cannot be read as an Excel workbook (.xlsx): it looks damaged or unsafe (${error.message}), so it was not opened`,
      );
    }
    throw new UsageError(damaged);
  }
  if (kind.macros) withMacros.set(workbook, path);
  if (kind.structureLocked) structureLocked.set(workbook, path);
  // Said before any work is done, not after the results are printed; saveWorkbook checks it again.
  if (copyPath !== undefined) checkCopyExtension(withMacros.get(workbook), copyPath);
  return workbook;
}

/**
 * Writes the copy all or nothing: to a temporary file in the same folder, then renamed over the
 * target, so a failure half way (a full disk, a crash) leaves any file already there as it was and
 * never a half-written workbook. The rename is atomic because both names are on one file system.
 */
export async function saveWorkbook(
  workbook: XlsxWorkbook,
  path: string,
  warn?: (note: string) => void,
): Promise<void> {
  checkCopyExtension(withMacros.get(workbook), path);
  const locked = structureLocked.get(workbook);
  if (locked !== undefined) {
    throw new UsageError(
      `“${locked}” is protected against adding sheets (Review > Protect Workbook), so nothing was ` +
        "written: unprotect the workbook in Excel, or run the command without --out",
    );
  }
  const temporary = join(dirname(path), `.~${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // Streamed to the temporary file as it is made: a large copy is never one buffer in memory.
    await workbook.save(temporary, "wx");
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined); // nothing to tidy if it was never created
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === undefined) {
      throw new UsageError(`cannot write “${path}”: the workbook could not be turned into an .xlsx file`);
    }
    throw new UsageError(`cannot write “${path}”: check the folder exists and the file is not open in Excel`);
  }
  // What the copy could not draw (a chart whose data could not be read): the user must hear it.
  if (warn) for (const note of workbook.saveReport().notes) warn(note);
}

/**
 * Excel opens a file only when its extension matches its workbook part's content type: it refuses
 * an .xlsx holding macros ("file format or extension is not valid"), and an .xlsm without them.
 */
function checkCopyExtension(macroSource: string | undefined, path: string): void {
  const xlsm = /\.xlsm$/i.test(path);
  if (macroSource !== undefined && !xlsm) {
    throw new UsageError(
      `“${macroSource}” holds macros, which the copy keeps, so --out must end in .xlsm (Excel refuses ` +
        `to open an .xlsx holding macros): nothing was written to “${path}”`,
    );
  }
  if (macroSource === undefined && xlsm) {
    throw new UsageError(
      `the workbook holds no macros, so --out must end in .xlsx (Excel refuses to open an .xlsm ` +
        `without them): nothing was written to “${path}”`,
    );
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

const SKIP_WORDS: Readonly<Record<SkippedChange["reason"], string>> = {
  "sheet-protected": "the sheet is protected",
  "edited-since": "the cell was edited since it was read",
  "sheet-missing": "the sheet is missing",
};

/** A change the port did not make, as a line: where, and why it was left alone. */
export function describeSkippedLine(skipped: SkippedChange): string {
  return `  ${skipped.change.sheet}!${skipped.change.cell}: ${SKIP_WORDS[skipped.reason]}`;
}

/**
 * The end of every command that applied a change set to a copy: what was skipped and why, then the
 * copy written (only after everything was computed and applied, so a failure writes nothing).
 */
export async function finishAppliedCopy(
  io: CliIo,
  workbook: XlsxWorkbook,
  report: ApplyReport,
  out: string | undefined,
  command: string,
  log?: SheetWrite,
): Promise<void> {
  if (report.skipped.length > 0) {
    io.out(`Skipped ${report.skipped.length} change(s):`);
    for (const skipped of report.skipped) io.out(describeSkippedLine(skipped));
  }
  if (out === undefined) return;
  await saveWorkbook(workbook, out, (note) => io.err(`tracker ${command}: ${note}`));
  for (const note of log?.notes ?? []) io.err(`tracker ${command}: ${note}`);
  io.out(`Wrote ${out}${log ? ` with the changes listed in its “${log.name}” sheet` : ""}.`);
}

/**
 * A command given --out that has nothing to change still writes the copy, unchanged, and says so:
 * scripts chain `refresh`, `fix` and the rest, and the next step needs the file.
 */
export async function writeUnchangedCopy(
  io: CliIo,
  workbook: XlsxWorkbook,
  out: string | undefined,
  command: string,
): Promise<void> {
  if (out === undefined) return;
  await saveWorkbook(workbook, out, (note) => io.err(`tracker ${command}: ${note}`));
  io.out(`Wrote ${out} unchanged: there was nothing to change.`);
}
