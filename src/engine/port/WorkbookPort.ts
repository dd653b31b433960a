import type { CellValue } from "../cells/CellValue";
import type { SheetModel } from "./SheetModel";
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
   * replacing the content of a sheet of the same name or creating it. Never used for user sheets.
   */
  writeSheet(model: SheetModel): Promise<void>;
  deleteSheet(name: string): Promise<void>;
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
  ): Promise<ApplyReport>;
  /**
   * Writes the add-in's status columns beside a tracker table, over the block an earlier run wrote:
   * only the block's cells, its conditional formats and the marker's note change; a protected or
   * missing sheet is refused as a value and left as it was.
   */
  writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite>;
}

export interface SheetInfo {
  name: string;
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
