import { z } from "zod";
import { addCalendarMonths } from "../calendar/calendarMonths";
import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import type { SampleTracker } from "../sample/SampleTracker";
import { randomInteger, randomItem, seededRandom, type RandomSource } from "../sample/seededRandom";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import { cellOf, type TrackerRow } from "../tables/TrackerTable";
import { generateAdoptionTables } from "./generateAdoptionTables";
import { REFRESHED_COLUMNS } from "./proposeRefresh";
import { childKeyOf } from "./readSsda903Extract";

/**
 * A difference between a sample tracker and the extract written for it, planted as real systems
 * show them, so tests and the demo know exactly what refresh must find and how to classify it.
 */
export const PlantedDifference = z.object({
  kind: z.enum(["conflict", "fill", "new-child", "ceased"]),
  childId: z.string(),
  /** The tracker row (1-based); null for a child missing from the tracker. */
  row: z.number().int().positive().nullable(),
  /** The profile key of the cell that differs; null for a new child. */
  column: z.string().nullable(),
  /** The tracker's value as the user reads it (dd/MM/yyyy), null when the cell is empty. */
  tracker: z.string().nullable(),
  /** The system's value: a date as dd/MM/yyyy (for a new child, its date became looked after). */
  system: z.string(),
  /** For a child who left care: the SSDA903 reason (REC). */
  reason: z.string().optional(),
});
export type PlantedDifference = z.infer<typeof PlantedDifference>;

export interface Ssda903Sample {
  /**
   * header.csv, episodes.csv, reviews.csv, placed_adoption.csv, ad1.csv: the return's own column
   * names, dates dd/mm/yyyy, CRLF.
   */
  files: { name: string; text: string }[];
  planted: PlantedDifference[];
  /** Tracker rows left out of the extract (a planted tracker problem in a refreshed column, a duplicate ID). */
  rowsLeftOut: number[];
}

export interface Ssda903SampleOptions {
  asOf: EpochDay;
  seed?: number;
  /** How many of each planted difference (fewer when the tracker has too few suitable rows). Default 3. */
  each?: number;
}

interface SystemChildFacts {
  id: string;
  row: number | null;
  dob: EpochDay;
  bla: EpochDay;
  legalStatus: string;
  placementType: string;
  provider: string;
  placementStart: EpochDay;
  reviews: EpochDay[];
  exit?: EpochDay;
  reason?: string;
  /** The placement order's day, when the legal status became E1 after the period began (Family Finding). */
  e1From?: EpochDay;
}

/**
 * The SSDA903 extract a case system would give for a sample tracker: one Header row per child, one or
 * two Episodes per care period (a first placement ending X1 when the current placement began later),
 * the tracker's CLA reviews; then planted differences: a few conflicting dates, empty tracker cells
 * the system knows, children in care missing from the tracker, and children who left care.
 */
