import { spawnSync } from "node:child_process";
import path from "node:path";

/*
 * The layers are kept by ESLint (eslint.config.mjs): these lines, linted as if they stood in the
 * named files, show the rules catch what they are there to catch. ESLint loads its config with a
 * dynamic import, which Jest's module sandbox refuses, so the probes are linted in a child process.
 */
const ROOT = path.join(__dirname, "..");

interface Probe {
  file: string;
  code: string;
}

const LINT_PROBES = `
const { ESLint } = require("eslint");
const path = require("node:path");
(async () => {
  const probes = JSON.parse(process.argv[1]);
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const probe of probes) {
    const [result] = await eslint.lintText(probe.code, { filePath: path.resolve(probe.file) });
    out.push(result.messages.filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function layerErrors(probes: readonly Probe[]): string[][] {
  const run = spawnSync(process.execPath, ["-e", LINT_PROBES, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const fromJobs = 'export { checkTracker } from "../../jobs/checkTracker";\n';
const fromXlsx = 'export { XlsxWorkbook } from "../xlsx/XlsxWorkbook";\n';
const fromBelow =
  'export { checkTracker } from "../jobs/checkTracker";\nexport { runChecks } from "../engine/checks/runChecks";\n';

describe("the layers, as lint keeps them", () => {
  it("refuse the engine the jobs, and a job an adapter; let a job's test and an adapter import below them", () => {
    const [engine, job, jobTest, adapter] = layerErrors([
      { file: "src/engine/checks/layerProbe.ts", code: fromJobs },
      { file: "src/jobs/layerProbe.ts", code: fromXlsx },
      { file: "src/jobs/layerProbe.test.ts", code: fromXlsx },
      { file: "src/cli/layerProbe.ts", code: fromBelow },
    ]);
    expect(engine).toEqual([expect.stringMatching(/The engine is pure/)]);
    expect(job).toEqual([expect.stringMatching(/Jobs work over the WorkbookPort/)]);
    expect(jobTest).toEqual([]);
    expect(adapter).toEqual([]);
  });
});
