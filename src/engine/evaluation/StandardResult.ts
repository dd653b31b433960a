import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey, SheetKey } from "../profile/TrackerProfile";
import type { Condition, Limit } from "../standards/Standard";

/** The seven statuses of evaluation-semantics.md, in the words the CLI's JSON uses. */
export const STANDARD_STATUSES = [
  "not applicable",
  "cannot assess",
  "met",
  "met late",
  "overdue",
  "due soon",
  "not yet due",
] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** `none`: not applicable has no colour. `grey`: cannot assess (a data-quality issue). */
export type Rag = "red" | "amber" | "grey" | "green" | "none";

const RAG_OF: Readonly<Record<StandardStatus, Rag>> = {
  // met late is a historic breach: red in summaries, though not an action on agendas.
  "met late": "red",
  overdue: "red",
  "due soon": "amber",
  "cannot assess": "grey",
  met: "green",
  "not yet due": "green",
  "not applicable": "none",
};

export function ragOf(status: StandardStatus): Rag {
  return RAG_OF[status];
}

/** How bad each colour is: a row's colour is its worst. */
export const RAG_RANK: Readonly<Record<Rag, number>> = { red: 4, amber: 3, grey: 2, green: 1, none: 0 };
/** The colour of each rank, the inverse of RAG_RANK. */
export const RAG_BY_RANK: readonly Rag[] = ["none", "green", "grey", "amber", "red"];

/** A row's RAG: its worst coloured status (red > amber > grey > green); `none` when nothing applies. */
export function worstRag(rags: Iterable<Rag>): Rag {
  let worst: Rag = "none";
  for (const rag of rags) if (RAG_RANK[rag] > RAG_RANK[worst]) worst = rag;
  return worst;
}

/** Why a standard was not assessed or does not apply: data, worded by explainResult. */
export type NotAssessedReason =
  | { code: "condition-not-met"; condition: Condition }
  | { code: "clock-not-started"; column: ColumnKey }
  | { code: "closed-before-deadline" }
  | { code: "required-start-missing"; column: ColumnKey }
  | { code: "invalid-date"; column: ColumnKey; text: string; message: string }
  | { code: "end-before-start" }
  | { code: "by-deadline-unknown"; by: string };

/** Where the deadline came from: `start + limit`, or the date another standard's event happened or was due. */
export type DeadlineBasis =
  { kind: "limit"; limit: Limit } | { kind: "by"; standardId: string; held: boolean; limit?: Limit };

export interface StandardResult {
  standardId: string;
  sheet: SheetKey;
  /** 1-based Excel row number. */
  rowNumber: number;
  status: StandardStatus;
  rag: Rag;
  start: EpochDay | null;
  /** The column the start came from (the first present of the standard's start columns). */
  startColumn: ColumnKey | null;
  end: EpochDay | null;
  exit: EpochDay | null;
  deadline: EpochDay | null;
  deadlineBasis: DeadlineBasis | null;
  /** The day the clock was read: the end date, else `min(asOf, exit)`. */
  measuredTo: EpochDay | null;
  /** `workingDaysBetween(start, end or t)`, 0 when the start lies after t. */
  elapsedWorkingDays: number | null;
  /** `workingDaysBetween(deadline, end or t)` when past the deadline, else 0. */
  overdueWorkingDays: number | null;
  /** For open rows not yet overdue: `workingDaysBetween(t, deadline)`. */
  workingDaysLeft: number | null;
  reason: NotAssessedReason | null;
}
