import type { WorkingDayCalendar } from "../calendar/WorkingDayCalendar";
import type { EpochDay } from "../dates/epochDay";
import type { ColumnKey, SheetKey, TrackerProfile } from "../profile/TrackerProfile";
import type { Severity, SuggestedFix } from "./DataQualityIssue";
import type { TypedTable } from "./TypedTable";

/** What every check is given: the clock and the calendar come in here, never from the system. */
export interface CheckContext {
  /** The day the tracker is checked as at ("future", "aged 18" are relative to it). */
  asOf: EpochDay;
  calendar: WorkingDayCalendar;
  profile: TrackerProfile;
}

/** A value a message names: text as it is, numbers, and days (written dd/MM/yyyy). */
export type MessageParam = string | number | { day: EpochDay };
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * What a check returns: a location and the facts, not a sentence. The wording is looked up by the
 * check's code (checkMessages.ts), so a message can change without the check.
 */
export interface Problem {
  row: number;
  column: ColumnKey;
  params?: MessageParams;
  suggestedFix?: SuggestedFix;
}

export interface CheckDefinition {
  /** Stable, never reused: users filter on it and the fixes are keyed by it. */
  code: string;
  severity: Severity;
  title: string;
  /** The columns the check needs: a sheet that lacks any of them skips the check. */
  reads: readonly ColumnKey[];
  /** The sheets it applies to; every sheet when absent. */
  sheets?: readonly SheetKey[];
  check(table: TypedTable, context: CheckContext): Problem[];
}

/** Declares a check; the identity function gives each definition its type and one shape. */
export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return definition;
}

/** A problem at a row's cell, with the facts its message names. */
export function problem(
  row: number,
  column: ColumnKey,
  params: MessageParams = {},
  suggestedFix?: SuggestedFix,
): Problem {
  return suggestedFix ? { row, column, params, suggestedFix } : { row, column, params };
}

/** A day as a message parameter. */
export const day = (value: EpochDay): MessageParam => ({ day: value });
