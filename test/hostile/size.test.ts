import { join } from "node:path";
import { AS_OF, fileHash, runCommand, unhandled } from "../support/hostileRun";
import { hostileFolder, sizeCases } from "../support/hostileWorkbooks";

const folder = hostileFolder("size");
jest.setTimeout(120_000);

/*
 * 20,000 rows keeps this file within seconds on a shared two-core machine; the 200,000 rows
 * run end to end in twoHundredThousandRows.test.ts (over a minute). The engine's own scale test
 * covers 100,000 rows.
 */
const MANY_ROWS = 20_000;

describe("big and far-flung sheets", () => {
  it("reads a tracker with a stray value in XFD1048576 without reading a million empty rows into a crash", async () => {
    const path = await sizeCases.farCorner(join(folder, "corner.xlsx"));
    const before = fileHash(path);
    // Only status: each command reads all 1,048,576 rows again, which takes seconds apiece.
    const runs = [await runCommand(["status", path, "--as-of", AS_OF])];
    expect(unhandled(runs)).toEqual([]);
    // The stray cell's row is read as a fourth row, with its dates to check: a partial but honest result.
    expect(runs[0]?.stdout).toMatch(/across 4 rows/);
    expect(fileHash(path)).toBe(before);
  });

  it("reads a tracker 5,000 columns wide and says which columns it leaves alone", async () => {
    const path = await sizeCases.manyColumns(join(folder, "wide.xlsx"));
    const runs = [
      await runCommand(["check", path, "--as-of", AS_OF]),
      await runCommand(["status", path, "--as-of", AS_OF]),
    ];
    expect(unhandled(runs)).toEqual([]);
    expect(runs[0]?.stdout).toMatch(/4991 columns are not used by the add-in and kept as they are/);
    expect(runs[1]?.stdout).toMatch(/across 3 rows/);
  });

  it(`checks and evaluates ${MANY_ROWS.toLocaleString("en-GB")} rows`, async () => {
    const path = await sizeCases.manyRows(join(folder, "long.xlsx"), MANY_ROWS);
    const status = await runCommand(["status", path, "--as-of", AS_OF]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`across ${MANY_ROWS} rows`));
  });
});
