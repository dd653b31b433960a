import { writeFile } from "node:fs/promises";
import { epochDayFromParts, formatUkDate, type EpochDay } from "../../engine/dates/epochDay";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import type { PlantedProblemKind } from "../../engine/sample/SampleTracker";
import { writeSampleWorkbook } from "../../xlsx/writeSampleWorkbook";
import { EXIT_OK, UsageError, booleanOption, stringOption, type CliCommand } from "../CliCommand";
import { dateArgument, integerArgument } from "../dateArgument";
import { writeSsda903Sample } from "./refreshCommandSample";

const MAX_ROWS = 200_000;

/**
 * A realistic tracker of invented children and households, for trying the add-in, demos, tests and
 * benchmarks. The same seed and as-of date always give the same workbook.
 */
export const sampleCommand: CliCommand = {
  name: "sample",
  summary: "write a realistic sample tracker workbook of invented children (for demos and tests)",
  help: `Usage:
  tracker sample --out <file.xlsx> [--rows N] [--seed S] [--as-of <date>] [--clean] [--no-history]
                 [--planted <file.json>]

Writes the six sheets of the default tracker profile (Joint Tracker with N children, PLO Tracker,
Recruitment & Assessment, Fostering Support, Family Finding, Connected Persons), filled with invented
people and dates that mostly meet the statutory timescales as at --as-of: some met late, some
overdue, some due soon. No name or ID belongs to a real person.

Unless --clean is given, the workbook also has the problems real trackers have: dates typed as text,
"TBC" in date cells, impossible dates, a title row above the header, LAC wording, worker names
written several ways, PPMs before the date looked after, a duplicate child ID and more.

Options:
  --out <file.xlsx>      where to write the workbook (required)
  --rows N               children on the Joint Tracker (default 1000, at most ${MAX_ROWS.toLocaleString("en-GB")})
  --seed S               a whole number; the same seed gives the same workbook (default 1)
  --as-of <date>         the date the tracker is "as at" (default today), e.g. 2026-11-24 or 24/11/2026
  --clean                no planted problems
  --no-history           no Tracker history sheet (by default the workbook has one, hidden, as if the
                         add-in had run monthly for two years): recurring standards then show "no history"
  --planted <file.json>  also write the list of planted problems (sheet, row, column, kind, text)
  --903 <folder>         also write the matching SSDA903 extract (CSV) with planted differences

Example: tracker sample --rows 200 --seed 7 --as-of 2026-11-24 --out sample.xlsx`,
  options: {
    out: { type: "string" },
    rows: { type: "string" },
    seed: { type: "string" },
    "as-of": { type: "string" },
    clean: { type: "boolean" },
    "no-history": { type: "boolean" },
    planted: { type: "string" },
    "903": { type: "string" },
  },
  async run(args, io) {
    const out = stringOption(args, "out");
    if (out === undefined || out.trim() === "") {
      throw new UsageError("--out <file.xlsx> is required (see `tracker sample --help`)");
    }
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, not “${out}”`);
    if (args.positionals.length > 0) {
      throw new UsageError(
        `unexpected argument “${args.positionals[0] ?? ""}” (see \`tracker sample --help\`)`,
      );
    }
    const rowsText = stringOption(args, "rows");
    const children = rowsText === undefined ? 1000 : integerArgument("rows", rowsText);
    if (children < 1 || children > MAX_ROWS) {
      throw new UsageError(
        `--rows must be between 1 and ${MAX_ROWS.toLocaleString("en-GB")}, not ${children}`,
      );
    }
    const seedText = stringOption(args, "seed");
    const seed = seedText === undefined ? 1 : integerArgument("seed", seedText);
    const asOfText = stringOption(args, "as-of");
    const asOf = asOfText === undefined ? todayOf(io.today()) : dateArgument("as-of", asOfText);
    const messy = !booleanOption(args, "clean");
    const plantedFile = stringOption(args, "planted");

    const history = !booleanOption(args, "no-history");
    const sample = generateSampleTracker({ children, seed, asOf, messy, history });
    await writeOrExplain(out, () => writeSampleWorkbook(sample, out));
    if (plantedFile !== undefined) {
      await writeOrExplain(plantedFile, () =>
        writeFile(plantedFile, `${JSON.stringify(sample.planted, null, 2)}\n`, "utf8"),
      );
    }

    io.out(`Wrote ${out} (as at ${formatUkDate(asOf)}, seed ${seed}${messy ? "" : ", clean"}):`);
    const width = Math.max(...sample.sheets.map((s) => s.name.length));
    for (const sheet of sample.sheets) {
      const rows = sheet.values.length - sheet.headerRow;
      io.out(`  ${sheet.name.padEnd(width)}  ${rows.toLocaleString("en-GB")} row${rows === 1 ? "" : "s"}`);
    }
    if (sample.history) {
      const rows = sample.history.values.length - 1;
      io.out(
        `  ${sample.history.name} (hidden): ${rows.toLocaleString("en-GB")} dates, as if the add-in had run monthly for two years`,
      );
    } else {
      io.out("  No Tracker history (--no-history): recurring standards show “no history”");
    }
    const extractFolder = stringOption(args, "903");
    if (extractFolder !== undefined) {
      const lines: string[] = [];
      await writeOrExplain(extractFolder, async () => {
        lines.push(...(await writeSsda903Sample(sample, extractFolder, { asOf, seed })));
      });
      for (const line of lines) io.out(line);
    }
    if (messy) {
      io.out(
        `Planted problems: ${sample.planted.length} (${describeKinds(sample.planted.map((p) => p.kind))})`,
      );
      if (plantedFile !== undefined) io.out(`Planted-problem list: ${plantedFile}`);
    } else {
      io.out("Planted problems: none (--clean)");
    }
    return EXIT_OK;
  },
};

/** Today by the user's clock, as a day: the local calendar date, which is what "today" means to them. */
function todayOf(now: Date): EpochDay {
  return epochDayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as EpochDay;
}

function describeKinds(kinds: readonly PlantedProblemKind[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind} ${n}`).join(", ");
}

const WRITE_ERRORS: ReadonlyMap<string, string> = new Map([
  ["ENOENT", "the folder does not exist"],
  ["EACCES", "permission denied"],
  ["EPERM", "permission denied"],
  ["EBUSY", "the file is open in another program (close it in Excel and try again)"],
  ["EISDIR", "it is a folder"],
  ["EROFS", "the disk is read-only"],
  ["ENOSPC", "the disk is full"],
]);

/** A file that cannot be written is the user's to fix (folder missing, file open in Excel): one line. */
async function writeOrExplain(file: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    const reason = WRITE_ERRORS.get(code);
    // Anything else is a bug, not the user's to fix: let it reach the internal-error handler.
    if (reason === undefined) throw error;
    throw new UsageError(`cannot write “${file}”: ${reason}`);
  }
}
