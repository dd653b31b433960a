import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../engine/cells/CellValue";
import { formatIsoDate, parseIsoDate, utcDateFromEpochDay, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import type { ChangeSet } from "../engine/port/ChangeSet";
import type { WorkbookPort } from "../engine/port/WorkbookPort";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { seededRandom, randomInteger } from "../engine/sample/seededRandom";
import { summaryJson } from "../engine/summary/summaryJson";
import { cellAddress } from "../engine/tables/cellAddress";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { agendaTracker } from "./agendaTracker";
import { checkTracker, writeDataQualitySheet } from "./checkTracker";
import { readTrackerHistory } from "./recordTrackerHistory";
import { readTracker } from "./readTracker";
import { summaryTracker, writeSummarySheets } from "./summaryTracker";

/*
 * Issue 21's "done when": one tracker lived through a year of four-weekly surgeries. Before each,
 * the latest review, PPM and supervisory visit are typed over the one before (as staff do); then a
 * job runs. At the end the Tracker history holds every date the tracker ever showed, and the
 * summary's recurring figures equal those counted by hand, below, from the full list of dates.
 */

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;
const FIRST_RUN = day("2025-01-06");
/** Four-weekly: two dates of one row are always at least 28 days apart, so each is seen. */
const RUNS = Array.from({ length: 14 }, (_, k) => FIRST_RUN + 28 * k);
const LAST_RUN = RUNS[RUNS.length - 1] as EpochDay;

interface Child {
  id: string;
  bla: EpochDay;
  reviews: EpochDay[];
  ppms: EpochDay[];
}
interface Household {
  id: string;
  approval: EpochDay;
  visits: EpochDay[];
}

/** Every event of each row, for the whole year: what the tracker shows at any day is cut from it. */
function schedule(): { children: Child[]; households: Household[] } {
  const random = seededRandom(21);
  const between = (a: number, b: number): number => randomInteger(random, a, b);
  // Most became looked after just before the add-in's first run; two have been in care for years,
  // and one household approved for years, so the first run finds latest dates already overwritten.
  const children = Array.from({ length: 10 }, (_, n): Child => {
    const bla = FIRST_RUN - (n < 2 ? between(400, 700) : between(1, 10));
    const reviews = [bla + between(20, 35)];
    reviews.push((reviews[0] as number) + between(80, 100));
    while ((reviews.at(-1) as number) < LAST_RUN)
      reviews.push((reviews.at(-1) as number) + between(150, 200));
    const ppms = [bla + between(5, 15)];
    while ((ppms.at(-1) as number) < LAST_RUN) ppms.push((ppms.at(-1) as number) + between(28, 60));
    return { id: `C${100 + n}`, bla, reviews, ppms };
  });
  const households = Array.from({ length: 5 }, (_, n): Household => {
    const approval = FIRST_RUN - (n < 1 ? between(400, 700) : between(1, 10));
    const visits = [approval + between(28, 56)];
    while ((visits.at(-1) as number) < LAST_RUN) visits.push((visits.at(-1) as number) + between(28, 56));
    return { id: `H${200 + n}`, approval, visits };
  });
  return { children, households };
}
const { children, households } = schedule();
const upTo = (dates: readonly EpochDay[], on: EpochDay): EpochDay[] => dates.filter((d) => d <= on);
const dateCell = (d: EpochDay | undefined): CellValue => (d === undefined ? null : utcDateFromEpochDay(d));

const JOINT = [
  "Child ID",
  "Date became looked after",
  "1st CLA review",
  "2nd CLA review",
  "Latest CLA review",
  "1st PPM",
  "Latest PPM",
  "Team",
];
const SUPPORT = [
  "Household ID",
  "Approval date",
  "Approved places",
  "Children placed",
  "Last supervisory visit",
];

/** The tracker's cells as they stood on a day: only the latest of each kind of date. */
function jointRow(c: Child, on: EpochDay): CellValue[] {
  const reviews = upTo(c.reviews, on);
  const ppms = upTo(c.ppms, on);
  return [
    c.id,
    dateCell(c.bla),
    dateCell(reviews[0]),
    dateCell(reviews[1]),
    dateCell(reviews.length >= 3 ? reviews.at(-1) : undefined),
    dateCell(ppms[0]),
    dateCell(ppms.length >= 2 ? ppms.at(-1) : undefined),
    "North",
  ];
}
function supportRow(h: Household, on: EpochDay): CellValue[] {
  return [h.id, dateCell(h.approval), 2, 1, dateCell(upTo(h.visits, on).at(-1))];
}

function initialSheets(): { name: string; values: CellValue[][] }[] {
  return [
    { name: "Joint Tracker", values: [JOINT, ...children.map((c) => jointRow(c, FIRST_RUN))] },
    { name: "Fostering Support", values: [SUPPORT, ...households.map((h) => supportRow(h, FIRST_RUN))] },
  ];
}

/** Types the day's dates over the cells, as a user would: a change set through the port. */
async function typeOver(port: WorkbookPort, on: EpochDay): Promise<void> {
  const changes: ChangeSet["changes"] = [];
  for (const sheet of initialSheets()) {
    const current = (await port.readSheet(sheet.name)).values;
    const wanted =
      sheet.name === "Joint Tracker"
        ? [JOINT, ...children.map((c) => jointRow(c, on))]
        : [SUPPORT, ...households.map((h) => supportRow(h, on))];
    wanted.forEach((row, r) =>
      row.forEach((value, c) => {
        const old = current[r]?.[c] ?? null;
        const same =
          old instanceof Date && value instanceof Date ? old.getTime() === value.getTime() : old === value;
        if (!same)
          changes.push({
            sheet: sheet.name,
            cell: cellAddress(r + 1, c + 1),
            old,
            new: value,
            numberFormat: "dd/mm/yyyy",
            rule: "typed",
          });
      }),
    );
  }
  const report = await port.applyChanges({ id: `typed-${on}`, description: "typed", changes });
  expect(report.skipped).toEqual([]);
}

/** A different job each month: every job that writes records the history. */
async function runJob(port: WorkbookPort, k: number, on: EpochDay): Promise<void> {
  if (k % 3 === 0) {
    await writeDataQualitySheet(port, await checkTracker(port, { asOf: on }));
  } else if (k % 3 === 1) {
    const request = {
      surgery: "joint-tracking",
      date: on,
      asOf: on,
      names: false,
      all: true,
      generatedAt: "",
    } as const;
    expect((await agendaTracker(port, request)).kind).toBe("written");
  } else {
    const month = formatIsoDate(on).slice(0, 7);
    await writeSummarySheets(port, await summaryTracker(port, { month, asOf: on }));
  }
}

// ---- the figures counted by hand from the full lists (evaluation-semantics.md, "Occurrences") ----

const addDays = (d: number, n: number): number => d + n;
function addMonths(d: number, n: number): number {
  const date = new Date(d * 86_400_000);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + n;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return Date.UTC(Math.floor(total / 12), total % 12, Math.min(date.getUTCDate(), last)) / 86_400_000;
}
const LIMITS: Record<string, (d: number) => number> = {
  "cla-review-next": (d) => addMonths(d, 6),
  "ppm-cycle": (d) => addDays(d, 42),
  "fc-annual-review": (d) => addMonths(d, 12),
  "fc-unannounced-visit": (d) => addMonths(d, 12),
  "fc-supervision": (d) => addDays(d, 42),
  "fc-dbs": (d) => addMonths(d, 36),
};
/** Each row's full history for a standard: what happened, not what the tracker kept. */
function listsOf(standard: string, asOf: EpochDay): EpochDay[][] {
  switch (standard) {
    case "cla-review-next":
      return children
        .map((c) => upTo(c.reviews, asOf))
        .filter((r) => r.length >= 2)
        .map((r) => r.slice(1));
    case "ppm-cycle":
      return children.map((c) => upTo(c.ppms, asOf));
    case "fc-supervision":
      return households.map((h) => [h.approval, ...upTo(h.visits, asOf)]);
    case "fc-annual-review":
    case "fc-unannounced-visit":
      return households.map((h) => [h.approval]);
    default:
      return [];
  }
}
function expectedRecurring(asOf: EpochDay, months: readonly string[]) {
  const rows: {
    standard: string;
    month: string;
    cohort: number;
    onTime: number;
    late: number;
    covered: boolean;
  }[] = [];
  for (const standard of Object.keys(LIMITS)) {
    const limit = LIMITS[standard] as (d: number) => number;
    const counted: { month: string; met: boolean }[] = [];
    for (const list of listsOf(standard, asOf)) {
      list.forEach((start, k) => {
        const deadline = limit(start);
        const next = list[k + 1];
        if (next !== undefined ? deadline <= asOf : deadline < asOf)
          counted.push({
            month: formatIsoDate(deadline).slice(0, 7),
            met: next !== undefined && next <= deadline,
          });
      });
    }
    const coverage = limit(FIRST_RUN);
    for (const month of months) {
      const here = counted.filter((c) => c.month === month);
      const onTime = here.filter((c) => c.met).length;
      const lastDay = addMonths(day(`${month}-01`), 1) - 1;
      rows.push({
        standard,
        month,
        cohort: here.length,
        onTime,
        late: here.length - onTime,
        covered: lastDay >= coverage,
      });
    }
  }
  return rows;
}
const byKey = <T extends { standard: string; month: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => `${a.standard} ${a.month}`.localeCompare(`${b.standard} ${b.month}`));

/** What the history can hold: the dates from the one the first run saw on, from the `from`-th of the list. */
function seenDates(list: readonly EpochDay[], from: number): EpochDay[] {
  const atFirstRun = upTo(list, FIRST_RUN).at(-1) ?? -Infinity;
  return upTo(list, LAST_RUN)
    .slice(from)
    .filter((d) => d >= atFirstRun);
}

async function checkEnd(port: WorkbookPort): Promise<void> {
  const profile = DEFAULT_PROFILE;
  const { tables } = await readTracker(port, profile);
  const history = await readTrackerHistory(port, tables, profile);
  expect(history.issues).toEqual([]);
  for (const c of children) {
    expect(history.index.datesOf("jointTracker", c.id, "latestPpm")).toEqual(seenDates(c.ppms, 1));
    expect(history.index.datesOf("jointTracker", c.id, "latestReview")).toEqual(seenDates(c.reviews, 2));
  }
  for (const h of households)
    expect(history.index.datesOf("fosteringSupport", h.id, "lastSupervisoryVisit")).toEqual(
      seenDates(h.visits, 0),
    );

  const month = formatIsoDate(LAST_RUN).slice(0, 7);
  const { figures } = await summaryTracker(port, { month, asOf: LAST_RUN });
  const json = summaryJson(figures);
  const months = figures.months.map((m) => m.period.key);
  // Where the history covers a month, its figures are the true ones; before, the month says so.
  const expected = expectedRecurring(LAST_RUN, months);
  expect(byKey(json.recurring).map((r) => [r.standard, r.month, r.covered])).toEqual(
    byKey(expected).map((r) => [r.standard, r.month, r.covered]),
  );
  expect(byKey(json.recurring.filter((r) => r.covered))).toEqual(byKey(expected.filter((r) => r.covered)));
  expect(json.recurring.filter((r) => r.covered).length).toBeGreaterThan(30);
  // The figures mean something: some occurrences on time, some late, in covered months.
  const covered = json.recurring.filter((r) => r.covered && r.standard === "ppm-cycle");
  expect(covered.reduce((n, r) => n + r.onTime, 0)).toBeGreaterThan(0);
  expect(covered.reduce((n, r) => n + r.late, 0)).toBeGreaterThan(0);
  // PPMs held: every PPM date of the year, by month.
  const ppms = children.flatMap((c) => upTo(c.ppms, LAST_RUN));
  expect(figures.months.map((m) => m.ppmsHeld)).toEqual(
    months.map((m) => ppms.filter((d) => formatIsoDate(d).startsWith(m)).length),
  );
}

describe("a year of surgeries with the latest dates typed over", () => {
  it("keeps every date in the Tracker history of a workbook in memory, and counts recurring standards from them", async () => {
    const port = new MemoryWorkbook(initialSheets());
    for (const [k, on] of RUNS.entries()) {
      await typeOver(port, on);
      await runJob(port, k, on);
    }
    expect((await port.listSheets()).find((s) => s.name === "Tracker history")?.visibility).toBe("hidden");
    await checkEnd(port);
  });

  it("does the same through .xlsx files, saved and opened again each month", async () => {
    const folder = mkdtempSync(join(tmpdir(), "history-"));
    const workbook = new ExcelJS.Workbook();
    for (const sheet of initialSheets()) workbook.addWorksheet(sheet.name).addRows(sheet.values);
    let file = join(folder, "tracker-0.xlsx");
    await workbook.xlsx.writeFile(file);
    for (const [k, on] of RUNS.entries()) {
      const port = await XlsxWorkbook.load(file);
      await typeOver(port, on);
      await runJob(port, k, on);
      file = join(folder, `tracker-${k + 1}.xlsx`);
      await port.save(file);
    }
    await checkEnd(await XlsxWorkbook.load(file));
  });

  it("appends nothing when the tracker has not changed since the last run", async () => {
    const port = new MemoryWorkbook(initialSheets());
    await runJob(port, 0, FIRST_RUN);
    const before = (await port.readSheet("Tracker history")).values.length;
    await runJob(port, 3, FIRST_RUN + 7);
    expect((await port.readSheet("Tracker history")).values.length).toBe(before);
  });
});
