import { createWorkingDayCalendar, type WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import { columnLetters } from "../tables/cellAddress";
import { addCalendarMonths } from "../calendar/calendarMonths";
import type { CellValue } from "../cells/CellValue";
import { utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import { CARER_TYPE, PERMANENCE_PLAN, PLO_OUTCOME, HOUSEHOLD_OUTCOME } from "../profile/codeLists";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import type { SheetKey, SheetSpec } from "../profile/TrackerProfile";
import type { PlantedProblem, SampleSheet, SampleTracker } from "./SampleTracker";
import { plantSampleProblems, type DraftSheet, type SampleRow } from "./plantSampleProblems";
import { generateSampleHistory } from "./sampleHistory";
import {
  ADULT_FIRST_NAMES,
  CONNECTED_RELATIONSHIPS,
  FIRST_NAMES,
  SURGERY_NOTES,
  SURNAMES,
  TEAMS,
} from "./sampleNames";
import {
  randomChance,
  randomInteger,
  randomItem,
  randomWeighted,
  seededRandom,
  type RandomSource,
} from "./seededRandom";

export interface SampleTrackerOptions {
  /** Rows of the Joint Tracker; the other sheets are sized from it. Default 1,000. */
  children?: number;
  /** The same seed always gives the same workbook. Default 1. */
  seed?: number;
  /** The day the tracker is "as at": no held event lies after it (planned next PPMs may). */
  asOf: EpochDay;
  /** Plant the problems real trackers have, each listed in `planted`. Default true. */
  messy?: boolean;
  /**
   * Write a Tracker history as if the add-in had run monthly for the two years to `asOf` (and
   * refreshed CLA reviews from the case system). Default false (benchmarks and most tests want the
   * tracker alone; `tracker sample` asks for it): without it the summary shows "no history" for
   * recurring standards.
   */
  history?: boolean;
}

/**
 * A realistic, deterministic tracker workbook of invented children and households: all six sheets of
 * the default profile, dates consistent with each other and mostly within the statutory timescales
 * (standards.md), so that every standard has rows met, met late, overdue and due soon at `asOf`.
 *
 * Dates are `Date` objects at UTC midnight, as exceljs reads real date cells. With `messy`, the
 * problems the evaluation report describes (text in date columns, PPMs dated before BLA...) are
 * planted, each recorded with its cell so tests know what the checks must find.
 *
 * @example generateSampleTracker({ children: 200, seed: 7, asOf: parseIsoDate("2026-11-24")!, messy: false })
 */
export function generateSampleTracker(options: SampleTrackerOptions): SampleTracker {
  const children = options.children ?? 1000;
  const seed = options.seed ?? 1;
  const messy = options.messy ?? true;
  if (!Number.isInteger(children) || children < 1)
    throw new RangeError("children must be a whole number ≥ 1");
  const random = seededRandom(seed);
  const world = createWorld(random, children, options.asOf);

  const cases = generateChildren(world, children);
  const recruitment = generateRecruitment(world, Math.round(children / 4));
  const drafts: DraftSheet[] = [
    draft(
      "jointTracker",
      cases.map((c) => c.row),
    ),
    draft("ploTracker", generatePlo(world, cases, Math.round(children * 0.15))),
    draft(
      "recruitment",
      recruitment.map((h) => h.row),
    ),
    draft("fosteringSupport", generateFosteringSupport(world, recruitment, Math.round(children / 4))),
    // Its own random stream: the family-finding caseload can change without reshuffling other sheets.
    draft(
      "familyFinding",
      generateFamilyFinding(world, seededRandom(seed * 7919 + 20), cases, Math.round(children * 0.1)),
      FAMILY_FINDING_LEFT_OUT,
    ),
    draft("connectedPersons", generateConnectedPersons(world, cases, Math.round(children * 0.08))),
  ];

  // Made before the problems are planted, from the true dates, with a random source of its own so
  // the tracker's sheets are the same with or without a history.
  const history =
    options.history !== true
      ? undefined
      : generateSampleHistory(cases, drafts[3]?.rows ?? [], {
          asOf: options.asOf,
          seed,
          calendar: world.calendar,
        });
  const planted = messy ? plantSampleProblems(drafts, random, options.asOf) : [];
  const sheets = drafts.map(assembleSheet);
  const sheetName = new Map(drafts.map((d) => [d.spec.key, d.spec.title]));
  const headerRowOf = new Map(sheets.map((s, i) => [drafts[i]?.spec.key, s.headerRow]));
  return {
    sheets,
    ...(history ? { history } : {}),
    planted: planted.map((p): PlantedProblem => ({
      sheet: sheetName.get(p.sheet) ?? p.sheet,
      row:
        p.place === "title"
          ? 1
          : p.place === "header"
            ? (headerRowOf.get(p.sheet) ?? 1)
            : (headerRowOf.get(p.sheet) ?? 1) + 1 + p.place,
      column: p.column,
      kind: p.kind,
      text: p.text,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The people and the calendar every sheet shares.

type WorkerRole = "children" | "fostering" | "familyFinding";

interface Worker {
  name: string;
  team: string;
  role: WorkerRole;
}

interface World {
  random: RandomSource;
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  workers: Worker[];
  managers: Map<string, string>;
  iros: string[];
}

function createWorld(random: RandomSource, children: number, asOf: EpochDay): World {
  const usedNames = new Set<string>();
  const adultName = (): string => {
    for (;;) {
      const name = `${randomItem(random, ADULT_FIRST_NAMES)} ${randomItem(random, SURNAMES)}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  // 20–40 workers: one children's social worker per 30 or so children, a fostering team and two
  // family finders (Team E holds fostering and family finding, as in many authorities).
  const count = Math.min(40, Math.max(20, Math.round(children / 30)));
  const fostering = Math.max(4, Math.round(count * 0.2));
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const role: WorkerRole = i < fostering ? "fostering" : i < fostering + 2 ? "familyFinding" : "children";
    const team = role === "children" ? (TEAMS[i % 4] as string) : (TEAMS[4] as string);
    workers.push({ name: adultName(), team, role });
  }
  const managers = new Map(TEAMS.map((team) => [team as string, adultName()]));
  const iros = Array.from({ length: 6 }, adultName);
  return { random, asOf, calendar: createWorkingDayCalendar(), workers, managers, iros };
}

function workerWith(world: World, role: WorkerRole): Worker {
  return randomItem(
    world.random,
    world.workers.filter((w) => w.role === role),
  );
}

/*
 * One `Date` per day, shared by every cell holding that day, as the .xlsx reader shares them
 * (src/xlsx/worksheetReader.ts): a large sample then holds a few thousand dates instead of a million
 * and a half, which is what a real tracker read from a file costs the engine's heap.
 */
const DATES_BY_DAY = new Map<EpochDay, Date>();
function date(day: EpochDay | undefined): CellValue {
  if (day === undefined) return null;
  let shared = DATES_BY_DAY.get(day);
  if (shared === undefined) {
    shared = utcDateFromEpochDay(day);
    DATES_BY_DAY.set(day, shared);
  }
  return shared;
}

/** The day if it has happened by `limit` (a held event cannot lie after the as-of or exit date). */
const by = (day: EpochDay | undefined, limit: EpochDay): EpochDay | undefined =>
  day !== undefined && day <= limit ? day : undefined;

const planLabel = (code: string): string => PERMANENCE_PLAN.codes.find((c) => c.code === code)?.label ?? code;
const codeLabel = (list: { codes: readonly { code: string; label: string }[] }, code: string): string =>
  list.codes.find((c) => c.code === code)?.label ?? code;

// ---------------------------------------------------------------------------------------------
// Joint Tracker: one child per row; siblings share a case (date looked after, worker, proceedings).

interface CaseFacts {
  bla: EpochDay;
  worker: Worker;
  surname: string;
  route: "proceedings" | "section20" | "remand";
  issued?: EpochDay;
  finalOrder?: EpochDay;
  exit?: EpochDay;
  siblingGroup?: string;
}

interface SampleChild {
  row: SampleRow;
  id: string;
  name: string;
  dob: EpochDay;
  bla: EpochDay;
  worker: Worker;
  plan: string;
  planAgreed?: EpochDay;
  placementType: string;
  placementStart: EpochDay;
  issued?: EpochDay;
  matchToPanel?: EpochDay;
  matchAdm?: EpochDay;
  legalStatus: string;
  /** The last day anything can have happened: the exit date, else the as-of date. */
  openEnd: EpochDay;
  exit?: EpochDay;
  /** Every CLA review and PPM held, oldest first (the tracker keeps the 1st, 2nd and latest). */
  reviews: EpochDay[];
  ppms: EpochDay[];
}

function generateCase(world: World, siblingGroups: { next: number }): CaseFacts {
  const { random, asOf } = world;
  // About one child in seven became looked after in the last four months, so the early standards
  // (1st and 2nd review, 1st PPM) have open rows not yet due, due soon and overdue at the as-of date.
  const bla = randomChance(random, 0.15)
    ? asOf - randomInteger(random, 1, 130)
    : asOf - randomInteger(random, 71, 5 * 365);
  const route = randomWeighted(random, [
    ["proceedings", 62],
    ["section20", 34],
    ["remand", 4],
  ] as const);
  const facts: CaseFacts = {
    bla,
    worker: workerWith(world, "children"),
    surname: randomItem(random, SURNAMES),
    route,
  };
  if (route === "proceedings") {
    // Proceedings are often issued just before the child is placed (an interim care order at the
    // first hearing), sometimes after a period under section 20.
    facts.issued = Math.min(asOf, bla + randomInteger(random, -20, 15));
    // 26 weeks beginning with the issue day ends on issue + 181 days; most cases still run over
    // (the national average is over 40 weeks).
    const length = randomChance(random, 0.45)
      ? randomInteger(random, 120, 181)
      : randomInteger(random, 182, 360);
    facts.finalOrder = by(facts.issued + length, asOf);
  }
  const daysInCare = asOf - bla;
  if (daysInCare > 120 && randomChance(random, Math.min(0.6, daysInCare / 1800))) {
    let exit = bla + randomInteger(random, 90, daysInCare);
    if (facts.finalOrder !== undefined)
      exit = Math.max(exit, facts.finalOrder + randomInteger(random, 14, 90));
    facts.exit = by(exit, asOf - 1);
  }
  if (randomChance(random, 0.25)) facts.siblingGroup = `SG${String(siblingGroups.next++).padStart(4, "0")}`;
  return facts;
}

function generateChildren(world: World, count: number): SampleChild[] {
  const { random } = world;
  const children: SampleChild[] = [];
  const siblingGroups = { next: 1 };
  let current = generateCase(world, siblingGroups);
  let inCase = 0;
  for (let i = 0; i < count; i++) {
    // A sibling group holds two or three children; everyone else is a case of one.
    const groupFull =
      current.siblingGroup === undefined
        ? inCase >= 1
        : inCase >= 2 || (inCase >= 1 && randomChance(random, 0.6));
    if (groupFull) {
      current = generateCase(world, siblingGroups);
      inCase = 0;
    }
    inCase++;
    children.push(generateChild(world, current, `C${100000 + i * 9 + randomInteger(random, 0, 8)}`));
  }
  return children;
}

function ageAtBla(random: RandomSource): number {
  return randomWeighted(random, [
    [0, 25],
    [randomInteger(random, 1, 4), 20],
    [randomInteger(random, 5, 9), 20],
    [randomInteger(random, 10, 15), 30],
    [randomInteger(random, 16, 17), 5],
  ]);
}

function choosePlan(random: RandomSource, age: number, route: CaseFacts["route"]): string {
  if (route === "remand")
    return randomWeighted(random, [
      ["RETURN_HOME", 60],
      ["OTHER", 40],
    ] as const);
  if (age < 5) {
    return randomWeighted(random, [
      ["ADOPTION", 35],
      ["LTF", 15],
      ["SGO", 20],
      ["CAO", 5],
      ["RETURN_HOME", 20],
      ["OTHER", 5],
    ] as const);
  }
  if (age < 13) {
    return randomWeighted(random, [
      ["LTF", 40],
      ["SGO", 20],
      ["RETURN_HOME", 25],
      ["CAO", 5],
      ["RESIDENTIAL", 5],
      ["OTHER", 5],
    ] as const);
  }
  return randomWeighted(random, [
    ["LTF", 40],
    ["RETURN_HOME", 20],
    ["RESIDENTIAL", 20],
    ["OTHER", 15],
    ["SGO", 5],
  ] as const);
}

function choosePlacement(
  random: RandomSource,
  plan: string,
  route: CaseFacts["route"],
  matched: boolean,
): string {
  if (route === "remand")
    return randomWeighted(random, [
      ["R5", 50],
      ["K1", 20],
      ["U6", 30],
    ] as const);
  switch (plan) {
    case "ADOPTION":
      return randomWeighted(random, [
        ["A4", 30],
        ["A3", 10],
        ["U5", 25],
        ["U6", 35],
      ] as const);
    case "LTF":
      return matched
        ? randomItem(random, ["U4", "U1"])
        : randomWeighted(random, [
            ["U4", 40],
            ["U6", 45],
            ["U1", 15],
          ] as const);
    case "SGO":
      return randomItem(random, ["U1", "U2", "U3"]);
    case "CAO":
      return randomItem(random, ["U3", "U6"]);
    case "RETURN_HOME":
      return randomWeighted(random, [
        ["P1", 45],
        ["U6", 45],
        ["U3", 10],
      ] as const);
    case "RESIDENTIAL":
      return randomWeighted(random, [
        ["K2", 60],
        ["R1", 20],
        ["S1", 10],
        ["K3", 10],
      ] as const);
    default:
      return randomWeighted(random, [
        ["U6", 50],
        ["K2", 20],
        ["K3", 15],
        ["Z11", 5],
        ["T4", 10],
      ] as const);
  }
}

function chooseProvider(random: RandomSource, placement: string): string | null {
  // In-house versus agency, as the evaluation report counts it: foster placements with PR1 or PR4/PR5.
  if (/^U[4-6]$/.test(placement))
    return randomWeighted(random, [
      ["PR1", 55],
      ["PR4", 40],
      ["PR5", 5],
    ] as const);
  if (/^U[1-3]$/.test(placement) || placement.startsWith("A")) return "PR1";
  if (placement === "P1") return "PR0";
  if (placement === "R5") return "PR3";
  if (placement.startsWith("T") || placement.startsWith("Z")) return null;
  return randomWeighted(random, [
    ["PR4", 70],
    ["PR1", 20],
    ["PR5", 10],
  ] as const);
}

function generateChild(world: World, facts: CaseFacts, id: string): SampleChild {
  const { random, calendar, asOf } = world;
  const { bla, exit } = facts;
  const openEnd = exit ?? asOf;
  const age = ageAtBla(random);
  // Born before the episode began and before any proceedings were issued about them.
  const dob = Math.min(bla, facts.issued ?? bla) - age * 365 - randomInteger(random, 1, 360);
  const name = `${randomItem(random, FIRST_NAMES)} ${facts.surname}`;

  // CLA reviews: 20 working days, then 3 months, then every 6 months (CPPCR reg 33).
  const firstReview = by(
    randomWeighted(random, [
      [calendar.addWorkingDays(bla, randomInteger(random, 8, 20)), 80],
      [calendar.addWorkingDays(bla, randomInteger(random, 21, 40)), 15],
      [undefined, 5],
    ]),
    openEnd,
  );
  let secondReview: EpochDay | undefined;
  let latestReview: EpochDay | undefined;
  // Every review and PPM held, not only those the tracker keeps: the sample's Tracker history.
  const reviews: EpochDay[] = [];
  const ppms: EpochDay[] = [];
  if (firstReview !== undefined) {
    const due = addCalendarMonths(firstReview, 3);
    secondReview = by(
      randomWeighted(random, [
        // Many reviews are booked for the last few days allowed.
        [due - randomInteger(random, 0, 3), 35],
        [due - randomInteger(random, 4, 20), 50],
        [due + randomInteger(random, 1, 40), 12],
        [undefined, 3],
      ]),
      openEnd,
    );
    reviews.push(firstReview);
    if (secondReview !== undefined) reviews.push(secondReview);
    let review = secondReview;
    while (review !== undefined && !randomChance(random, 0.02)) {
      const sixMonths = addCalendarMonths(review, 6);
      const next = randomChance(random, 0.1)
        ? sixMonths + randomInteger(random, 1, 45)
        : sixMonths - randomInteger(random, 0, 25);
      if (next > openEnd) break;
      review = next;
      reviews.push(review);
    }
    if (review !== undefined && review !== secondReview) latestReview = review;
  }

  // PPMs: the report's bands for the 1st (≤10, 11–30, 31–60, >60 working days), then six-weekly.
  const firstPpm = by(
    randomWeighted(random, [
      [calendar.addWorkingDays(bla, randomInteger(random, 2, 10)), 50],
      [calendar.addWorkingDays(bla, randomInteger(random, 11, 30)), 25],
      [calendar.addWorkingDays(bla, randomInteger(random, 31, 60)), 13],
      [calendar.addWorkingDays(bla, randomInteger(random, 61, 120)), 7],
      [undefined, 5],
    ]),
    openEnd,
  );
  let latestPpm: EpochDay | undefined;
  let nextPpm: EpochDay | undefined;
  if (firstPpm !== undefined) {
    let ppm = firstPpm;
    ppms.push(ppm);
    while (!randomChance(random, 0.005)) {
      const next =
        ppm + (randomChance(random, 0.88) ? randomInteger(random, 21, 42) : randomInteger(random, 43, 90));
      if (next > openEnd) break;
      ppm = next;
      ppms.push(ppm);
    }
    if (ppm !== firstPpm) latestPpm = ppm;
    if (exit === undefined && randomChance(random, 0.85)) nextPpm = ppm + randomInteger(random, 35, 42);
  }

  // The plan for permanence is due by the 2nd review (the review's date, or its deadline).
  const plan = choosePlan(random, age, facts.route);
  const planDue = secondReview ?? addCalendarMonths(firstReview ?? calendar.addWorkingDays(bla, 20), 3);
  const planAgreed = by(
    randomChance(random, 0.85)
      ? Math.max(bla + randomInteger(random, 10, 30), planDue - randomInteger(random, 0, 40))
      : planDue + randomInteger(random, 1, 60),
    openEnd,
  );
  const ltf = plan === "LTF" && planAgreed !== undefined;
  const iroEndorsed = ltf ? by(planAgreed + randomInteger(random, 7, 90), openEnd) : undefined;
  const matchToPanel =
    iroEndorsed !== undefined ? by(iroEndorsed + randomInteger(random, 30, 240), openEnd) : undefined;
  const matchAdm =
    matchToPanel !== undefined
      ? by(
          calendar.addWorkingDays(
            matchToPanel,
            randomChance(random, 0.85) ? randomInteger(random, 2, 7) : randomInteger(random, 8, 20),
          ),
          openEnd,
        )
      : undefined;

  const placementType = choosePlacement(
    random,
    planAgreed === undefined ? "OTHER" : plan,
    facts.route,
    matchAdm !== undefined,
  );
  const placementStart = randomChance(random, 0.5) ? bla : bla + randomInteger(random, 0, openEnd - bla);
  const legalStatus =
    facts.route === "section20"
      ? "V2"
      : facts.route === "remand"
        ? "J1"
        : facts.finalOrder === undefined
          ? "C1"
          : plan === "ADOPTION" && planAgreed !== undefined
            ? "E1"
            : "C2";

  const row: SampleRow = {
    childId: id,
    siblingGroup: facts.siblingGroup ?? null,
    childName: name,
    dateOfBirth: date(dob),
    legalStatus,
    becameLookedAfter: date(bla),
    socialWorker: facts.worker.name,
    team: facts.worker.team,
    teamManager: world.managers.get(facts.worker.team) ?? null,
    iro: randomItem(random, world.iros),
    firstReview: date(firstReview),
    secondReview: date(secondReview),
    latestReview: date(latestReview),
    firstPpm: date(firstPpm),
    latestPpm: date(latestPpm),
    nextPpm: date(nextPpm),
    permanencePlan:
      planAgreed === undefined
        ? randomChance(random, 0.5)
          ? planLabel("NOT_AGREED")
          : null
        : planLabel(plan),
    planAgreed: date(planAgreed),
    iroEndorsed: date(iroEndorsed),
    matchToPanel: date(matchToPanel),
    matchAdm: date(matchAdm),
    placementType,
    placementProvider: chooseProvider(random, placementType),
    placementStart: date(placementStart),
    placementsLast12Months: randomWeighted(random, [
      [1, 70],
      [2, 20],
      [3, 7],
      [randomInteger(random, 4, 6), 3],
    ]),
    proceedingsIssued: date(facts.issued),
    finalOrder: date(facts.finalOrder),
    permanenceAchieved: date(exit),
    notes: randomChance(random, 0.3) ? randomItem(random, SURGERY_NOTES) : null,
  };
  const child: SampleChild = {
    row,
    id,
    name,
    dob,
    bla,
    worker: facts.worker,
    plan,
    placementType,
    placementStart,
    legalStatus,
    openEnd,
    reviews,
    ppms,
  };
  if (planAgreed !== undefined) child.planAgreed = planAgreed;
  if (facts.issued !== undefined) child.issued = facts.issued;
  if (matchToPanel !== undefined) child.matchToPanel = matchToPanel;
  if (matchAdm !== undefined) child.matchAdm = matchAdm;
  if (exit !== undefined) child.exit = exit;
  return child;
}

// ---------------------------------------------------------------------------------------------
// PLO Tracker: pre-proceedings for children whose proceedings were issued, and for children
// accommodated under section 20 while the authority considers proceedings.

function generatePlo(world: World, children: readonly SampleChild[], count: number): SampleRow[] {
  const { random, asOf } = world;
  const chosen = children.filter(
    (c) => (c.issued !== undefined || c.legalStatus === "V2") && randomChance(random, 0.3),
  );
  const rows: SampleRow[] = [];
  for (const child of chosen) {
    if (rows.length >= count) break;
    let firstLpm: EpochDay;
    let finalLpm: EpochDay | undefined;
    let outcome: string | undefined;
    let outcomeDate: EpochDay | undefined;
    // 12 weeks from the first to the final legal planning meeting; a quarter run over.
    const lpmSpan = randomChance(random, 0.75)
      ? randomInteger(random, 40, 84)
      : randomInteger(random, 85, 150);
    if (child.issued !== undefined) {
      finalLpm = child.issued - randomInteger(random, 3, 20);
      firstLpm = finalLpm - lpmSpan;
      outcome = "ISSUE";
      outcomeDate = child.issued;
    } else {
      firstLpm = child.bla + randomInteger(random, 14, Math.max(14, asOf - child.bla));
      finalLpm = by(firstLpm + lpmSpan, asOf);
      if (finalLpm !== undefined) {
        outcome = randomWeighted(random, [
          ["STEP_DOWN", 60],
          ["EXTENDED", 25],
          ["ISSUE", 15],
        ] as const);
        outcomeDate = outcome === "EXTENDED" ? undefined : finalLpm;
      }
    }
    if (firstLpm <= child.dob || firstLpm > asOf) continue;
    const meeting = by(firstLpm + randomInteger(random, 5, 15), asOf);
    const reviewLpm =
      meeting !== undefined && finalLpm !== undefined && finalLpm - meeting > 20
        ? meeting + Math.floor((finalLpm - meeting) / 2)
        : undefined;
    rows.push({
      childId: child.id,
      childName: child.name,
      socialWorker: child.worker.name,
      team: child.worker.team,
      firstLpm: date(firstLpm),
      preProceedingsMeeting: date(meeting),
      reviewLpm: date(reviewLpm),
      finalLpm: date(finalLpm),
      ploOutcome: outcome === undefined ? null : codeLabel(PLO_OUTCOME, outcome),
      outcomeDate: date(outcomeDate),
      proceedingsIssued: date(outcome === "ISSUE" ? outcomeDate : undefined),
      notes: null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Recruitment & Assessment: fostering enquiries over three years, through to approval or not.

interface Applicants {
  row: SampleRow;
  id: string;
  name: string;
  approved?: EpochDay;
}

function householdName(random: RandomSource): string {
  const surname = randomItem(random, SURNAMES);
  return randomChance(random, 0.6)
    ? `${randomItem(random, ADULT_FIRST_NAMES)} and ${randomItem(random, ADULT_FIRST_NAMES)} ${surname}`
    : `${randomItem(random, ADULT_FIRST_NAMES)} ${surname}`;
}

function generateRecruitment(world: World, count: number): Applicants[] {
  const { random, calendar, asOf } = world;
  const households: Applicants[] = [];
  for (let i = 0; i < count; i++) {
    const id = `H${20000 + i * 7 + randomInteger(random, 0, 6)}`;
    const worker = workerWith(world, "fostering");
    const enquiry = asOf - randomInteger(random, 1, 3 * 365);
    // Initial home visit within 10 working days of the enquiry (the report's local target).
    const ihv = by(
      randomWeighted(random, [
        [calendar.addWorkingDays(enquiry, randomInteger(random, 2, 10)), 70],
        [calendar.addWorkingDays(enquiry, randomInteger(random, 11, 30)), 20],
        [undefined, 10],
      ]),
      asOf,
    );
    let application: EpochDay | undefined;
    let stage1: EpochDay | undefined;
    let stage2: EpochDay | undefined;
    let panel: EpochDay | undefined;
    let adm: EpochDay | undefined;
    let closed: EpochDay | undefined;
    let outcome = "IN_PROGRESS";
    if (ihv !== undefined && randomChance(random, 0.55)) {
      application = by(ihv + randomInteger(random, 7, 60), asOf);
    } else if (ihv !== undefined && randomChance(random, 0.7)) {
      closed = by(ihv + randomInteger(random, 7, 60), asOf);
      if (closed !== undefined) outcome = "WITHDRAWN";
    }
    if (application !== undefined) {
      stage1 = by(application + randomInteger(random, 40, 80), asOf);
      stage2 = stage1 === undefined ? undefined : by(stage1 + randomInteger(random, 0, 14), asOf);
      // Panel within 8 months of the application (NMS 14.4), ADM within 7 working days of panel.
      const plannedPanel = randomChance(random, 0.75)
        ? application + randomInteger(random, 150, 240)
        : addCalendarMonths(application, 8) + randomInteger(random, 1, 90);
      if (randomChance(random, 0.12)) {
        closed = by(application + randomInteger(random, 20, plannedPanel - application), asOf);
        if (closed !== undefined) {
          outcome = "WITHDRAWN";
          if (stage1 !== undefined && stage1 > closed) stage1 = undefined;
          if (stage2 !== undefined && (stage1 === undefined || stage2 > closed)) stage2 = undefined;
        }
      }
      if (closed === undefined) {
        panel = by(Math.max(plannedPanel, (stage2 ?? application) + 30), asOf);
        if (panel !== undefined) {
          const admDays = randomChance(random, 0.85)
            ? randomInteger(random, 2, 7)
            : randomInteger(random, 8, 20);
          adm = by(calendar.addWorkingDays(panel, admDays), asOf);
          if (adm !== undefined) {
            outcome = randomChance(random, 0.94) ? "APPROVED" : "NOT_APPROVED";
            if (outcome === "NOT_APPROVED") closed = adm;
          }
        }
      }
    }
    const name = householdName(random);
    const household: Applicants = {
      id,
      name,
      row: {
        householdId: id,
        householdName: name,
        assessingWorker: worker.name,
        team: worker.team,
        enquiry: date(enquiry),
        ihv: date(ihv),
        application: date(application),
        stage1Complete: date(stage1),
        stage2Start: date(stage2),
        panel: date(panel),
        admDecision: date(adm),
        outcome: codeLabel(HOUSEHOLD_OUTCOME, outcome),
        closedDate: date(closed),
        notes: null,
      },
    };
    if (outcome === "APPROVED" && adm !== undefined) household.approved = adm;
    households.push(household);
  }
  return households;
}

// ---------------------------------------------------------------------------------------------
// Fostering Support: approved households, those just approved and those approved years ago.

function generateFosteringSupport(
  world: World,
  recruited: readonly Applicants[],
  count: number,
): SampleRow[] {
  const { random, asOf } = world;
  const rows: SampleRow[] = [];
  const approvedRecently = recruited.filter((h) => h.approved !== undefined);
  for (let i = 0; i < count; i++) {
    const recent = approvedRecently[i];
    const id = recent?.id ?? `H${10000 + i * 7 + randomInteger(random, 0, 6)}`;
    const name = recent?.name ?? householdName(random);
    const approval = recent?.approved ?? asOf - randomInteger(random, 365, 15 * 365);
    const worker = workerWith(world, "fostering");
    const familyAndFriends = randomChance(random, 0.2);
    const deregistered =
      recent === undefined && randomChance(random, 0.05)
        ? by(approval + randomInteger(random, 400, asOf - approval), asOf - 1)
        : undefined;
    const end = deregistered ?? asOf;
    const years = end - approval;

    // Places: about two in three filled, one in six not available (the report's 65% / 20% / 15%).
    const places = randomWeighted(random, [
      [1, 35],
      [2, 40],
      [3, 20],
      [4, 5],
    ]);
    let placed = 0;
    let notAvailable = 0;
    if (deregistered === undefined) {
      for (let p = 0; p < places; p++) {
        const r = random();
        if (r < 0.65) placed++;
        else if (r < 0.8) notAvailable++;
      }
    }
    const since = (days: EpochDay | undefined): EpochDay | undefined =>
      days === undefined || days <= approval ? undefined : days;
    // Annual review (reg 28) and unannounced visit (NMS 21.8): yearly; most on time, some overdue.
    const yearly = (): EpochDay | undefined =>
      years < 365
        ? undefined
        : since(
            randomWeighted(random, [
              [end - randomInteger(random, 0, 340), 80],
              [end - randomInteger(random, 366, 480), 15],
              [undefined, 5],
            ]),
          );
    const annualReview = yearly();
    const unannounced = yearly();
    // Supervisory visits about six-weekly: some due within the week, some long overdue.
    const supervision = since(
      randomWeighted(random, [
        [end - randomInteger(random, 0, 34), 65],
        [end - randomInteger(random, 35, 42), 15],
        [end - randomInteger(random, 43, 120), 15],
        [undefined, 5],
      ]),
    );
    // TSD standards within 12 months of approval (18 for family and friends carers).
    const tsdLimit = familyAndFriends ? 540 : 360;
    const tsd = by(
      randomWeighted(random, [
        [approval + randomInteger(random, 90, tsdLimit), 75],
        [approval + randomInteger(random, tsdLimit + 6, tsdLimit + 180), 12],
        [undefined, 13],
      ]),
      end,
    );
    const dbs = randomWeighted(random, [
      [end - randomInteger(random, 0, 3 * 365 - 30), 85],
      [end - randomInteger(random, 3 * 365 - 28, 3 * 365 - 1), 5],
      [end - randomInteger(random, 3 * 365 + 1, 3 * 365 + 200), 10],
    ]);
    rows.push({
      householdId: id,
      householdName: name,
      supervisingWorker: worker.name,
      team: worker.team,
      carerType: codeLabel(CARER_TYPE, familyAndFriends ? "FAMILY_AND_FRIENDS" : "MAINSTREAM"),
      approvalDate: date(approval),
      approvedPlaces: places,
      childrenPlaced: placed,
      vacantPlaces: deregistered === undefined ? places - placed - notAvailable : 0,
      notAvailablePlaces: notAvailable,
      lastAnnualReview: date(annualReview),
      lastUnannouncedVisit: date(unannounced),
      lastSupervisoryVisit: date(supervision),
      tsdCompleted: date(tsd),
      lastDbs: date(dbs),
      status: deregistered !== undefined ? "Resigned" : notAvailable > 0 ? "On hold" : "Active",
      deregistered: date(deregistered),
      notes: null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Family Finding: children with an adoption or long-term fostering plan, from referral to placement.
// The sheet leaves out the date became looked after and the sibling group, as family finders' sheets
// often do: the add-in reads them from the Joint Tracker (borrowFromJointTracker).

/** Columns the sample's Family Finding sheet leaves to the Joint Tracker. */
const FAMILY_FINDING_LEFT_OUT: ReadonlySet<string> = new Set(["becameLookedAfter", "siblingGroup"]);

function generateFamilyFinding(
  world: World,
  random: RandomSource,
  children: readonly SampleChild[],
  count: number,
): SampleRow[] {
  const { asOf } = world;
  const eligible = children.filter(
    (c) =>
      c.planAgreed !== undefined && (c.plan === "ADOPTION" || c.plan === "LTF") && c.planAgreed < c.openEnd,
  );
  // A family-finding team's open caseload first (children still in care whose plan was agreed in the
  // last twenty months, up to six in ten of the rows), then the older and closed cases the scorecard's
  // past quarters count.
  const recent = eligible.filter((c) => c.exit === undefined && (c.planAgreed as EpochDay) > asOf - 600);
  const open = recent.slice(0, Math.round(count * 0.6));
  const chosen = new Set(open);
  const candidates = [...open, ...eligible.filter((c) => !chosen.has(c))];
  const rows: SampleRow[] = [];
  let adoptions = 0;
  for (const child of candidates) {
    if (rows.length >= count) break;
    const end = Math.min(asOf, child.openEnd);
    // One adoption in ten has its should-be-placed decision reversed: a few in every sample.
    const facts =
      child.plan === "ADOPTION"
        ? adoptionJourney(world, random, child, end, adoptions++ % 10 === 3)
        : fosteringJourney(world, random, child, end);
    if (facts === undefined) continue;
    // A child who left care (an adoption order, a return home) leaves family finding then too.
    if (facts.closed === undefined && child.exit !== undefined) facts.closed = child.exit;
    if (child.plan === "ADOPTION") alignJointTracker(child, facts);
    const finder = workerWith(world, "familyFinding");
    rows.push({
      childId: child.id,
      childName: child.name,
      permanencePlan: planLabel(child.plan),
      familyFinder: finder.name,
      team: finder.team,
      referral: date(facts.referral),
      profileCompleted: date(facts.profile),
      shouldBePlaced: date(facts.shouldBePlaced),
      decisionReversed: date(facts.decisionReversed),
      placementOrder: date(facts.placementOrder),
      linkedCarer: facts.matching === undefined ? null : householdName(random),
      matchingMeeting: date(facts.matching),
      panel: date(facts.panel),
      adm: date(facts.adm),
      placementType: facts.placed === undefined ? null : (facts.placementType ?? null),
      placementDate: date(facts.placed),
      adoptedByFosterCarers:
        child.plan === "ADOPTION" && facts.placed !== undefined
          ? facts.fosterStart === undefined
            ? "No"
            : "Yes"
          : null,
      fosterPlacementStart: date(facts.fosterStart),
      closedDate: date(facts.closed),
      notes: null,
    });
  }
  return rows;
}

/**
 * The child's Joint Tracker row as the adoption left it: legal status E1 once the placement order is
 * granted, the adoption placement (A3 / A4, the authority's own) once the child moved in, so that the
 * two sheets, and the SSDA903 extract made from them, tell one story.
 */
function alignJointTracker(child: SampleChild, facts: FamilyFindingFacts): void {
  const row = child.row;
  // No order yet: the care order stands; no adoption placement yet: the child is fostered.
  const legalStatus =
    facts.placementOrder !== undefined ? "E1" : child.legalStatus === "E1" ? "C2" : undefined;
  if (legalStatus !== undefined) {
    row.legalStatus = legalStatus;
    child.legalStatus = legalStatus;
  }
  const placement =
    facts.placed !== undefined && facts.placementType !== undefined
      ? facts.placementType
      : child.placementType.startsWith("A")
        ? "U6"
        : undefined;
  if (placement !== undefined) {
    row.placementType = placement;
    row.placementProvider = "PR1";
    child.placementType = placement;
  }
  if (facts.placed !== undefined) {
    row.placementStart = date(facts.placed);
    child.placementStart = facts.placed;
  }
}

/** One child's family-finding dates, each held by the as-of (or exit) date or left out. */
interface FamilyFindingFacts {
  referral: EpochDay;
  profile?: EpochDay;
  shouldBePlaced?: EpochDay;
  decisionReversed?: EpochDay;
  placementOrder?: EpochDay;
  matching?: EpochDay;
  panel?: EpochDay;
  adm?: EpochDay;
  placementType?: string;
  placed?: EpochDay;
  fosterStart?: EpochDay;
  closed?: EpochDay;
}

/** The child's profile: within the local 10 working days of the referral for most, weeks late for some. */
function profileAfter(world: World, random: RandomSource, referral: EpochDay): EpochDay {
  return world.calendar.addWorkingDays(
    referral,
    randomChance(random, 0.7) ? randomInteger(random, 3, 10) : randomInteger(random, 11, 35),
  );
}

/** The ADM's decision on a match: within 7 working days of panel for most (NMS 14). */
function admAfter(world: World, random: RandomSource, panel: EpochDay): EpochDay {
  return world.calendar.addWorkingDays(
    panel,
    randomChance(random, 0.85) ? randomInteger(random, 1, 7) : randomInteger(random, 8, 20),
  );
}

/**
 * An adoption: the ADM's should-be-placed decision after the plan, the placement order after the
 * decision, the match mostly within the scorecard's 121 days of the order but often well after;
 * early permanence (fostering for adoption) matched before the order; some children adopted by their
 * own foster carers (A10); a few decisions reversed, one in three of them made again later.
 */
function adoptionJourney(
  world: World,
  random: RandomSource,
  child: SampleChild,
  end: EpochDay,
  reverse: boolean,
): FamilyFindingFacts | undefined {
  let decided = (child.planAgreed as EpochDay) + randomInteger(random, 0, 90);
  if (decided > end) return undefined;
  const facts: FamilyFindingFacts = {
    referral: decided + randomInteger(random, 0, 15),
    shouldBePlaced: decided,
  };
  if (facts.referral > end) return undefined;
  facts.profile = by(profileAfter(world, random, facts.referral), end);
  if (reverse) {
    const reversed = by(decided + randomInteger(random, 40, 200), end);
    if (reversed !== undefined) {
      facts.decisionReversed = reversed;
      const again = randomChance(random, 0.35)
        ? by(reversed + randomInteger(random, 30, 120), end)
        : undefined;
      if (again === undefined) {
        facts.closed = by(reversed + randomInteger(random, 0, 20), end);
        return facts;
      }
      decided = again;
      facts.shouldBePlaced = again;
    }
  }
  const early = randomChance(random, 0.15);
  let order = decided + randomInteger(random, 30, 180);
  let panel: EpochDay;
  if (early) {
    // Fostering for adoption: matched with carers approved as adopters before the court's order.
    panel = decided + randomInteger(random, 8, 35);
    order = Math.max(order, panel + randomInteger(random, 20, 70));
  } else {
    const wait = randomWeighted(random, [
      [randomInteger(random, 25, 121), 55],
      [randomInteger(random, 122, 300), 35],
      [randomInteger(random, 301, 480), 10],
    ]);
    panel = order + wait - randomInteger(random, 2, 10);
  }
  const adm = admAfter(world, random, panel);
  facts.placementOrder = by(order, end);
  if (facts.placementOrder === undefined && !early) return facts;
  facts.matching = by(panel - randomInteger(random, 14, 45), end);
  facts.panel = by(panel, end);
  facts.adm = facts.panel === undefined ? undefined : by(adm, end);
  if (facts.adm === undefined) return facts;
  const byFosterCarers = early || randomChance(random, 0.12);
  // An early-permanence child moves in with the carers soon after the match; the placement becomes an
  // adoption placement once the order is granted.
  const placed = early ? order + randomInteger(random, 7, 40) : adm + randomInteger(random, 7, 35);
  facts.placed = by(placed, end);
  if (facts.placed === undefined) return facts;
  if (byFosterCarers) {
    facts.fosterStart = early
      ? adm + randomInteger(random, 0, 14)
      : Math.max(child.bla, Math.min(child.placementStart, decided));
    facts.placementType = "A3";
  } else facts.placementType = "A4";
  // The adoption order ends the care period: the day the child left care when they have.
  facts.closed =
    child.exit ??
    (randomChance(random, 0.6) ? by(facts.placed + randomInteger(random, 70, 300), end) : undefined);
  return facts;
}

/** A long-term fostering match: the Joint Tracker's own match when it has one. */
function fosteringJourney(
  world: World,
  random: RandomSource,
  child: SampleChild,
  end: EpochDay,
): FamilyFindingFacts | undefined {
  const agreed = child.planAgreed as EpochDay;
  const facts: FamilyFindingFacts = { referral: agreed };
  if (child.matchToPanel !== undefined) {
    // The long-term fostering match on the Joint Tracker went to this panel.
    facts.panel = child.matchToPanel;
    facts.adm = child.matchAdm;
    const gap = facts.panel - agreed;
    facts.referral = agreed + Math.floor(gap * 0.2);
    facts.profile = Math.min(profileAfter(world, random, facts.referral), agreed + Math.floor(gap * 0.6));
    facts.matching = agreed + Math.floor(gap * 0.8);
  } else {
    facts.referral = agreed + randomInteger(random, 0, 30);
    if (facts.referral > end) return undefined;
    facts.profile = by(profileAfter(world, random, facts.referral), end);
    // One in four long-term fostering searches finds no family for months (older children, sibling groups).
    const hardToPlace = randomChance(random, 0.25);
    facts.matching =
      facts.profile === undefined || hardToPlace
        ? undefined
        : by(facts.profile + randomInteger(random, 30, 180), end);
    facts.panel =
      facts.matching === undefined ? undefined : by(facts.matching + randomInteger(random, 14, 60), end);
    facts.adm = facts.panel === undefined ? undefined : by(admAfter(world, random, facts.panel), end);
  }
  facts.placed = facts.adm === undefined ? undefined : by(facts.adm + randomInteger(random, 7, 30), end);
  facts.placementType = "U4";
  facts.closed =
    facts.placed !== undefined && randomChance(random, 0.5)
      ? by(facts.placed + randomInteger(random, 30, 120), end)
      : undefined;
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Connected Persons: temporary approval of a family member (reg 24) and the full assessment that
// must end in a decision within 16 weeks, or 24 with an extension (reg 25).

function generateConnectedPersons(
  world: World,
  children: readonly SampleChild[],
  count: number,
): SampleRow[] {
  const { random, asOf } = world;
  const kinship = children.filter((c) => /^U[1-3]$/.test(c.placementType));
  const others = children.filter((c) => !/^U[1-3]$/.test(c.placementType) && randomChance(random, 0.05));
  const rows: SampleRow[] = [];
  for (const child of [...kinship, ...others]) {
    if (rows.length >= count) break;
    const end = Math.min(asOf, child.openEnd);
    const temporary = kinship.includes(child)
      ? child.placementStart
      : child.bla + randomInteger(random, 0, 60);
    if (temporary > end) continue;
    let extension: EpochDay | undefined;
    const decisionAfter = randomWeighted(random, [
      ["in time", 70],
      ["extended", 15],
      ["late", 15],
    ] as const);
    let days: number;
    if (decisionAfter === "in time") days = randomInteger(random, 60, 112);
    else if (decisionAfter === "extended") {
      extension = by(temporary + randomInteger(random, 98, 111), end);
      days = randomInteger(random, 113, 168);
    } else days = randomInteger(random, 113, 200);
    const plannedAdm = temporary + days;
    const panel = by(plannedAdm - randomInteger(random, 3, 9), end);
    const assessment = by(plannedAdm - randomInteger(random, 16, 35), end);
    const adm = panel === undefined ? undefined : by(plannedAdm, end);
    const worker = workerWith(world, "fostering");
    const surname = child.name.split(" ").slice(-1)[0] ?? "";
    rows.push({
      childId: child.id,
      childName: child.name,
      carer: `${randomItem(random, ADULT_FIRST_NAMES)} ${surname} (${randomItem(random, CONNECTED_RELATIONSHIPS)})`,
      assessingWorker: worker.name,
      team: worker.team,
      temporaryApproval: date(temporary),
      assessmentComplete: date(assessment),
      panel: date(panel),
      extension: date(extension),
      admDecision: date(adm),
      closedDate: date(child.exit !== undefined && child.exit <= asOf ? child.exit : undefined),
      notes: null,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Sheets as Excel holds them.

function draft(key: SheetKey, rows: SampleRow[], leftOut: ReadonlySet<string> = new Set()): DraftSheet {
  const profileSpec = DEFAULT_PROFILE.sheets.find((s) => s.key === key) as SheetSpec;
  const spec = { ...profileSpec, columns: profileSpec.columns.filter((c) => !leftOut.has(c.key)) };
  return { spec, rows, headers: spec.columns.map((c) => c.title) };
}

function assembleSheet(sheet: DraftSheet): SampleSheet {
  const keys = sheet.spec.columns.map((c) => c.key);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  if (sheet.titleRow !== undefined) {
    values.push([sheet.titleRow, ...keys.slice(1).map(() => null)]);
    merges.push(`A1:${columnLetters(keys.length)}1`);
  }
  values.push([...sheet.headers]);
  const headerRow = values.length;
  for (const row of sheet.rows) values.push(keys.map((k) => row[k] ?? null));
  return merges.length > 0
    ? { name: sheet.spec.title, values, merges, headerRow }
    : { name: sheet.spec.title, values, headerRow };
}
