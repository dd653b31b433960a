import { formatUkDate } from "../dates/epochDay";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import type { ColumnKey } from "../profile/TrackerProfile";
import { formatLimit } from "../standards/standardText";
import type { Condition, Standard, StandardBasis } from "../standards/Standard";
import type { StandardResult } from "./StandardResult";

/*
 * One en-GB sentence per status, with its dates and basis, for agendas, "my cases" and the CLI.
 * The wording is neutral and supportive: things are "due" or "overdue by", never "failed".
 */

const BASIS_WORDS: Readonly<Record<StandardBasis, string>> = {
  STAT: "statutory",
  SG: "statutory guidance",
  NMS: "national minimum standard",
  SCORECARD: "DfE adoption scorecard threshold",
  LOCAL: "local target",
};

// How the start events read inside a sentence ("3 months after the 1st CLA review on ...").
const EVENT_PHRASES: Readonly<Record<ColumnKey, string>> = {
  becameLookedAfter: "becoming looked after",
  firstReview: "the 1st CLA review",
  secondReview: "the 2nd CLA review",
  latestReview: "the latest CLA review",
  firstPpm: "the 1st PPM",
  latestPpm: "the latest PPM",
  planAgreed: "the plan was agreed",
  matchToPanel: "the match went to panel",
  matchAdm: "the ADM agreed the match",
  proceedingsIssued: "care proceedings were issued",
  finalOrder: "the final order",
  firstLpm: "the first legal planning meeting",
  finalLpm: "the final legal planning meeting",
  preProceedingsMeeting: "the pre-proceedings meeting",
  outcomeDate: "the pre-proceedings outcome",
  enquiry: "the enquiry",
  ihv: "the initial home visit",
  application: "the application",
  panel: "panel",
  admDecision: "the ADM decision",
  approvalDate: "approval",
  lastAnnualReview: "the last annual review",
  lastUnannouncedVisit: "the last unannounced visit",
  lastSupervisoryVisit: "the last supervisory visit",
  tsdCompleted: "TSD completion",
  lastDbs: "the last DBS check",
  temporaryApproval: "temporary approval",
  extension: "the extension",
  permanenceAchieved: "permanence was achieved",
  deregistered: "deregistration",
  closedDate: "closure",
  referral: "the referral",
  placementOrder: "the placement order",
  shouldBePlaced: "the should-be-placed decision",
  adm: "the ADM's match decision",
};

export interface ExplainOptions {
  /** Titles of other standards, for "by" standards; defaults to their ids. */
  standardTitle?: (id: string) => string | undefined;
}

/** A column as it reads in a sentence: the phrase above, else the profile's title, else the key. */
export function eventPhrase(key: ColumnKey): string {
  const phrase = EVENT_PHRASES[key];
  if (phrase !== undefined) return phrase;
  for (const sheet of DEFAULT_PROFILE.sheets) {
    const column = sheet.columns.find((c) => c.key === key);
    if (column) return `the ${column.title.toLowerCase()}`;
  }
  return key;
}

function conditionPhrase(condition: Condition): string {
  const column = eventPhrase(condition.column).replace(/^the /, "");
  return "present" in condition ? `${column} is recorded` : `${column} is ${condition.in.join(" or ")}`;
}

function workingDays(n: number): string {
  return `${n} working day${n === 1 ? "" : "s"}`;
}

const uk = (day: number | null): string => (day === null ? "?" : formatUkDate(day));

/**
 * Explains a result in one sentence.
 *
 * @example
 * explainResult(result, cla2)
 * // "2nd CLA review due 14/03/2025 (3 months after the 1st CLA review on 14/12/2024; statutory,
 * //  CPPCR 2010 reg 33(2)): overdue by 6 working days"
 */
export function explainResult(
  result: StandardResult,
  standard: Standard,
  options: ExplainOptions = {},
): string {
  const title = standard.title;
  const reason = result.reason;
  switch (result.status) {
    case "not applicable":
      if (reason?.code === "condition-not-met") {
        return `${title}: not applicable (only where ${conditionPhrase(reason.condition)})`;
      }
      if (reason?.code === "clock-not-started") {
        return `${title}: not started yet (no date for ${eventPhrase(reason.column)})`;
      }
      return `${title}: not applicable (closed on ${uk(result.exit)}, before it was due on ${uk(result.deadline)})`;
    case "cannot assess":
      return `${title}: cannot be assessed: ${cannotAssessDetail(result, standard, options)}`;
    default:
      break;
  }
  const why = `${deadlineDerivation(result, options)}; ${BASIS_WORDS[standard.basis]}, ${standard.source}`;
  const head = `${title} due ${uk(result.deadline)} (${why})`;
  const overdue = result.overdueWorkingDays ?? 0;
  const left = result.workingDaysLeft ?? 0;
  switch (result.status) {
    case "met":
      return result.end !== null && result.start !== null && result.end < result.start
        ? `${head}: done on ${uk(result.end)}, before it started (early permanence), in time`
        : `${head}: done on ${uk(result.end)}, in time`;
    case "met late":
      return overdue === 0
        ? `${head}: done on ${uk(result.end)}, after the deadline`
        : `${head}: done on ${uk(result.end)}, ${workingDays(overdue)} after the deadline`;
    case "overdue":
      return overdue === 0 ? `${head}: overdue` : `${head}: overdue by ${workingDays(overdue)}`;
    case "due soon":
      return left === 0 ? `${head}: due today` : `${head}: due in ${workingDays(left)}`;
    default:
      return `${head}: not yet due (${workingDays(left)} to go)`;
  }
}

function deadlineDerivation(result: StandardResult, options: ExplainOptions): string {
  const basis = result.deadlineBasis;
  const startPhrase = result.startColumn === null ? "the start" : eventPhrase(result.startColumn);
  if (basis === null) return `from ${startPhrase} on ${uk(result.start)}`;
  if (basis.kind === "limit")
    return `${formatLimit(basis.limit)} after ${startPhrase} on ${uk(result.start)}`;
  const other = options.standardTitle?.(basis.standardId) ?? basis.standardId;
  return basis.held ? `by the ${other}, held that day` : `by the ${other}, itself due that day`;
}

function cannotAssessDetail(result: StandardResult, standard: Standard, options: ExplainOptions): string {
  const reason = result.reason;
  switch (reason?.code) {
    case "required-start-missing":
      return `the date for ${eventPhrase(reason.column)} is missing`;
    case "invalid-date":
      return `${eventPhrase(reason.column)}: ${reason.message}`;
    case "end-before-start":
      return (
        `${eventPhrase(standard.end ?? "")} (${uk(result.end)}) is dated before ` +
        `${eventPhrase(result.startColumn ?? "")} (${uk(result.start)})`
      );
    case "by-deadline-unknown":
      return `the date of the ${options.standardTitle?.(reason.by) ?? reason.by} is not known`;
    default:
      return "the dates could not be read";
  }
}
