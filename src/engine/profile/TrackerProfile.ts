import { z } from "zod";
import { remembered } from "../memo/remembered";

/**
 * A tracker profile: which sheets the add-in understands and, for each, which columns by stable key.
 *
 * Each authority's tracker was bespoke, so nothing depends on column positions or exact header text:
 * a column is found by its aliases (compared case-, space- and punctuation-insensitively) and then by
 * the closest match. The profile is stored in the workbook so the mapping travels with the tracker.
 */
export const ColumnType = z.enum(["date", "text", "code", "integer", "yesNo", "personName"]);
export type ColumnType = z.infer<typeof ColumnType>;

/** A stable key: what the engine, the standards and the checks call a column, whatever its header. */
export const ColumnKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, "a key is camelCase letters and digits");
export type ColumnKey = z.infer<typeof ColumnKey>;

export const ColumnSpec = z.object({
  key: ColumnKey,
  /** The header the add-in writes and suggests. */
  title: z.string().min(1),
  /** Other headers trackers use for the column. */
  aliases: z.array(z.string()).default([]),
  type: ColumnType,
  /** Every row must have a value (a missing value is a data-quality error). */
  required: z.boolean().default(false),
  /** Identifies or describes a person: hidden from agendas unless names are asked for. */
  personal: z.boolean().default(false),
  /** The case management system also holds it (the SSDA903 refresh can fill it). */
  caseSystem: z.boolean().default(false),
  /** For dates: whether the date may lie after today (a planned next PPM may; a review held may not). */
  future: z.boolean().default(false),
  /** For code columns: the name of the code list in `codeLists`. */
  codeList: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;
export type ColumnSpecInput = z.input<typeof ColumnSpec>;

export const SheetKey = z.enum([
  "jointTracker",
  "ploTracker",
  "recruitment",
  "fosteringSupport",
  "familyFinding",
  "connectedPersons",
]);
export type SheetKey = z.infer<typeof SheetKey>;

export const SheetSpec = z.object({
  key: SheetKey,
  title: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** The column that identifies a row (a child or a household). */
  idColumn: ColumnKey,
  /** The column naming the worker a row belongs to, for "my cases" and agendas. */
  workerColumn: ColumnKey.optional(),
  /** The row's closure date: after it no clock runs (ceased to be looked after, deregistered). */
  exitColumn: ColumnKey.optional(),
  columns: z.array(ColumnSpec).min(1),
});
export type SheetSpec = z.infer<typeof SheetSpec>;

export const TrackerProfile = z.object({
  version: z.literal(1),
  name: z.string(),
  sheets: z.array(SheetSpec),
});
export type TrackerProfile = z.infer<typeof TrackerProfile>;
export type TrackerProfileInput = z.input<typeof TrackerProfile>;

/** The sheet of a profile with the given key, if the profile has it. */
export function profileSheet(profile: TrackerProfile, key: SheetKey): SheetSpec | undefined {
  return profile.sheets.find((s) => s.key === key);
}

/*
 * Mapping a sheet compares every header cell with every column's title and aliases, normalising
 * the same few hundred texts thousands of times: a third of mapping a 1,000-row tracker.
 * Each text is normalised once.
 */
const NORMALISED = new Map<string, string>();
const MOST_NORMALISED = 4096;

/**
 * Header and name comparison: case, spaces and punctuation are ignored, so "D.O.B.", "dob" and
 * "D O B" are one header, and "Date Became Looked-After" matches "date became looked after".
 */
export function normaliseHeader(text: string): string {
  return remembered(NORMALISED, text, normalisedOf, MOST_NORMALISED);
}

function normalisedOf(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
}
