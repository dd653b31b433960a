import { z } from "zod";
import { CellValue } from "../cells/CellValue";

/**
 * A generated tracker workbook: the sheets as Excel would hold them, and the data-quality problems
 * deliberately planted in them, so tests and the demo know exactly what the checks should find.
 */
export const PlantedProblemKind = z.enum([
  /** A real date typed as text ("03/04/2019", "3 April 2019", "03.04.2019", "2019-04-03"). */
  "text-date",
  /** "TBC", "n/a" or "-" in a date cell: the add-in reads it as empty. */
  "placeholder",
  /** A day that does not exist ("31/02/2020"). */
  "impossible-date",
  /** A US-style month-first date ("12/31/2019"). */
  "month-first-date",
  /** A title row above the header, merged across the header's width. */
  "title-row",
  /** A header in the older "LAC" wording ("1st LAC review"), matched by its alias. */
  "lac-header",
  /** A worker's name written another way ("jane smith ", "J Smith"). */
  "worker-name-variant",
  /** The 1st PPM dated before the child became looked after. */
  "ppm-before-bla",
  /** The 2nd CLA review dated before the 1st. */
  "second-review-before-first",
  /** A child ID already used on an earlier row of the sheet. */
  "duplicate-child-id",
  /** An event dated after the row's exit date (ceased to be looked after). */
  "event-after-exit",
  /** More children placed with a household than its approved places. */
  "placed-above-approved",
  /** A legal status that is no SSDA903 code. */
  "unknown-legal-status",
]);
export type PlantedProblemKind = z.infer<typeof PlantedProblemKind>;

export const PlantedProblem = z.object({
  /** The worksheet's name. */
  sheet: z.string(),
  /** 1-based Excel row number. */
  row: z.number().int().positive(),
  /** The profile key of the column; null for a problem of a whole row (the title row). */
  column: z.string().nullable(),
  kind: PlantedProblemKind,
  /** The cell as the user sees it (a Date cell is given as dd/MM/yyyy). */
  text: z.string(),
});
export type PlantedProblem = z.infer<typeof PlantedProblem>;

export const SampleSheet = z.object({
  name: z.string(),
  /** Rows of cells from A1, header (and title) rows included; null is a blank cell. */
  values: z.array(z.array(CellValue)),
  /** Merged ranges in A1 notation ("A1:AD1"). */
  merges: z.array(z.string()).optional(),
  /** 1-based row number of the header row. */
  headerRow: z.number().int().positive(),
});
export type SampleSheet = z.infer<typeof SampleSheet>;

export const SampleTracker = z.object({
  sheets: z.array(SampleSheet),
  /** The add-in's Tracker history, written as a hidden sheet; absent for a tracker with no history. */
  history: SampleSheet.optional(),
  planted: z.array(PlantedProblem),
});
export type SampleTracker = z.infer<typeof SampleTracker>;
