import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatIsoDate, parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../../engine/profile/defaultProfile";
import { normaliseHeader } from "../../engine/profile/TrackerProfile";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { DEFAULT_STANDARDS } from "../../engine/standards/defaultStandards";
import { writeSampleWorkbook } from "../../xlsx/writeSampleWorkbook";
import { main } from "../main";
import { captureIo } from "../../../test/support/captureIo";
import { simpleEvaluate, type Cell } from "../../../test/support/simpleEvaluation";

/*
 * `tracker status --json` on the built-in sample agrees, row by row, with the simple day-by-day
 * re-implementation of evaluation-semantics.md, for every default standard that re-implementation
 * covers: a start (the first present of its columns), an end or none, a limit, an exit. Standards
 * due `by` another, applying only to some rows, or with limit variants are covered by their own
 * boundary tests instead.
 */

const AS_OF = "2026-11-24";
const sample = generateSampleTracker({
  children: 300,
  seed: 4,
  asOf: parseIsoDate(AS_OF) as EpochDay,
  messy: false,
});

interface StatusItem {
  sheet: string;
  row: number;
  standard: string;
  status: string;
  deadline: string | null;
  elapsedWorkingDays: number | null;
  overdueWorkingDays: number | null;
}

/** A cell of the clean sample, read without the product's cell coercion: real dates or blanks. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (value instanceof Date) return { kind: "date", day: Math.floor(value.getTime() / 86_400_000) };
  return { kind: "invalid" };
}

const simpleStandards = DEFAULT_STANDARDS.filter(
  (s) =>
    s.enabled &&
    s.limit !== undefined &&
    s.by === undefined &&
    s.appliesWhen === undefined &&
    s.limitVariants.length === 0 &&
    s.endVariants.length === 0,
);

describe("tracker status --json on the sample", () => {
  it("agrees with a day-by-day re-implementation for every row of every simple standard", async () => {
    const input = path.join(mkdtempSync(path.join(tmpdir(), "status-sample-")), "clean.xlsx");
    await writeSampleWorkbook(sample, input);
    const io = captureIo();
    expect(await main(["status", input, "--as-of", AS_OF, "--json"], io)).toBe(0);
    const items = JSON.parse(io.stdout.join("\n")) as StatusItem[];
    const asOf = parseIsoDate(AS_OF) as number;

    let compared = 0;
    const disagreements: string[] = [];
    for (const standard of simpleStandards) {
      const spec = DEFAULT_PROFILE.sheets.find((s) => s.key === standard.sheet);
      const sheet = sample.sheets.find((s) => s.name === spec?.title);
      if (!spec || !sheet) continue;
      const header = (sheet.values[sheet.headerRow - 1] ?? []).map((h) => normaliseHeader(String(h ?? "")));
      const columnOf = (key: string): number =>
        header.indexOf(normaliseHeader(spec.columns.find((c) => c.key === key)?.title ?? key));
      const limit = standard.limit as { n: number; unit: "workingDays" | "days" | "weeks" | "months" };

      for (let r = sheet.headerRow; r < sheet.values.length; r++) {
        const values = sheet.values[r] ?? [];
        const cell = (key: string | undefined): Cell =>
          key === undefined ? { kind: "empty" } : cellOf(values[columnOf(key)]);
        const start = standard.start.map((key) => cell(key)).find((c) => c.kind !== "empty") ?? {
          kind: "empty",
        };
        const expected = simpleEvaluate(
          {
            n: limit.n,
            unit: limit.unit,
            amber: standard.amberWorkingDays,
            required: standard.startKind === "required",
            recurring: standard.end === undefined,
            earlyEndMet: standard.earlyEndMet,
          },
          start,
          cell(standard.end),
          cell(standard.exit),
          asOf,
        );
        const actual = items.find(
          (i) => i.sheet === sheet.name && i.row === r + 1 && i.standard === standard.id,
        );
        const want = {
          status: expected.status,
          deadline: expected.deadline === null ? null : formatIsoDate(expected.deadline),
          elapsedWorkingDays: expected.elapsed,
          overdueWorkingDays: expected.overdue,
        };
        const got = actual && {
          status: actual.status,
          deadline: actual.deadline,
          elapsedWorkingDays: actual.elapsedWorkingDays,
          overdueWorkingDays: actual.overdueWorkingDays,
        };
        compared++;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          disagreements.push(
            `${sheet.name} row ${r + 1} ${standard.id}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
          );
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Every simple standard was compared on every row of its sheet.
    expect(simpleStandards.length).toBeGreaterThanOrEqual(10);
    expect(compared).toBeGreaterThan(1000);
  });
});
