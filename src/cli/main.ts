import { EXIT_OK, EXIT_USAGE, UsageError, parseCommandArgs, type CliCommand, type CliIo } from "./CliCommand";
import { cliCommands } from "./cliCommands";

const VERSION = "0.1.0";

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "tracker — keep a children's permanence tracker workbook (.xlsx): checks, flags, agendas, summaries",
    "",
    "Usage: tracker <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `tracker <command> --help` for a command's options.",
    "The input is never changed: --out names a copy (.xlsx; .xlsm for a workbook with macros, which it keeps).",
    "Exit codes: 0 fine, 1 the workbook has problems, 2 usage or file error.",
  ].join("\n");
}

/** Runs one command line; returns the exit code. Never throws for a user's mistake. */
export async function main(
  argv: string[],
  io: CliIo,
  commands: readonly CliCommand[] = cliCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(overview(commands));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`tracker: unknown command “${name}” (commands: ${commands.map((c) => c.name).join(", ")})`);
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      io.out(command.help);
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tracker ${command.name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

export function runFromProcess(): void {
  // `tracker status … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIo = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    today: () => new Date(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not the user's mistake: say so plainly, keep the detail for whoever reports it.
      process.stderr.write(
        `tracker: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      if (process.env.TRACKER_DEBUG && error instanceof Error && error.stack)
        process.stderr.write(`${error.stack}\n`);
      process.exitCode = 70;
    },
  );
}
