import { join } from "node:path";
import { fileHash, runEveryCommand, unhandled, type CommandRun } from "../support/hostileRun";
import { cellCases, hostileFolder } from "../support/hostileWorkbooks";

const folder = hostileFolder("cells");

async function runCase(name: keyof typeof cellCases): Promise<CommandRun[]> {
  const path = await cellCases[name](join(folder, `${name}.xlsx`));
  const before = fileHash(path);
  const runs = await runEveryCommand(path, folder);
  expect(unhandled(runs)).toEqual([]);
  expect(fileHash(path)).toBe(before);
  for (const run of runs) if (run.argv.includes("--out")) expect(run.out).toBeDefined();
  return runs;
}

interface Issue {
  cell: string;
  code: string;
}
const issuesOf = (runs: CommandRun[]): Issue[] =>
  (JSON.parse(runs[1]?.stdout ?? '{"issues":[]}') as { issues: Issue[] }).issues;

describe("cells in the tracker", () => {
  it("reads formulas by their results and names each error value's cell", async () => {
    const runs = await runCase("formulasAndErrors");
    const errors = issuesOf(runs).filter((i) => ["H2", "H3", "H4", "D7"].includes(i.cell));
    expect(errors.map((i) => i.cell).sort()).toEqual(["D7", "H2", "H3", "H4"]);
    // Shared formulas' cached dates are read as dates: no issue on G3:G5.
    expect(issuesOf(runs).filter((i) => /^G[2-5]$/.test(i.cell))).toEqual([]);
  });

  it("reads cells under data validation lists as their values", async () => {
    const runs = await runCase("validationLists");
    expect(runs[0]?.code).toBe(0);
  });

  it("flags each text date with its cell and reads the UK ones as dates", async () => {
    const runs = await runCase("textDates");
    const flagged = new Set(
      issuesOf(runs)
        .filter((i) => i.cell.startsWith("D"))
        .map((i) => i.cell),
    );
    // Every text date is a data-quality issue (a text date, a placeholder or an impossible date).
    expect(flagged.size).toBeGreaterThanOrEqual(13);
    expect(runs[2]?.stdout).toMatch(/cannot be assessed/);
  });

  it("carries every script and a 100,000-character note through every command", async () => {
    const runs = await runCase("scriptsAndHugeCells");
    const status = runs[2]?.stdout ?? "";
    expect(status).toContain("مريم الحسن");
    expect(status).toContain("Amara 🌈👧🏽 Okafor");
    expect(status).toContain("Zoë Łukasiewicz-Żółć");
  });
});
