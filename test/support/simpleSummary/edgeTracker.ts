import type { CellValue } from "../../../src/engine/cells/CellValue";
import { formatUkDate } from "../../../src/engine/dates/epochDay";
import { indexHistory, type HistoryIndex } from "../../../src/engine/history/HistoryIndex";
import type { RecordedEntry } from "../../../src/engine/history/TrackerHistory";
import { DEFAULT_PROFILE } from "../../../src/engine/profile/defaultProfile";
import { randomInteger, seededRandom, type RandomSource } from "../../../src/engine/sample/seededRandom";
import type { TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { table } from "../summaryFixtures";

/*
 * A tracker of awkward rows for the summary cross-check, where the sample tracker is mostly tidy:
 * dates typed after as-of, impossible dates, placeholders, ends before starts, unreadable exit
 * dates, counts typed as text or as nonsense, repeated and blank IDs, and a Tracker history with
 * dates that go backwards and reviews from the case system. Each date is near the one it follows,
 * so most rows still count somewhere.
 */

const pick = <T>(random: RandomSource, items: readonly T[]): T =>
  items[randomInteger(random, 0, items.length - 1)] as T;

/** A date cell near `day`: usually the date as UK text, sometimes blank, a placeholder or not a date. */
function dateCell(random: RandomSource, day: number, blank = 0.25): CellValue {
  const r = random();
  if (r < blank) return null;
  if (r < blank + 0.05) return pick(random, ["TBC", "n/a", " - "]);
  if (r < blank + 0.09) return pick(random, ["31/02/2025", "2025-13-01", "next week"]);
  return formatUkDate(day);
}

const COUNTS: readonly CellValue[] = [0, 1, 2, 3, "2", " 1 ", "", null, "two", -1, 1.5, true];

export interface EdgeTracker {
  tables: TrackerTable[];
  history: HistoryIndex;
}

export function edgeTracker(seed: number, asOf: number, rows = 600): EdgeTracker {
  const random = seededRandom(seed);
  const near = (day: number, from: number, to: number): number => day + randomInteger(random, from, to);
  const id = (prefix: string, i: number): CellValue =>
    random() < 0.03 ? null : random() < 0.05 ? `${prefix}${i - 1}` : random() < 0.05 ? i : ` ${prefix}${i} `;
  const joint: Record<string, CellValue>[] = [];
  const recruitment: Record<string, CellValue>[] = [];
  const support: Record<string, CellValue>[] = [];
  for (let i = 0; i < rows; i++) {
    const bla = near(asOf, -720, 30);
    const review1 = near(bla, 5, 40);
    const review2 = near(review1, 60, 140);
    const ppm1 = near(bla, -5, 90);
    joint.push({
      childId: id("C", i),
      becameLookedAfter: dateCell(random, bla, 0.02),
      firstReview: dateCell(random, review1),
      secondReview: dateCell(random, review2, 0.35),
      latestReview: dateCell(random, near(review2, 0, 400)),
      firstPpm: dateCell(random, ppm1),
      latestPpm: dateCell(random, near(ppm1, 0, 300)),
      planAgreed: dateCell(random, near(bla, 20, 200), 0.4),
      permanenceAchieved: dateCell(random, near(bla, 60, 900), 0.7),
      team: pick(random, ["North", "South", " North ", "", null, 7]),
      socialWorker: pick(random, ["Ann", "Bob", "Eve", null]),
      placementType: pick(random, ["U4", "U5", "U6", "u4", "K2", "", null, "Q9"]),
      placementProvider: pick(random, ["PR1", "PR4", "PR5", "PR0", "pr1", "", null, "agency"]),
      placementsLast12Months: pick(random, COUNTS),
    });
    const enquiry = near(asOf, -700, 20);
    const application = near(enquiry, 20, 120);
    recruitment.push({
      householdId: id("R", i),
      enquiry: dateCell(random, enquiry, 0.05),
      ihv: dateCell(random, near(enquiry, -3, 40)),
      application: dateCell(random, application, 0.3),
      panel: dateCell(random, near(application, -10, 400), 0.4),
    });
    const approval = near(asOf, -1500, 20);
    support.push({
      householdId: id("F", i),
      approvalDate: dateCell(random, approval, 0.05),
      deregistered: dateCell(random, near(approval, 100, 1600), 0.75),
      lastAnnualReview: dateCell(random, near(asOf, -500, 10)),
      lastUnannouncedVisit: dateCell(random, near(asOf, -500, 10)),
      lastSupervisoryVisit: dateCell(random, near(asOf, -90, 10)),
      lastDbs: dateCell(random, near(asOf, -1200, 10)),
      approvedPlaces: pick(random, COUNTS),
      childrenPlaced: pick(random, COUNTS),
      vacantPlaces: pick(random, COUNTS),
      notAvailablePlaces: pick(random, COUNTS),
    });
  }
  const tables = [
    table("jointTracker", joint),
    table("recruitment", recruitment),
    table("fosteringSupport", support),
  ];

  // A history kept monthly for a year: each row's anchor dates seen once each, some seen going back.
  const entries: RecordedEntry[] = [];
  const record = (
    sheet: "jointTracker" | "fosteringSupport",
    idText: string,
    column: string,
    date: number,
  ): void => {
    const source = column === "latestReview" && random() < 0.2 ? "case system" : "tracker";
    entries.push({
      sheet,
      id: idText,
      column,
      date,
      seen: near(date, 0, 30),
      source,
      row: entries.length + 2,
    });
  };
  for (let i = 0; i < rows; i += 2) {
    for (const [column, step] of [
      ["latestPpm", 42],
      ["latestReview", 182],
    ] as const) {
      let date = near(asOf, -400, -200);
      while (date < asOf + 20) {
        record("jointTracker", `C${i}`, column, date);
        if (random() < 0.05) record("jointTracker", `C${i}`, column, date - 3);
        date = near(date, step - 10, step + 15);
      }
    }
    let visit = near(asOf, -300, -200);
    while (visit < asOf) {
      record("fosteringSupport", `F${i}`, "lastSupervisoryVisit", visit);
      visit = near(visit, 30, 50);
    }
  }
  const history = indexHistory(entries, tables, DEFAULT_PROFILE, "Tracker history");
  return { tables, history };
}
