import type { CliIo } from "../../src/cli/CliCommand";

export interface CapturedIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

/** A CLI io that records what a command prints; `today` is fixed so tests never depend on the clock. */
export function captureIo(today = new Date(2026, 10, 24)): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), today: () => today };
}
