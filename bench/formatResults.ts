import { ENGINE_STAGES, STAGE_TITLES } from "./engineStages";
import type { BenchResults } from "./runBench";
import { SCALING_ALLOWANCE, stageScaling } from "./stageScaling";

const n = (value: number): string => Math.round(value).toLocaleString("en-GB");
const ms = (value: number): string => `${value < 100 ? value.toFixed(1) : n(value)} ms`;
const kb = (bytes: number): string => `${n(bytes / 1024)} KB`;
const verdict = (met: boolean): string => (met ? "target met" : "TARGET MISSED");

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  "),
  );
}

/** The benchmark's figures as the table `npm run bench` prints, each target beside its figure. */
export function formatResults(results: BenchResults): string {
  const lines: string[] = [];
  lines.push(
    `Benchmark (${results.mode}), ${results.when.slice(0, 10)}: ${results.machine.cpus} cores, node ${results.machine.node}, ` +
      `load average ${results.machine.loadAverage.join(" / ")} (a shared machine: medians, not best times)`,
    "",
    "Engine (median of 5 runs after a warm-up; rows are Joint Tracker rows, the other sheets in proportion)",
  );
  lines.push(
    ...table([
      ["rows", "data", ...ENGINE_STAGES, "all stages", "rows/s", "engine heap", "peak RSS"],
      ...results.engine.map((e) => [
        n(e.rows),
        e.messy ? "messy" : "clean",
        ...ENGINE_STAGES.map((stage) => ms(e.stages.find((s) => s.stage === stage)?.medianMs ?? 0)),
        ms(e.medianMs),
        n(e.rowsPerSecond),
        `${n(e.heapUsedByEngineMb)} MB`,
        `${n(e.peakRssMb)} MB`,
      ]),
    ]),
  );
  lines.push(`  stages: ${ENGINE_STAGES.map((s) => `${s} = ${STAGE_TITLES[s]}`).join("; ")}`);
  const at = (rows: number) => results.engine.find((e) => e.rows === rows && e.messy);
  const big = at(100_000);
  const mid = at(10_000);
  if (big && mid) {
    lines.push(
      `  100,000 rows: ${ms(big.medianMs)} (target under 1 s: ${verdict(big.medianMs < 1000)}); ` +
        `${(big.medianMs / (10 * mid.medianMs)).toFixed(2)}× ten times the 10,000-row time (target within 2×: ${verdict(big.medianMs <= 20 * mid.medianMs)})`,
    );
  }

  const scaling = stageScaling(results.engine);
  const [first] = scaling;
  if (first) {
    lines.push(
      `  ${n(first.fromRows)} to ${n(first.toRows)} rows, each stage's time ÷ linear (target within ${SCALING_ALLOWANCE}×, no quadratic work): ` +
        scaling.map((s) => `${s.stage} ${s.timesLinear.toFixed(2)}× (${verdict(s.met)})`).join(", "),
    );
  }

  const k = results.kernel;
  lines.push(
    "",
    "Working-day kernel (NETWORKDAYS with England & Wales bank holidays, random pairs up to 18 months apart)",
  );
  lines.push(
    ...table([
      ["implementation", "pairs/s", "ours ÷ theirs", "same answers"],
      ["ours (calendar prefix counts)", n(k.pairsPerSecond), "", ""],
      [
        "@formulajs/formulajs NETWORKDAYS",
        n(k.formulajs.pairsPerSecond),
        `${n(k.vsFormulajs)}×`,
        k.formulajs.agrees ? "yes" : "NO",
      ],
      "skipped" in k.numpy
        ? ["numpy.busday_count", "skipped", k.numpy.skipped, ""]
        : [
            "numpy.busday_count (vectorised)",
            n(k.numpy.pairsPerSecond),
            `${k.vsNumpy ?? 0}×`,
            k.numpy.agrees ? "yes" : "NO",
          ],
    ]),
  );
  lines.push(
    `  targets: at least 100× formulajs (${verdict(k.vsFormulajs >= 100)}), at least numpy (${
      k.vsNumpy === null ? "not measured" : verdict(k.vsNumpy >= 1)
    })`,
  );

  const c = results.cli;
  lines.push(
    "",
    `CLI on ${n(c.rows)} rows (.xlsx, messy; each command a fresh node process; median of ${c.runs})`,
  );
  lines.push(
    ...table([
      ["command", "time", "÷ exceljs read+write", "peak RSS"],
      ...c.commands.map((x) => [
        `tracker ${x.command}`,
        ms(x.medianMs),
        `${x.vsExceljs}×`,
        `${n(x.peakRssMb)} MB`,
      ]),
      ["exceljs read + write alone", ms(c.exceljs.medianMs), "1×", `${n(c.exceljs.peakRssMb)} MB`],
    ]),
  );
  lines.push(
    `  all four ÷ four exceljs read+writes: ${c.vsExceljs}× (target under 1.5×: ${verdict(c.vsExceljs < 1.5)}); ` +
      (c.peakRssMbAt100k === null
        ? "peak memory at 100,000 rows: full run only"
        : `peak memory at 100,000 rows: ${n(c.peakRssMbAt100k)} MB (target under 1 GB: ${verdict(c.peakRssMbAt100k < 1024)})`),
  );
  for (const r of c.at100k) {
    lines.push(
      r.failure === undefined
        ? `  ${r.command} at 100,000 rows: ${n((r.ms ?? 0) / 1000)} s, peak ${n(r.peakRssMb ?? 0)} MB`
        : `  ${r.command} at 100,000 rows FAILED: ${r.failure}`,
    );
  }

  lines.push("", "Office round trips (OfficeWorkbook over the counting fake of Excel)");
  lines.push(
    ...table([
      ["rows", "read syncs", "write syncs", "largest request", "refused writes"],
      ...results.office.syncCalls.map((o) => [
        n(o.rows),
        n(o.readSyncs),
        n(o.writeSyncs),
        kb(o.largestPayloadBytes),
        o.failedWrites.length === 0 ? "none" : o.failedWrites.join(" "),
      ]),
    ]),
  );
  const syncs = results.office.syncCalls;
  const constant = syncs.every(
    (o) => o.readSyncs === syncs[0]?.readSyncs && o.writeSyncs === syncs[0]?.writeSyncs,
  );
  const under = syncs.every((o) => o.largestPayloadBytes <= 4 * 1024 * 1024 && o.failedWrites.length === 0);
  lines.push(
    `  targets: syncs constant in rows (${verdict(constant)}), no request over 4 MB (${verdict(under)})`,
  );

  lines.push("", "Task-pane bundle (production build)");
  const b = results.bundle;
  lines.push(
    "skipped" in b
      ? `  ${b.skipped}`
      : `  ${b.files.map((f) => f.file).join(", ")}: ${kb(b.rawBytes)} raw, ${kb(b.gzipBytes)} gzipped (target under 500 KB gzipped: ${verdict(b.gzipBytes < 500 * 1024)})`,
  );
  return lines.join("\n");
}
