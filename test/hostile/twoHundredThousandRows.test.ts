import { join } from "node:path";
import { STATUS_BLOCK_MARKER } from "../../src/engine/status/StatusColumnsModel";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { AS_OF, fileHash, runCommand, unhandled, type CommandRun } from "../support/hostileRun";
import { hostileFolder, sizeCases } from "../support/hostileWorkbooks";

/*
 * The issue's 200,000-row tracker, end to end through the same in-process runner as the rest of the
 * corpus. The sheet is read by streaming its XML: about 6 s and 0.4 GB for check, about 10 s for
 * status --json on a two-core machine (these runs share one process, so their memory adds up). The
 * fixture is streamed too, so writing it takes a few seconds.
 */
const ROWS = 200_000;
const LAST_ROW = ROWS + 1;
jest.setTimeout(300_000);

const folder = hostileFolder("rows200k");
let path = "";
let before = "";

beforeAll(async () => {
  // A date that does not exist in the very last row: finding it shows every row was read.
  path = await sizeCases.manyRows(join(folder, "rows200k.xlsx"), ROWS, {
    "Date became looked after": "31/02/2024",
  });
  before = fileHash(path);
});

function expectHandled(run: CommandRun): void {
  expect(unhandled([run])).toEqual([]);
  expect(fileHash(path)).toBe(before);
}

describe(`a tracker of ${ROWS.toLocaleString("en-GB")} rows`, () => {
  it("is checked to its last row, and the file is left as it was", async () => {
    const run = await runCommand(["check", path, "--as-of", AS_OF, "--json"]);
    expectHandled(run);
    expect(run.code).toBe(1);
    const { issues } = JSON.parse(run.stdout) as { issues: { row?: number; cell?: string; code: string }[] };
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["DATE-INVALID", `D${LAST_ROW}`]]);
  });

  it("is evaluated row by row as JSON, every one of the 200,000 rows", async () => {
    const run = await runCommand(["status", path, "--as-of", AS_OF, "--json"]);
    expectHandled(run);
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { row: number; standard: string; status: string }[];
    const rows = new Set(items.map((i) => i.row));
    expect(rows.size).toBe(ROWS);
    // No spreading 200,000 values into Math.min: that is the very stack overflow this file is about.
    const sorted = [...rows].sort((a, b) => a - b);
    expect([sorted[0], sorted[sorted.length - 1]]).toEqual([2, LAST_ROW]);
    // The first review counts from the date became looked after, which the last row does not have.
    const firstReview = (row: number): string | undefined =>
      items.find((i) => i.row === row && i.standard === "cla-review-1")?.status;
    expect([firstReview(2), firstReview(LAST_ROW)]).toEqual(["overdue", "cannot assess"]);
  });

  // 100,000 lines for one worker once overflowed V8's argument limit in the text report (exit 70).
  it("prints the status of every row as text", async () => {
    const run = await runCommand(["status", path, "--as-of", AS_OF]);
    expectHandled(run);
    expect(run.stdout).toMatch(new RegExp(`across ${ROWS} rows`));
  });

  it("gets status columns beside every row in a copy, and the user's cells stay as they were", async () => {
    const out = join(folder, "rows200k-status.xlsx");
    const run = await runCommand(["status", path, "--as-of", AS_OF, "--status-columns", "--out", out]);
    expectHandled(run);
    expect(run.code).toBe(0);
    const [before, after] = await Promise.all([XlsxWorkbook.load(path), XlsxWorkbook.load(out)]);
    const original = (await before.readSheet("Joint Tracker")).values;
    const copy = (await after.readSheet("Joint Tracker")).values;
    expect(copy).toHaveLength(original.length);
    expect(copy[0]?.slice(0, 10)).toEqual([...(original[0] ?? []), STATUS_BLOCK_MARKER]);
    // The last row's own cells, its empty ones read as blanks now that cells follow them.
    const last = original[LAST_ROW - 1] ?? [];
    expect(copy[LAST_ROW - 1]?.slice(0, 9)).toEqual([...last, ...Array<null>(9 - last.length).fill(null)]);
    expect(copy[LAST_ROW - 1]?.[9]).toEqual(expect.any(String));
  });
});
