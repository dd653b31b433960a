import { createWorkingDayCalendar } from "../../src/engine/calendar/WorkingDayCalendar";
import type { CellValue } from "../../src/engine/cells/CellValue";
import { excelSerialFromEpochDay } from "../../src/engine/cells/coerceCellDate";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../../src/engine/profile/defaultProfile";
import type { ColumnKey, SheetKey } from "../../src/engine/profile/TrackerProfile";
import type { TrackerTable } from "../../src/engine/tables/TrackerTable";
import type { DataQualityIssue } from "../../src/engine/checks/DataQualityIssue";
import type { CheckContext, CheckDefinition } from "../../src/engine/checks/defineCheck";
import { runChecks } from "../../src/engine/checks/runChecks";
import { trackerTableOf } from "./trackerTableOf";

/*
 * Rows for the checks' tests: one valid row per sheet (made-up IDs and initials, never real cases),
 * which each test spoils in one way.
 */

/** A day from ISO text, for tests. */
export function isoDay(iso: string): EpochDay {
  const day = parseIsoDate(iso);
  if (day === undefined) throw new RangeError(`not an ISO date: ${iso}`);
  return day;
}

/** A real Excel date cell (a serial number, as Office.js gives it). */
export const serial = (iso: string): number => excelSerialFromEpochDay(isoDay(iso));

export const TEST_AS_OF = isoDay("2026-11-24");

export const testContext = (asOf: EpochDay = TEST_AS_OF): CheckContext => ({
  asOf,
  calendar: createWorkingDayCalendar(),
  profile: DEFAULT_PROFILE,
});

type Row = Record<ColumnKey, CellValue>;

export const VALID_ROWS: Readonly<Record<SheetKey, Row>> = {
  jointTracker: {
    childId: "C1001",
    childName: "A.B.",
    dateOfBirth: serial("2015-03-10"),
    legalStatus: "C2",
    becameLookedAfter: serial("2024-01-15"),
    socialWorker: "Jane Smith",
    team: "Team A",
    teamManager: "Ravi Patel",
    iro: "Ann Lee",
    firstReview: serial("2024-02-09"),
    secondReview: serial("2024-05-03"),
    latestReview: serial("2024-11-01"),
    firstPpm: serial("2024-01-29"),
    latestPpm: serial("2024-10-15"),
    nextPpm: serial("2026-12-01"),
    permanencePlan: "LTF",
    planAgreed: serial("2024-05-03"),
    iroEndorsed: serial("2024-06-01"),
    matchToPanel: serial("2024-09-02"),
    matchAdm: serial("2024-09-05"),
    placementType: "U4",
    placementProvider: "PR1",
    placementStart: serial("2024-01-15"),
    placementsLast12Months: 1,
    proceedingsIssued: serial("2024-02-01"),
    finalOrder: serial("2024-07-19"),
    notes: "Settled",
  },
  ploTracker: {
    childId: "C2001",
    childName: "C.D.",
    socialWorker: "Jane Smith",
    team: "Team A",
    firstLpm: serial("2025-01-10"),
    preProceedingsMeeting: serial("2025-01-20"),
    reviewLpm: serial("2025-03-03"),
    finalLpm: serial("2025-04-01"),
    ploOutcome: "ISSUE",
    outcomeDate: serial("2025-04-02"),
    proceedingsIssued: serial("2025-04-10"),
  },
  recruitment: {
    householdId: "H001",
    householdName: "E.F. and G.F.",
    assessingWorker: "Ravi Patel",
    team: "Fostering",
    enquiry: serial("2025-01-06"),
    ihv: serial("2025-01-15"),
    application: serial("2025-02-03"),
    stage1Complete: serial("2025-03-03"),
    stage2Start: serial("2025-03-10"),
    panel: serial("2025-07-01"),
    admDecision: serial("2025-07-08"),
    outcome: "APPROVED",
    closedDate: serial("2025-07-08"),
  },
  fosteringSupport: {
    householdId: "H002",
    householdName: "H.J.",
    supervisingWorker: "Ann Lee",
    team: "Fostering",
    carerType: "MAINSTREAM",
    approvalDate: serial("2023-05-02"),
    approvedPlaces: 3,
    childrenPlaced: 2,
    vacantPlaces: 1,
    notAvailablePlaces: 0,
    lastAnnualReview: serial("2026-04-20"),
    lastUnannouncedVisit: serial("2026-02-02"),
    lastSupervisoryVisit: serial("2026-11-02"),
    tsdCompleted: serial("2024-03-01"),
    lastDbs: serial("2024-05-01"),
    status: "Active",
  },
  familyFinding: {
    childId: "C3001",
    childName: "K.L.",
    familyFinder: "Tom Green",
    team: "Family finding",
    referral: serial("2025-02-03"),
    profileCompleted: serial("2025-03-03"),
    linkedCarer: "M.N.",
    matchingMeeting: serial("2025-05-01"),
    panel: serial("2025-06-02"),
    adm: serial("2025-06-05"),
    placementDate: serial("2025-07-01"),
  },
  connectedPersons: {
    childId: "C4001",
    childName: "P.Q.",
    carer: "R.S.",
    assessingWorker: "Ravi Patel",
    team: "Kinship",
    temporaryApproval: serial("2025-03-03"),
    assessmentComplete: serial("2025-06-02"),
    panel: serial("2025-06-10"),
    admDecision: serial("2025-06-16"),
  },
};

/** A table of the sheet whose rows are the valid row with each override applied in turn. */
export function tableWith(sheetKey: SheetKey, ...overrides: Row[]): TrackerTable {
  return trackerTableOf(
    sheetKey,
    overrides.map((o) => ({ ...VALID_ROWS[sheetKey], ...o })),
  );
}

/** What one check finds on a table, as [code, cell, message] triples: easy to compare whole. */
export function findingsOf(
  check: CheckDefinition,
  table: TrackerTable,
  asOf: EpochDay = TEST_AS_OF,
): [string, string, string][] {
  return runChecks([table], testContext(asOf), [check]).map((i: DataQualityIssue) => [
    i.code,
    i.cell,
    i.message,
  ]);
}
