import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleBetween } from "../../../test/support/simpleEvaluation";
import { captureIo } from "../../../test/support/captureIo";
import { main } from "../main";

/*
 * `tracker summary --json` carries the adoption scorecard and the matching measures: checked against
 * figures computed here, independently, from the generated workbook's cells (ExcelJS, plain day
 * arithmetic, working days counted day by day), not through the engine.
 */

const DAY = 86_400_000;
const AS_OF = "2025-04-10";
const MONTH = "2025-03";

let dir: string;
let samplePath: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-scorecard-"));
  samplePath = path.join(dir, "sample.xlsx");
  const io = captureIo();
  const args = ["sample", "--rows", "1500", "--seed", "11", "--as-of", AS_OF, "--clean", "--out", samplePath];
  expect(await main(args, io)).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, unknown>;

/** A sheet's rows as records by header text. */
async function sheetRows(name: string): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(samplePath);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no ${name} sheet`);
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, c) => (headers[c] = String(cell.value)));
  const rows: Row[] = [];
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const record: Row = {};
    headers.forEach((h, c) => (record[h] = row.getCell(c).value));
    rows.push(record);
  });
  return rows;
}

/** Days since 1970 of a date cell, or null. */
const dayOf = (value: unknown): number | null =>
  value instanceof Date ? Math.round(value.getTime() / DAY) : null;
const iso = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const asOf = iso(AS_OF);
const held = (value: unknown): number | null => {
  const d = dayOf(value);
  return d !== null && d <= asOf ? d : null;
};

const mean = (values: number[]) =>
  values.length === 0
    ? { children: 0, averageDays: null }
    : { children: values.length, averageDays: Math.round(values.reduce((a, b) => a + b, 0) / values.length) };

const median = (values: number[]) => {
  if (values.length === 0) return { median: null, mean: null, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle =
    sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const total = sorted.reduce((a, b) => a + b, 0);
  return { median: middle, mean: Math.round((total / sorted.length) * 10) / 10, n: sorted.length };
};

describe("tracker summary --json: the adoption scorecard and the matching measures", () => {
  it("carries A1, A2, A10, the waiting children, matches per month and the three matching measures", async () => {
    const io = captureIo();
    expect(await main(["summary", samplePath, "--month", MONTH, "--as-of", AS_OF, "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout.join("\n")) as {
      adoptionScorecard: {
        thresholds: unknown;
        twelveMonths: { a1: unknown; a2: unknown; a10: unknown };
        financialYear: { period: string; a1: unknown; a2: unknown; a10: unknown };
        waiting: unknown;
        matchesByMonth: { month: string; adoption: number; longTermFostering: number }[];
        quarters: { period: string; first: string; last: string }[];
      };
      matchingWorkingDays: unknown;
    };

    const joint = await sheetRows("Joint Tracker");
    const familyFinding = await sheetRows("Family Finding");
    // Each child's date became looked after: the open Joint Tracker row, else the latest episode.
    const blaOf = new Map<string, { bla: number; open: boolean }>();
    for (const r of joint) {
      const id = String(r["Child ID"]).trim().toUpperCase();
      const bla = dayOf(r["Date became looked after"]);
      if (bla === null) continue;
      const open = r["Date permanence achieved or ceased"] == null;
      const before = blaOf.get(id);
      if (!before || (open && !before.open) || (open === before.open && bla > before.bla))
        blaOf.set(id, { bla, open });
    }

    const window = (first: number, last: number) => {
      const a1: number[] = [];
      const a10: number[] = [];
      const a2: number[] = [];
      for (const r of familyFinding) {
        if (r.Plan !== "Adoption") continue;
        const bla = blaOf.get(String(r["Child ID"]).trim().toUpperCase())?.bla ?? null;
        const placed = held(r["Placement date"]);
        if (bla !== null && placed !== null && placed >= first && placed <= last && placed >= bla) {
          a1.push(placed - bla);
          const fosterCarers =
            r["Adopted by foster carers"] === "Yes" || ["A3", "A5"].includes(String(r["Adoption placement"]));
          const fosterStart = held(r["Foster placement start"]);
          a10.push((fosterCarers && fosterStart !== null ? fosterStart : placed) - bla);
        }
        const order = held(r["Placement order"]);
        const match = held(r.ADM);
        if (order !== null && match !== null) {
          const when = Math.max(order, match);
          if (when >= first && when <= last) a2.push(Math.max(0, match - order));
        }
      }
      return { a1: mean(a1), a2: mean(a2), a10: mean(a10) };
    };
    const twelve = window(iso("2024-04-01"), iso("2025-03-31"));
    expect(json.adoptionScorecard.twelveMonths).toMatchObject(twelve);
    expect(json.adoptionScorecard.financialYear).toMatchObject({ period: "2024/25", ...twelve });
    expect(json.adoptionScorecard.thresholds).toEqual({ a1Days: 426, a2Days: 121 });
    // The chart's 8 quarters, April–June 2023 to January–March 2025, each counted as the 12 months are.
    const quarters = json.adoptionScorecard.quarters;
    expect(quarters.map((q) => q.first)).toEqual(
      Array.from({ length: 8 }, (_, i) => new Date(Date.UTC(2023, 3 + 3 * i, 1)).toISOString().slice(0, 10)),
    );
    for (const q of quarters) expect(q).toMatchObject(window(iso(q.first), iso(q.last)));
    // The sample is meant to fill the block: placements and matches in the year, some early.
    expect((twelve.a1 as { children: number }).children).toBeGreaterThan(3);
    expect((twelve.a2 as { children: number }).children).toBeGreaterThan(3);

    let waiting = 0;
    let longest: number | null = null;
    for (const r of familyFinding) {
      if (r.Plan !== "Adoption") continue;
      const decided = held(r["Should be placed decision"]);
      if (decided === null) continue;
      const reversed = held(r["Decision reversed"]);
      if (reversed !== null && reversed >= decided) continue;
      if (held(r.ADM) !== null || held(r["Date closed"]) !== null) continue;
      waiting++;
      longest = Math.max(longest ?? 0, asOf - decided);
    }
    expect(json.adoptionScorecard.waiting).toMatchObject({ children: waiting, longestWaitDays: longest });
    expect(waiting).toBeGreaterThan(0);

    const months = json.adoptionScorecard.matchesByMonth;
    // April 2024 to March 2025, the 12 months to the summary's month.
    const twelveMonths = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(2024, 3 + i, 1)).toISOString().slice(0, 7),
    );
    expect(months.map((m) => m.month)).toEqual(twelveMonths);
    for (const m of months) {
      const [y, mo] = m.month.split("-").map(Number) as [number, number];
      const first = Math.round(Date.UTC(y, mo - 1, 1) / DAY);
      const last = Math.round(Date.UTC(y, mo, 0) / DAY);
      const inMonth = familyFinding.filter((r) => {
        const match = held(r.ADM);
        return match !== null && match >= first && match <= last;
      });
      expect(m).toEqual({
        month: m.month,
        adoption: inMonth.filter((r) => r.Plan === "Adoption").length,
        longTermFostering: inMonth.filter((r) => r.Plan !== "Adoption").length,
      });
    }

    const gaps = (from: string, to: string) => {
      const values: number[] = [];
      for (const r of joint) {
        const a = held(r[from]);
        const b = held(r[to]);
        if (a === null || b === null || b < a || b < iso("2024-04-01") || b > iso("2025-03-31")) continue;
        values.push(simpleBetween(a, b));
      }
      return median(values);
    };
    expect(json.matchingWorkingDays).toEqual({
      blaToIroEndorsement: gaps("Date became looked after", "Date IRO endorsed long-term fostering"),
      endorsementToPanel: gaps("Date IRO endorsed long-term fostering", "Date match presented to panel"),
      panelToAdm: gaps("Date match presented to panel", "Date ADM agreed match"),
    });
  }, 60_000);
});

describe("tracker summary without --json", () => {
  it("prints the scorecard in one line beside the other figures", async () => {
    const io = captureIo();
    expect(await main(["summary", samplePath, "--month", MONTH, "--as-of", AS_OF], io)).toBe(0);
    expect(io.stdout.find((l) => l.includes("Adoption scorecard"))).toMatch(
      /^ {2}Adoption scorecard, 12 months to March 2025: A1 (\d+ days \(\d+\)|–) against 426, A2 (\d+ days \(\d+\)|–) against 121, A10 .*; \d+ waiting for a match/,
    );
  }, 30_000);
});