export function generateSsda903Extract(sample: SampleTracker, options: Ssda903SampleOptions): Ssda903Sample {
  const random = seededRandom((options.seed ?? 1) * 7919 + 903);
  const each = options.each ?? 3;
  const spec = profileSheet(DEFAULT_PROFILE, "jointTracker") as SheetSpec;
  const sheet = sample.sheets.find((s) => s.name === spec.title);
  const table = sheet
    ? mapTrackerTable(
        { name: sheet.name, values: sheet.values, merges: sheet.merges ?? [], protected: false },
        spec,
      ).table
    : undefined;
  const planted: PlantedDifference[] = [];
  if (!table) return { files: writeFiles([], random), planted, rowsLeftOut: [] };

  const touched = new Set<string>(["childId", ...REFRESHED_COLUMNS]);
  const plantedRows = new Set(
    sample.planted
      .filter((p) => p.sheet === spec.title && (p.column === null || touched.has(p.column)))
      .map((p) => p.row),
  );
  const idCount = new Map<string, number>();
  for (const row of table.rows) {
    const key = childKeyOf(String(cellOf(row, "childId") ?? ""));
    idCount.set(key, (idCount.get(key) ?? 0) + 1);
  }
  const children: SystemChildFacts[] = [];
  const rowsLeftOut: number[] = [];
  for (const row of table.rows) {
    const facts = factsOf(row);
    if (!facts || plantedRows.has(row.rowNumber) || (idCount.get(childKeyOf(facts.id)) ?? 0) > 1) {
      rowsLeftOut.push(row.rowNumber);
      continue;
    }
    children.push(facts);
  }

  // The Family Finding sheet's placement orders: the legal status turns E1 that day, as it does on
  // the case system, so the extract's episodes agree with the sheet's dates.
  const orders = placementOrdersOf(sample);
  for (const child of children) {
    const order = orders.get(childKeyOf(child.id));
    if (child.legalStatus === "E1" && order !== undefined && order > child.bla) child.e1From = order;
  }

  const open = children.filter((c) => c.exit === undefined);
  const pick = (from: SystemChildFacts[], test: (c: SystemChildFacts) => boolean): SystemChildFacts[] => {
    const chosen: SystemChildFacts[] = [];
    const candidates = from.filter(test);
    while (chosen.length < each && candidates.length > 0) {
      const at = randomInteger(random, 0, candidates.length - 1);
      chosen.push(...candidates.splice(at, 1));
    }
    return chosen;
  };
  const used = new Set<SystemChildFacts>();
  const free = (test: (c: SystemChildFacts) => boolean) => (c: SystemChildFacts) => !used.has(c) && test(c);

  // Conflicts: the 1st review a week later in the system than in the tracker.
  for (const child of pick(
    children,
    free((c) => c.reviews.length === 1 && (c.reviews[0] as EpochDay) + 7 <= (c.exit ?? options.asOf)),
  )) {
    used.add(child);
    const tracker = child.reviews[0] as EpochDay;
    child.reviews[0] = tracker + 7;
    planted.push(
      difference("conflict", child, "firstReview", formatUkDate(tracker), formatUkDate(tracker + 7)),
    );
  }
  // Fills: the system holds a 2nd review the tracker has not typed in yet.
  for (const child of pick(
    open,
    free((c) => c.reviews.length === 1 && addCalendarMonths(c.reviews[0] as EpochDay, 3) - 2 <= options.asOf),
  )) {
    used.add(child);
    const second = addCalendarMonths(child.reviews[0] as EpochDay, 3) - 2;
    child.reviews.push(second);
    planted.push(difference("fill", child, "secondReview", null, formatUkDate(second)));
  }
  // Children who left care: the system has the end of the period the tracker still shows open.
  for (const child of pick(
    open,
    free((c) => lastEvent(c) < options.asOf),
  )) {
    used.add(child);
    const exit = randomInteger(random, lastEvent(child) + 1, options.asOf);
    const reason = child.placementType.startsWith("A") ? "E11" : randomItem(random, ["E45", "E4A", "E13"]);
    child.exit = exit;
    child.reason = reason;
    planted.push({ ...difference("ceased", child, "permanenceAchieved", null, formatUkDate(exit)), reason });
  }
  // Children in care the tracker is missing.
  for (let n = 1; n <= each; n++) {
    const bla = options.asOf - randomInteger(random, 40, 300);
    const child: SystemChildFacts = {
      id: `C${900000 + n}`,
      row: null,
      dob: bla - randomInteger(random, 200, 5000),
      bla,
      legalStatus: randomItem(random, ["C1", "C2", "V2"]),
      placementType: randomItem(random, ["U4", "U6", "U3"]),
      provider: randomItem(random, ["PR1", "PR4"]),
      placementStart: bla,
      reviews: [bla + 20],
    };
    children.push(child);
    planted.push({
      kind: "new-child",
      childId: child.id,
      row: null,
      column: null,
      tracker: null,
      system: formatUkDate(bla),
    });
  }
  // The adoption tables from the Family Finding sheet, on their own random stream so that the other
  // files stay as they were.
  const adoption = generateAdoptionTables(
    sample,
    options.asOf,
    seededRandom((options.seed ?? 1) * 7919 + 9031),
  );
  return { files: [...writeFiles(children, random), ...adoption], planted, rowsLeftOut };
}

function difference(
  kind: PlantedDifference["kind"],
  child: SystemChildFacts,
  column: string,
  tracker: string | null,
  system: string,
): PlantedDifference {
  return { kind, childId: child.id, row: child.row, column, tracker, system };
}

function lastEvent(child: SystemChildFacts): EpochDay {
  return Math.max(child.bla, child.placementStart, ...child.reviews);
}

function factsOf(row: TrackerRow): SystemChildFacts | undefined {
  const day = (value: CellValue): EpochDay | undefined => {
    const read = coerceCellDate(value);
    return read.kind === "date" ? read.day : undefined;
  };
  const text = (value: CellValue): string => (typeof value === "string" ? value.trim() : "");
  const id = text(cellOf(row, "childId"));
  const dob = day(cellOf(row, "dateOfBirth"));
  const bla = day(cellOf(row, "becameLookedAfter"));
  if (id === "" || dob === undefined || bla === undefined) return undefined;
  const reviews = [cellOf(row, "firstReview"), cellOf(row, "secondReview"), cellOf(row, "latestReview")]
    .map(day)
    .filter((d): d is EpochDay => d !== undefined);
  const exit = day(cellOf(row, "permanenceAchieved"));
  const facts: SystemChildFacts = {
    id,
    row: row.rowNumber,
    dob,
    bla,
    legalStatus: text(cellOf(row, "legalStatus")),
    placementType: text(cellOf(row, "placementType")),
    provider: text(cellOf(row, "placementProvider")),
    placementStart: day(cellOf(row, "placementStart")) ?? bla,
    reviews,
  };
  if (exit !== undefined) {
    facts.exit = exit;
    facts.reason = facts.placementType.startsWith("A") ? "E11" : "E4A";
  }
  return facts;
}

