import { z } from "zod";

/** How bad a problem is: errors make figures wrong, warnings may, information is tidying. */
export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** Worst first: the order summaries and the Data quality sheet list problems in. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * A value a fix would write. `value` is what goes into the cell (an Excel serial for a date, with
 * `numberFormat`); `text` is how the user sees it in a message or on the Data quality sheet.
 */
export const SuggestedFix = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  numberFormat: z.string().optional(),
  text: z.string(),
});
export type SuggestedFix = z.infer<typeof SuggestedFix>;

/** One data-quality problem, located at a cell of a tracker sheet. */
export const DataQualityIssue = z.object({
  /** The worksheet's name as on its tab. */
  sheet: z.string(),
  /** A1 address of the cell ("F12"). */
  cell: z.string(),
  /** 1-based Excel row number. */
  row: z.number().int().positive(),
  /** The profile key of the column; null for a problem of a whole sheet (a check that could not run). */
  column: z.string().nullable(),
  severity: Severity,
  /** Stable code, never reused ("DATE-INVALID", "JT-PPM-BEFORE-BLA"). */
  code: z.string(),
  /** en-GB sentence naming the value and dates (dd/MM/yyyy). */
  message: z.string(),
  suggestedFix: SuggestedFix.optional(),
});
export type DataQualityIssue = z.infer<typeof DataQualityIssue>;
