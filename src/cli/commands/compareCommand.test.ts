import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { captureIo } from "../../../test/support/captureIo";
import { plantFirstPpmShares } from "../../engine/compare/compareFixtures";
import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { generateSampleTracker } from "../../engine/sample/generateSampleTracker";
import { writeSampleWorkbook } from "../../xlsx/writeSampleWorkbook";
import { main } from "../main";

/*
 * Trackers generated in code with a known 1st PPM timeliness: the evaluation report's Leybridge
 * figures, 12% of 1st PPMs within 10 working days of becoming looked after before joint tracking and
 * 33% after, on 800 children (about 70 a half-year, the size of one authority's cohort), and the
 * same tracker with 12% in both periods.
 */

const AS_OF = "2026-01-15";
const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;
const BEFORE = "2024-07..2024-12";
const AFTER = "2025-03..2025-08";

let dir: string;
let improved: string;
let unchanged: string;

async function planted(file: string, beforeShare: number, afterShare: number, seed: number): Promise<void> {
  const sample = generateSampleTracker({ children: 800, seed: 11, asOf: day(AS_OF), messy: false });
  const tracker = plantFirstPpmShares(
    sample,
    [
      { first: day("2024-07-01"), last: day("2024-12-31"), share: beforeShare },
      { first: day("2025-03-01"), last: day("2025-08-31"), share: afterShare },
    ],
    day(AS_OF),
    seed,
  );
  await writeSampleWorkbook(tracker, file);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-compare-"));
  improved = path.join(dir, "improved.xlsx");
  unchanged = path.join(dir, "unchanged.xlsx");
  await planted(improved, 0.12, 0.33, 3);
  await planted(unchanged, 0.12, 0.12, 3);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonShare {
  standard: string;
  before: { onTime: number; cohort: number; noInformation: number };
  after: { onTime: number; cohort: number; noInformation: number };
  p: number;
  verdict: string;
  words: string;
}
interface JsonMeasure {
  measure: string;
  p: number;
  verdict: string;
  words: string;
}
interface CompareJson {
  asOf: string;
  before: { period: string; first: string; last: string };
  standards: JsonShare[];
  measures: JsonMeasure[];
}

async function compareJson(file: string): Promise<CompareJson> {
  const io = captureIo();
  expect(
    await main(["compare", file, "--before", BEFORE, "--after", AFTER, "--as-of", AS_OF, "--json"], io),
  ).toBe(0);
  return JSON.parse(io.stdout.join("\n")) as CompareJson;
}

describe("tracker compare", () => {
  it("reports the planted rise of 1st PPMs within 10 working days from about 12% to 33% as a significant improvement", async () => {
    const json = await compareJson(improved);
    const ppm = json.standards.find((s) => s.standard === "ppm-first");
    expect(ppm?.before.cohort).toBeGreaterThanOrEqual(50);
    expect(ppm?.after.cohort).toBeGreaterThanOrEqual(50);
    const before = (ppm?.before.onTime ?? 0) / (ppm?.before.cohort ?? 1);
    const after = (ppm?.after.onTime ?? 0) / (ppm?.after.cohort ?? 1);
    expect(before).toBeGreaterThan(0.05);
    expect(before).toBeLessThan(0.2);
    expect(after).toBeGreaterThan(0.25);
    expect(after).toBeLessThan(0.42);
    expect(ppm?.p).toBeLessThan(0.05);
    expect(ppm?.verdict).toBe("significant improvement");
    expect(ppm?.words).toMatch(/^A significant improvement \(Fisher's exact test p [=<] 0\.0\d+\)/);
    const days = json.measures.find((m) => m.measure === "bla-to-1st-ppm");
    expect(days?.verdict).toBe("significant improvement");
  });

  it("reports the same tracker with 12% in both periods as no significant change", async () => {
    const json = await compareJson(unchanged);
    const ppm = json.standards.find((s) => s.standard === "ppm-first");
    expect(ppm?.p).toBeGreaterThanOrEqual(0.05);
    expect(ppm?.verdict).toBe("no significant change");
    expect(ppm?.words).not.toMatch(/\bsignificant improvement|significant worsening/);
    expect(json.measures.find((m) => m.measure === "bla-to-1st-ppm")?.verdict).toBe("no significant change");
  });

  it("never calls a change significant at p = 0.05 or above", async () => {
    for (const file of [improved, unchanged]) {
      const json = await compareJson(file);
      for (const line of [...json.standards, ...json.measures]) {
        if (line.verdict.startsWith("significant")) expect(line.p).toBeLessThan(0.05);
        else expect(line.words).not.toMatch(/A significant/);
      }
    }
  });

  it("prints what can be concluded for each standard and measure, and writes the comparison sheet with its charts into a copy", async () => {
    const io = captureIo();
    const out = path.join(dir, "compared.xlsx");
    const code = await main(
      ["compare", improved, "--before", BEFORE, "--after", AFTER, "--as-of", AS_OF, "--out", out],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toBe(
      "Before and after: Jul 2024–Dec 2024 compared with Mar 2025–Aug 2025, as at 15/01/2026 (standards: default)",
    );
    expect(io.stdout.find((l) => l.startsWith("  1st permanency planning meeting: "))).toMatch(
      /A significant improvement/,
    );
    expect(io.stdout.at(-1)).toMatch(
      /^wrote “Compare 2024-07–12 v 2025-03–08” in .*compared\.xlsx with \d+ native charts$/,
    );
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThan(10);
    const first = await zip.file(charts[0] as string)?.async("string");
    expect(first).toContain('<c:errValType val="cust"/>');
  });
});

describe("tracker compare on a sample with a Tracker history", () => {
  let sample: string;
  beforeAll(async () => {
    sample = path.join(dir, "with-history.xlsx");
    // As `tracker sample` makes it: the add-in run monthly for the two years to 15/01/2026, the
    // first run on 15/01/2024, the case system's reviews from a year before that.
    const tracker = generateSampleTracker({
      children: 300,
      seed: 5,
      asOf: day(AS_OF),
      messy: false,
      history: true,
    });
    await writeSampleWorkbook(tracker, sample);
  }, 60_000);

  const run = async (...extra: string[]) => {
    const io = captureIo();
    const code = await main(
      ["compare", sample, "--before", BEFORE, "--after", AFTER, "--as-of", AS_OF, ...extra],
      io,
    );
    expect(code).toBe(0);
    return io;
  };

  it("compares the recurring standards the history covers, counted as the summary counts their months, and says from when it covers the others", async () => {
    const json = JSON.parse((await run("--json")).stdout.join("\n")) as {
      standards: { standard: string }[];
      recurring: (JsonShare & {
        historyFrom: string | null;
        before: { covered: boolean };
        after: { covered: boolean };
      })[];
      notes: string[];
    };
    const reviews = json.recurring.find((r) => r.standard === "cla-review-next");
    expect(reviews).toMatchObject({ before: { covered: true }, after: { covered: true } });
    expect(reviews?.p).toBeGreaterThan(0);
    expect(json.standards.some((s) => s.standard === "cla-review-next")).toBe(false);

    // The same occurrences as `tracker summary --json` counts in the months of each period.
    const summaryIo = captureIo();
    expect(await main(["summary", sample, "--month", "2025-08", "--as-of", AS_OF, "--json"], summaryIo)).toBe(
      0,
    );
    const months = (
      JSON.parse(summaryIo.stdout.join("\n")) as {
        recurring: { standard: string; month: string; cohort: number; onTime: number }[];
      }
    ).recurring.filter((m) => m.standard === "cla-review-next" && m.month >= "2025-03");
    expect(months).toHaveLength(6);
    expect(reviews?.after.cohort).toBe(months.reduce((n, m) => n + m.cohort, 0));
    expect(reviews?.after.onTime).toBe(months.reduce((n, m) => n + m.onTime, 0));

    // The foster carer review is annual: the history covers it from one year after the first run.
    expect(json.recurring.find((r) => r.standard === "fc-annual-review")).toMatchObject({
      historyFrom: "2025-01-15",
      before: { covered: false },
      after: { covered: true },
      p: null,
      verdict: "no history",
    });
    expect(json.notes.filter((n) => n.includes("occurrences are not independent"))).toHaveLength(1);
  });

  it("prints a recurring standard's line as the other standards', or from when the history covers it", async () => {
    const { stdout, stderr } = await run();
    expect(stderr).toEqual([]);
    expect(stdout.find((l) => l.startsWith("  Next CLA review: "))).toMatch(
      /^ {2}Next CLA review: .*\d+% on time \(\d+ of \d+ occurrences\) in Jul 2024–Dec 2024, \d+% on time \(\d+ of \d+ occurrences\) in Mar 2025–Aug 2025/,
    );
    expect(stdout).toContain(
      "  Foster carer review: Not compared: the Tracker history only covers it from 15/01/2025, and " +
        "Jul 2024–Dec 2024 starts before that (the add-in records the dates the tracker overwrites each " +
        "time it runs in Excel, and each time a tracker command writes a copy with --out, so the history " +
        "builds up from then).",
    );
    expect(stdout.filter((l) => l.includes("not independent"))).toHaveLength(1);
  });
});

describe("tracker compare refuses bad input with one line, exit 2, and writes nothing", () => {
  it.each([
    ["overlapping periods", ["--before", "2025-01..2025-06", "--after", "2025-06..2025-12"], /overlap/],
    [
      "reversed periods",
      ["--before", "2025-07..2025-12", "--after", "2025-01..2025-06"],
      /comes after --after/,
    ],
    [
      "a period whose months are reversed",
      ["--before", "2025-06..2025-01", "--after", "2025-07..2025-12"],
      /is reversed/,
    ],
    [
      "a period in the future",
      ["--before", "2025-07..2025-12", "--after", "2026-02..2026-06"],
      /in the future/,
    ],
    ["a period with no rows", ["--before", "1999-01..1999-06", "--after", "2025-03..2025-08"], /has no rows/],
    [
      "a month in another form",
      ["--before", "2025/01-2025/06", "--after", "2025-07..2025-12"],
      /must be months such as 2025-01\.\.2025-06/,
    ],
    [
      "a month name",
      ["--before", "Jan 2025..Jun 2025", "--after", "2025-07..2025-12"],
      /must be months such as/,
    ],
    ["a missing period", ["--before", "2025-01..2025-06"], /--after YYYY-MM\.\.YYYY-MM is required/],
  ])("%s", async (_, periods, message) => {
    const io = captureIo();
    const out = path.join(dir, "never.xlsx");
    expect(await main(["compare", improved, ...periods, "--as-of", AS_OF, "--out", out], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(message);
    expect(io.stdout).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
