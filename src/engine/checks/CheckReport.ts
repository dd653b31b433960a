import { z } from "zod";
import { DataQualityIssue } from "./DataQualityIssue";

/** A check on one sheet: its stable code, its title and the sheet's name as on its tab. */
const CheckOnSheet = z.object({
  code: z.string(),
  title: z.string(),
  sheet: z.string(),
});

/** A check that ran on a sheet, with how many problems it found there. */
export const CheckRan = CheckOnSheet.extend({ problems: z.number().int().nonnegative() });
export type CheckRan = z.infer<typeof CheckRan>;

/** A check that could not run on a sheet because the sheet lacks columns it reads (their titles). */
export const CheckSkipped = CheckOnSheet.extend({ missingColumns: z.array(z.string()).min(1) });
export type CheckSkipped = z.infer<typeof CheckSkipped>;

/** A check that threw on a sheet: a bug, reported as a CHECK-FAILED issue as well. */
export const CheckFailed = CheckOnSheet;
export type CheckFailed = z.infer<typeof CheckFailed>;

/**
 * What ran, as the D2I validator reports it: without this a check whose columns are missing
 * disappears silently and "no problems" cannot be told from "not checked".
 */
export const CheckReport = z.object({
  ran: z.array(CheckRan),
  skipped: z.array(CheckSkipped),
  failed: z.array(CheckFailed),
});
export type CheckReport = z.infer<typeof CheckReport>;

/** The issues of a run of the checks, and the report of which checks ran. */
export const CheckRun = z.object({
  issues: z.array(DataQualityIssue),
  checks: CheckReport,
});
export type CheckRun = z.infer<typeof CheckRun>;
