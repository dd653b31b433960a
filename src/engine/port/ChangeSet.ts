import { z } from "zod";
import { CellValue } from "../cells/CellValue";
import type { SheetModel } from "./SheetModel";

/**
 * One confirmed change to a user's cell. `old` is the value the fix was computed from: a cell that
 * no longer holds it was edited since, and the change is skipped rather than overwriting that edit.
 */
export const CellChange = z.object({
  sheet: z.string(),
  /** A1 address of the cell ("D7"). */
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  old: CellValue,
  new: CellValue,
  /** Excel number format to set with the new value (dd/mm/yyyy for a text date made real). */
  numberFormat: z.string().optional(),
  /** The data-quality code or fix that produced the change. */
  rule: z.string(),
});
export type CellChange = z.infer<typeof CellChange>;

export const ChangeSet = z.object({
  /** Stable id, logged with every change so a whole set can be reverted. */
  id: z.string().min(1),
  description: z.string(),
  changes: z.array(CellChange),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

export interface SkippedChange {
  change: CellChange;
  reason: "edited-since" | "sheet-missing" | "sheet-protected";
  /** What the cell holds now, when it could be read. */
  current?: CellValue;
}

export interface ApplyReport {
  applied: CellChange[];
  skipped: SkippedChange[];
}

/**
 * The Change log written with a change set: the whole log as a sheet model (for a port that writes
 * it whole, or a workbook that has none yet) whose last `newRows` rows are the changes just applied,
 * which a port that can append writes below the log's last row.
 */
export interface LogAppend {
  model: SheetModel;
  newRows: number;
}