const CRLF = "\r\n";

function writeFiles(
  children: readonly SystemChildFacts[],
  random: RandomSource,
): { name: string; text: string }[] {
  const d = formatUkDate;
  const header = [["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]];
  const episodes = [
    [
      "CHILD",
      "DECOM",
      "RNE",
      "LS",
      "CIN",
      "PLACE",
      "PLACE_PROVIDER",
      "DEC",
      "REC",
      "REASON_PLACE_CHANGE",
      "HOME_POST",
      "PL_POST",
      "URN",
    ],
  ];
  const reviews = [["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]];
  for (const c of children) {
    header.push([
      c.id,
      randomItem(random, ["1", "2"]),
      d(c.dob),
      randomItem(random, ["WBRI", "MWBC", "BAFR", "AOTH"]),
      "",
      "",
      "",
    ]);
    const end = c.exit === undefined ? "" : d(c.exit);
    const reason = c.reason ?? "";
    if (c.e1From !== undefined) {
      episodes.push(...episodesWithOrder(c, c.e1From));
    } else if (c.placementStart > c.bla) {
      // The first placement: an emergency foster placement, ended when the current one began.
      const first = c.placementType === "U6" ? "U3" : "U6";
      episodes.push([
        c.id,
        d(c.bla),
        "S",
        c.legalStatus,
        "N1",
        first,
        first === "U6" ? "PR1" : "",
        d(c.placementStart),
        "X1",
        "",
        "",
        "",
        "",
      ]);
      episodes.push([
        c.id,
        d(c.placementStart),
        "P",
        c.legalStatus,
        "N1",
        c.placementType,
        c.provider,
        end,
        reason,
        "CARPL",
        "",
        "",
        "",
      ]);
    } else {
      episodes.push([
        c.id,
        d(c.bla),
        "S",
        c.legalStatus,
        "N1",
        c.placementType,
        c.provider,
        end,
        reason,
        "",
        "",
        "",
        "",
      ]);
    }
    for (const review of c.reviews) reviews.push([c.id, d(c.dob), d(review), "PN1"]);
  }
  const csv = (rows: string[][]): string => rows.map((r) => r.join(",")).join(CRLF) + CRLF;
  return [
    { name: "header.csv", text: csv(header) },
    { name: "episodes.csv", text: csv(episodes) },
    { name: "reviews.csv", text: csv(reviews) },
  ];
}

/** Each child's placement order from the sample's Family Finding sheet, by child key. */
function placementOrdersOf(sample: SampleTracker): Map<string, EpochDay> {
  const spec = profileSheet(DEFAULT_PROFILE, "familyFinding") as SheetSpec;
  const sheet = sample.sheets.find((s) => s.name === spec.title);
  const orders = new Map<string, EpochDay>();
  if (!sheet) return orders;
  const snapshot = { name: sheet.name, values: sheet.values, merges: sheet.merges ?? [], protected: false };
  for (const row of mapTrackerTable(snapshot, spec).table?.rows ?? []) {
    const read = coerceCellDate(cellOf(row, "placementOrder"));
    const id = cellOf(row, "childId");
    if (read.kind === "date" && typeof id === "string") orders.set(childKeyOf(id), read.day);
  }
  return orders;
}

/**
 * The episodes of a care period whose legal status became E1 (a placement order) after it began: a
 * new episode each time the legal status or the placement changes (RNE L, P or B), the first
 * placement an emergency foster placement when the current one began later.
 */
function episodesWithOrder(c: SystemChildFacts, e1From: EpochDay): string[][] {
  const d = formatUkDate;
  const first = c.placementType === "U6" ? "U3" : "U6";
  const starts = [...new Set([c.bla, c.placementStart, e1From].filter((day) => day >= c.bla))].sort(
    (a, b) => a - b,
  );
  return starts.map((start, i) => {
    const placed = start >= c.placementStart;
    const ordered = start >= e1From;
    const placementChanged = start === c.placementStart && start > c.bla;
    const orderChanged = start === e1From && start > c.bla;
    const reasonNew = i === 0 ? "S" : placementChanged && orderChanged ? "B" : placementChanged ? "P" : "L";
    const next = starts[i + 1];
    const place = placed ? c.placementType : first;
    return [
      c.id,
      d(start),
      reasonNew,
      ordered ? "E1" : "C2",
      "N1",
      place,
      placed ? c.provider : first === "U6" ? "PR1" : "",
      next === undefined ? (c.exit === undefined ? "" : d(c.exit)) : d(next),
      next === undefined ? (c.reason ?? "") : "X1",
      placementChanged ? "CARPL" : "",
      "",
      "",
      "",
    ];
  });
}
