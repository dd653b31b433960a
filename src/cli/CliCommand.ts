import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes every subcommand keeps: scripts and schedulers branch on them. */
export const EXIT_OK = 0;
/** The workbook has problems (data-quality errors, overdue items where asked). */
export const EXIT_PROBLEMS = 1;
/** The command was used wrongly or a file could not be read or written. */
export const EXIT_USAGE = 2;

/** Where a command writes: injected so tests can capture output without a child process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Today's date as the user's clock sees it (the engine itself has no clock). */
  today(): Date;
}

/** A mistake of the user's: reported as one line on stderr, exit 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface CliCommand {
  name: string;
  /** One line for `tracker --help`. */
  summary: string;
  /** The full `--help` text of the subcommand. */
  help: string;
  options: OptionsConfig;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}

export function parseCommandArgs(command: CliCommand, argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    // node:util reports unknown options with a code and a readable message; pass on just the message.
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, "") : String(error);
    throw new UsageError(`${message} (see \`tracker ${command.name} --help\`)`);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
