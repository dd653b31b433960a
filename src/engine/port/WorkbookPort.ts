import type { CellValue } from "../cells/CellValue";
import type { ModelValue, SheetModel } from "./SheetModel";
import type { ChangeSet, ApplyReport, LogAppend } from "./ChangeSet";
import type { StatusColumnsModel, StatusColumnsWrite } from "../status/StatusColumnsModel";

/**
 * What the jobs need from a workbook, whatever holds it: Office.js in Excel, an .xlsx file through
 * exceljs, or memory in tests and the browser harness. The port speaks only our own types; every
 * implementation passes one shared contract suite, so each behaves the same.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** The whole used range from A1, values only (formulas as their cached results). */
  readSheet(name: string): Promise<SheetSnapshot>;
  /**
   * Several sheets at once, in the order named: a port whose every call is a round trip (Office.js)
   * reads them in as few as it can. Optional: where it is absent, sheets are read one at a time,
   * so that each can be mapped and let go before the next is read.
   */
  readSheets?(names: readonly string[]): Promise<SheetSnapshot[]>;
  /**
   * Writes a sheet the add-in owns (agenda, summary, data quality, change log, standards...),
   * replacing the content of the add-in's own sheet of that name or adding one. A user's sheet that
   * happens to have the name is never overwritten: the output gets another name, returned with a
   * note for the user. Which sheets are the add-in's is kept in the workbook's register of owned
   * sheets (`ownedSheets.ts`), which every port reads and writes.
   */
  writeSheet(model: SheetModel): Promise<SheetWrite>;
  /**
   * Appends rows below the last used row of the add-in's own sheet written as `output` (found by the
   * register, whatever its tab is called now), reading where it ends just before writing, in as few
   * requests as the host allows: rows co-authors append at the same time each land below the
   * other's, and nothing above is rewritten. Dates are written as real dates, dd/mm/yyyy. A missing
   * sheet (the add-in has none of that output) or a protected one is refused as a value, the
   * workbook left as it was: the caller writes the sheet whole with `writeSheet` the first time.
   */
  appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows>;
  /**
   * Writes confirmed fixes to user cells. Each cell is re-read first: one whose value is no longer
   * the change's `old` value was edited since the change set was computed and is skipped.
   */
  applyChanges(changes: ChangeSet): Promise<ApplyReport>;
  /**
   * Applies confirmed fixes and writes their Change log rows (`log` of what was applied; nothing
   * when it returns undefined) as one action: in Excel with ExcelApi 1.20, one step on the user's
   * undo stack, so Undo takes back a fix and its log rows together. Optional: where it is absent,
   * the job applies the changes and then writes the log.
   */
  applyChangesAndLog?(
    changes: ChangeSet,
    log: (report: ApplyReport) => LogAppend | undefined,
  ): Promise<{ report: ApplyReport; log?: SheetWrite }>;
  /**
   * Writes the add-in's status columns beside a tracker table, over the block an earlier run wrote:
   * only the block's cells, its conditional formats and the marker's note change; a protected or
   * missing sheet is refused as a value and left as it was.
   */
  writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite>;
  /**
   * What this host could not do since the last call, as sentences for the user (a version of Excel
   * without an API set the add-in would have used, say). Optional: a port that can do everything has
   * nothing to say. What writing a sheet could not do comes back with `writeSheet` itself.
   */
  takeNotes?(): string[];
  /**
   * Something a job noticed that the user must be told though the job went on (the Tracker history
   * could not be recorded, say): the port passes it on with its own notes, to the pane's message
   * under the view or the command line's stderr. Optional: a port with nowhere to say it drops it.
   */
  tell?(note: string): void;
  /**
   * Whether the add-in's changes keep the user's undo history in this host ("kept": Excel with
   * ExcelApi 1.20, where each fix or sheet is one Undo step) or clear it ("cleared": older Excel,
   * which cannot undo an add-in's changes), so the pane can say so before a job changes anything.
   * Optional: a file or memory port has no undo history.
   */
  undoHistory?(): "kept" | "cleared";
}

/** What writing an owned sheet did. */
export interface SheetWrite {
  /** The tab the model was written to: the model's name unless a user's sheet has it. */
  name: string;
  /** True when an earlier sheet of the add-in's was replaced, false when a sheet was added. */
  replaced: boolean;
  /** What the user must be told: the name that was taken, what this Excel could not do. */
  notes: string[];
}

/** What appending rows to an owned sheet did. */
export type AppendRows =
  /** `firstRow` is the 1-based row the first appended row went to, on the tab `name`. */
  | { kind: "appended"; name: string; firstRow: number }
  | { kind: "missing" }
  | { kind: "protected"; name: string };

export interface SheetInfo {
  name: string;
  /**
   * For a sheet the add-in wrote, the output name it was written as (usually the tab's own name;
   * another when a user's sheet had it, or the user renamed ours). Absent on the user's sheets.
   */
  output?: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Protected sheets can be read but not written: fixes to them are refused with a message. */
  protected: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** `values[r][c]` is the cell at row r + 1, column c + 1; rows may be shorter than others. */
  values: CellValue[][];
  /** Merged ranges in A1 form ("A1:F1"); a merged range's value sits in its top-left cell. */
  merges: string[];
  protected: boolean;
  /** Rows hidden by the user or a filter (1-based); they are still read. */
  hiddenRows?: number[];
}
