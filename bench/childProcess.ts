import { measureEngine } from "./engineProcess";
import { measureOffice } from "./officeBench";

/**
 * One measurement in a node process of its own, so that each size's peak memory is its own and one
 * size's garbage does not slow the next: `engine <rows> <clean|messy> <runs>` or `office <rows>`.
 * Prints the figures as one line of JSON.
 */
async function main(): Promise<void> {
  const [kind, rows, messy, runs] = process.argv.slice(2);
  const result =
    kind === "engine"
      ? measureEngine(Number(rows), messy === "messy", Number(runs))
      : await measureOffice(Number(rows));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
