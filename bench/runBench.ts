import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import type { EngineRun } from "./BenchResults";
import { benchBundle, type BundleResult } from "./bundleBench";
import { benchCli, type CliResult } from "./cliBench";
import { benchKernel, type KernelResult } from "./kernelBench";
import type { OfficeRoundTrips } from "./officeBench";
import { formatResults } from "./formatResults";
import { stageScaling } from "./stageScaling";

export interface BenchResults {
  when: string;
  mode: "quick" | "full";
  machine: { cpus: number; node: string; loadAverage: number[] };
  kernel: KernelResult;
  engine: EngineRun[];
  cli: CliResult;
  office: { syncCalls: OfficeRoundTrips[] };
  bundle: BundleResult | { skipped: string };
}

const ROOT = join(__dirname, "..", "..", "..", "..");
const CHILD = join(__dirname, "childProcess.js");
const RUNS = 5;

/** Runs one measurement in its own node process (see childProcess.ts) and parses its JSON line. */
function child<T>(args: readonly string[]): T {
  const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", CHILD, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error(`bench ${args.join(" ")} failed: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as T;
}

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== "--quick" && a !== "--json" && a !== "--check");
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown option ${unknown.join(" ")} (options: --quick, --json, --check)\n`);
    process.exitCode = 2;
    return;
  }
  const quick = argv.includes("--quick");
  const json = argv.includes("--json");
  const say = (text: string): void => {
    if (!json) process.stderr.write(`${text}\n`);
  };
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const kinds = quick ? ["messy"] : ["clean", "messy"];

  say("working-day kernel against formulajs and numpy...");
  const kernel = benchKernel({ quick, runs: RUNS });
  const engine: EngineRun[] = [];
  for (const rows of sizes) {
    for (const kind of kinds) {
      say(`engine, ${rows.toLocaleString("en-GB")} rows, ${kind}...`);
      engine.push(child<EngineRun>(["engine", String(rows), kind, String(RUNS)]));
    }
  }
  const syncCalls: OfficeRoundTrips[] = [];
  for (const rows of sizes) {
    say(`Office round trips, ${rows.toLocaleString("en-GB")} rows...`);
    syncCalls.push(child<OfficeRoundTrips>(["office", String(rows)]));
  }
  say("the CLI on 10,000 rows against exceljs alone...");
  const cli = await benchCli({ rows: 10_000, runs: quick ? 1 : 3, rows100k: !quick });
  say("the task-pane bundle...");
  const bundle = benchBundle(ROOT);

  const results: BenchResults = {
    when: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: { cpus: cpus().length, node: process.version, loadAverage: loadAverage() },
    kernel,
    engine,
    cli,
    office: { syncCalls },
    bundle,
  };
  // Written as prettier writes it, so that `npm run lint` stays clean after every run.
  const resultsFile = join(ROOT, "bench", "results.json");
  const style = (await resolveConfig(resultsFile)) ?? {};
  writeFileSync(resultsFile, await format(JSON.stringify(results), { ...style, parser: "json" }));
  process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : `${formatResults(results)}\n`);
  // --check (CI): a stage that grows faster than linear fails the run; the other targets are printed only.
  const superLinear = stageScaling(engine).filter((s) => !s.met);
  if (argv.includes("--check") && superLinear.length > 0) {
    const named = superLinear.map((s) => `${s.stage} ${s.timesLinear}× linear`).join(", ");
    process.stderr.write(`bench: stages grow faster than linear with rows: ${named}\n`);
    process.exitCode = 1;
  }
}

/** The machine is shared: the load average says how far to trust the times. */
function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 10) / 10);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
