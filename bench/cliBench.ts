import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { heapLimitArguments } from "../src/cli/heapLimit";
import { formatIsoDate } from "../src/engine/dates/epochDay";
import { generateSampleTracker } from "../src/engine/sample/generateSampleTracker";
import { writeSampleWorkbook } from "../src/xlsx/writeSampleWorkbook";
import { BENCH_AS_OF } from "./benchAsOf";
import { median, round } from "./measure";

export interface CliCommandTiming {
  command: string;
  medianMs: number;
  runsMs: number[];
  /** This command over exceljs reading and writing the same file: lower is better. */
  vsExceljs: number;
  peakRssMb: number;
}

export interface CliResult {
  rows: number;
  runs: number;
  commands: CliCommandTiming[];
  /** exceljs alone: read the file, write it back out, in a fresh node process as each command is. */
  exceljs: { medianMs: number; runsMs: number[]; peakRssMb: number };
  /** All four commands over four exceljs read-and-writes: lower is better (target under 1.5). */
  vsExceljs: number;
  /** The largest peak resident memory of a command on the 100,000-row file (full runs only). */
  peakRssMbAt100k: number | null;
  /** Each command on the 100,000-row file: wall time and peak memory, or why it failed. */
  at100k: { command: string; ms: number | null; peakRssMb: number | null; failure?: string }[];
}

const ENTRY = join(__dirname, "cliProcess.js");

/**
 * A fresh node process, as a user's command is, with the heap limit bin/tracker.js gives the command
 * (exceljs alone gets the same); returns its wall time and peak resident memory.
 */
function timeProcess(args: readonly string[], dir: string): { ms: number; rssMb: number } {
  const rssFile = join(dir, "rss.txt");
  const started = performance.now();
  const run = spawnSync(process.execPath, [...heapLimitArguments(), ...args], {
    encoding: "utf8",
    env: { ...process.env, TRACKER_BENCH_RSS_FILE: rssFile },
    maxBuffer: 256 * 2 ** 20,
  });
  const ms = performance.now() - started;
  // Exit 1 is "the workbook has problems" (a messy tracker has): only other codes are failures.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${args.slice(1).join(" ")} exited ${String(run.status)}: ${run.stderr.trim()}`);
  }
  return { ms, rssMb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024) };
}

const EXCELJS_SCRIPT = `
const ExcelJS = require("exceljs");
const fs = require("fs");
(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(process.argv[1]);
  await workbook.xlsx.writeFile(process.argv[2]);
  fs.writeFileSync(process.env.TRACKER_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
})();
`;

function commandsFor(file: string, dir: string): { command: string; args: string[] }[] {
  const asOf = formatIsoDate(BENCH_AS_OF);
  const month = asOf.slice(0, 7);
  return [
    { command: "check", args: ["check", file, "--as-of", asOf] },
    { command: "status", args: ["status", file, "--as-of", asOf] },
    {
      command: "agenda",
      args: [
        "agenda",
        file,
        "--surgery",
        "joint-tracking",
        "--date",
        asOf,
        "--as-of",
        asOf,
        "--out",
        join(dir, "agenda.xlsx"),
      ],
    },
    {
      command: "summary",
      args: ["summary", file, "--month", month, "--as-of", asOf, "--out", join(dir, "summary.xlsx")],
    },
  ];
}

/**
 * `tracker check`, `status`, `agenda` and `summary` end to end on a generated messy .xlsx, each in
 * its own node process as a user runs it, against exceljs reading and writing the same file: the
 * ratio is what the engine and the jobs add to the file I/O every command pays.
 */
export async function benchCli(options: {
  rows: number;
  runs: number;
  rows100k: boolean;
}): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), "tracker-bench-cli-"));
  try {
    const file = join(dir, "tracker.xlsx");
    await writeSampleWorkbook(
      generateSampleTracker({ children: options.rows, seed: 1, asOf: BENCH_AS_OF, messy: true }),
      file,
    );
    const nodeModules = join(__dirname, "..", "..", "..");
    const exceljsRuns: { ms: number; rssMb: number }[] = [];
    const commandRuns = new Map<string, { ms: number; rssMb: number }[]>();
    for (let run = 0; run < options.runs; run++) {
      exceljsRuns.push(
        timeProcess(
          [
            "-e",
            `module.paths.unshift(${JSON.stringify(nodeModules)});${EXCELJS_SCRIPT}`,
            file,
            join(dir, "copy.xlsx"),
          ],
          dir,
        ),
      );
      for (const { command, args } of commandsFor(file, dir)) {
        const list = commandRuns.get(command) ?? [];
        list.push(timeProcess([ENTRY, ...args], dir));
        commandRuns.set(command, list);
      }
    }
    const exceljsMs = median(exceljsRuns.map((r) => r.ms));
    const commands: CliCommandTiming[] = [...commandRuns].map(([command, runs]) => {
      const ms = median(runs.map((r) => r.ms));
      return {
        command,
        medianMs: round(ms),
        runsMs: runs.map((r) => round(r.ms)),
        vsExceljs: round(ms / exceljsMs, 2),
        peakRssMb: Math.max(...runs.map((r) => r.rssMb)),
      };
    });
    const total = commands.reduce((sum, c) => sum + c.medianMs, 0);
    return {
      rows: options.rows,
      runs: options.runs,
      commands,
      exceljs: {
        medianMs: round(exceljsMs),
        runsMs: exceljsRuns.map((r) => round(r.ms)),
        peakRssMb: Math.max(...exceljsRuns.map((r) => r.rssMb)),
      },
      vsExceljs: round(total / (commands.length * exceljsMs), 2),
      ...(options.rows100k ? await at100k(dir) : { peakRssMbAt100k: null, at100k: [] }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each command once on a 100,000-row tracker: its time and peak resident memory, and the largest
 * peak among them. A command that fails (out of memory) is reported, not allowed to stop the run.
 */
async function at100k(dir: string): Promise<Pick<CliResult, "peakRssMbAt100k" | "at100k">> {
  const file = join(dir, "tracker-100k.xlsx");
  await writeSampleWorkbook(
    generateSampleTracker({ children: 100_000, seed: 1, asOf: BENCH_AS_OF, messy: true }),
    file,
  );
  const runs = commandsFor(file, dir).map(({ command, args }) => {
    try {
      const run = timeProcess([ENTRY, ...args], dir);
      return { command, ms: round(run.ms), peakRssMb: run.rssMb };
    } catch (error) {
      const failure = String(error instanceof Error ? error.message : error).split("\n")[0] as string;
      return { command, ms: null, peakRssMb: null, failure };
    }
  });
  const peaks = runs.flatMap((r) => (r.peakRssMb === null ? [] : [r.peakRssMb]));
  return { peakRssMbAt100k: peaks.length === 0 ? null : Math.max(...peaks), at100k: runs };
}
