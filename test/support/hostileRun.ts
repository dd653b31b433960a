import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main";
import { captureIo } from "./captureIo";

/** One command line run over a corpus workbook, as the user would see it. */
export interface CommandRun {
  argv: string[];
  /** The exit code; 70 when the command threw (a crash: a bug, never the user's fault). */
  code: number;
  stdout: string;
  stderr: string;
  /** The --out copy, when the command was asked for one and wrote it. */
  out?: string;
  /** What the command threw, when it crashed. */
  crash?: string;
}

/** As at a day when the generated trackers' children are overdue for their first PPM. */
export const AS_OF = "2024-11-25";

export async function runCommand(argv: string[]): Promise<CommandRun> {
  const io = captureIo(new Date(2024, 10, 25, 9, 30));
  let code: number;
  let crash: string | undefined;
  try {
    code = await main(argv, io);
  } catch (error) {
    code = 70;
    crash = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  }
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  return {
    argv,
    code,
    stdout: io.stdout.join("\n"),
    stderr: io.stderr.join("\n"),
    ...(out !== undefined && existsSync(out) ? { out } : {}),
    ...(crash === undefined ? {} : { crash }),
  };
}

/**
 * Every reading and writing command over one workbook: check (text, JSON, with a Data quality copy),
 * status (text and JSON), a joint tracking agenda and a monthly summary. Copies go to `outFolder`.
 */
export async function runEveryCommand(input: string, outFolder: string): Promise<CommandRun[]> {
  const stem = basename(input).replace(/\.\w+$/, "");
  const out = (what: string): string => join(outFolder, `${stem}-${what}.xlsx`);
  const lines: string[][] = [
    ["check", input, "--as-of", AS_OF],
    ["check", input, "--as-of", AS_OF, "--json", "--out", out("check")],
    ["status", input, "--as-of", AS_OF],
    ["status", input, "--as-of", AS_OF, "--json"],
    ["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out", out("agenda")],
    ["summary", input, "--month", "2024-10", "--as-of", AS_OF, "--out", out("summary")],
  ];
  const runs: CommandRun[] = [];
  for (const argv of lines) runs.push(await runCommand(argv));
  return runs;
}

/** The SHA-256 of a file: the input must hash the same after every command. */
export function fileHash(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * What every run must be whatever the workbook: handled (exit 0, 1 or 2, never a crash), at most one
 * line on stderr per problem and never a stack trace.
 */
export function unhandled(runs: readonly CommandRun[]): string[] {
  return runs
    .filter((r) => ![0, 1, 2].includes(r.code) || /\n\s+at /.test(r.stderr))
    .map((r) => `${r.argv.slice(0, 1).join(" ")} → ${r.code}: ${r.crash ?? r.stderr}`);
}
