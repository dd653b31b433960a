import { z } from "zod";
import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";

/** The surgeries and tracking meetings of the evaluated sites, one per tracker sheet. */
export const SurgeryType = z.enum([
  "joint-tracking",
  "plo",
  "recruitment",
  "fostering-support",
  "family-finding",
  "connected-persons",
]);
export type SurgeryType = z.infer<typeof SurgeryType>;

export interface SurgeryDefinition {
  type: SurgeryType;
  /** Short code used in the agenda sheet's name ("Agenda JTM 2026-11-24"): names are limited to 31. */
  code: string;
  title: string;
  sheet: SheetKey;
  /** The dates and facts shown beside each case, so the meeting need not open the tracker. */
  keyColumns: readonly ColumnKey[];
  /** The column naming the person or household discussed (hidden unless names are asked for). */
  nameColumn: ColumnKey;
  /** "child" or "household": how a case is spoken of. */
  caseNoun: string;
  /**
   * Cases kept apart within a worker's cases: `route` puts a family finder's adoption cases and
   * long-term fostering cases in blocks of their own (familyFindingRoutes).
   */
  apart?: "route";
}

export const SURGERIES: Readonly<Record<SurgeryType, SurgeryDefinition>> = {
  "joint-tracking": {
    type: "joint-tracking",
    code: "JTM",
    title: "Joint tracking meeting",
    sheet: "jointTracker",
    keyColumns: ["becameLookedAfter", "latestReview", "latestPpm", "permanencePlan"],
    nameColumn: "childName",
    caseNoun: "child",
  },
  plo: {
    type: "plo",
    code: "PLO",
    title: "PLO tracking meeting",
    sheet: "ploTracker",
    keyColumns: ["firstLpm", "preProceedingsMeeting", "reviewLpm", "ploOutcome"],
    nameColumn: "childName",
    caseNoun: "child",
  },
  recruitment: {
    type: "recruitment",
    code: "RA",
    title: "Recruitment & assessment surgery",
    sheet: "recruitment",
    keyColumns: ["enquiry", "ihv", "application", "panel"],
    nameColumn: "householdName",
    caseNoun: "household",
  },
  "fostering-support": {
    type: "fostering-support",
    code: "FS",
    title: "Fostering support surgery",
    sheet: "fosteringSupport",
    keyColumns: ["approvalDate", "approvedPlaces", "childrenPlaced", "lastAnnualReview"],
    nameColumn: "householdName",
    caseNoun: "household",
  },
  "family-finding": {
    type: "family-finding",
    code: "FF",
    title: "Family finding surgery",
    sheet: "familyFinding",
    keyColumns: ["becameLookedAfter", "shouldBePlaced", "placementOrder", "matchingMeeting", "panel"],
    nameColumn: "childName",
    caseNoun: "child",
    apart: "route",
  },
  "connected-persons": {
    type: "connected-persons",
    code: "CP",
    title: "Connected persons surgery",
    sheet: "connectedPersons",
    keyColumns: ["temporaryApproval", "assessmentComplete", "panel", "extension"],
    nameColumn: "childName",
    caseNoun: "child",
  },
};

export function surgeryByCode(code: string): SurgeryDefinition | undefined {
  return Object.values(SURGERIES).find((s) => s.code === code);
}
