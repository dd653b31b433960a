import type { ApplyReport, ChangeSet, LogAppend } from "../engine/port/ChangeSet";
import type { ModelValue, SheetModel } from "../engine/port/SheetModel";
import type {
  AppendRows,
  SheetInfo,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
} from "../engine/port/WorkbookPort";
import { type StatusColumnsModel, type StatusColumnsWrite } from "../engine/status/StatusColumnsModel";
import type { OfficeHost } from "./OfficeApi";
import { OfficeWorkbookError } from "./OfficeWorkbookError";
import { OfficeAccess } from "./officeAccess";
import { readSheetsWithFormats, type SheetReading } from "./readSheets";
import { writeModel, type SheetWriteOutcome } from "./writeModel";
import { listSheets } from "./listSheets";
import { writeStatusColumns } from "./statusColumns";
import { appendRows } from "./appendRows";
import { applyChangesAndLog } from "./applyChanges";

export { OPTIONAL_API, REQUIRED_API } from "./apiSetVersions";
export { OfficeNavigator } from "./OfficeNavigator";
export { rangesIn } from "./rangeAddresses";
export type { SheetReading, SheetTable } from "./readSheets";
export type { SheetWriteOutcome } from "./writeModel";

/**
 * The workbook port over Office.js: the only code in the product that talks to Excel. Every action is
 * one `Excel.run`; reads size every sheet in one sync and then load fixed-budget row chunks; writes
 * rewrite the add-in's own sheet in place as one undo step where Excel can undo them (ExcelApi 1.20)
 * and elsewhere go to a new hidden sheet that replaces the old one only once complete; fixes re-read
 * each cell in the same run before writing it, with their Change log rows. What the host cannot do
 * is said in `takeNotes()` or a write's notes; what goes
 * wrong is an `OfficeWorkbookError` whose `problem.message` is a sentence for the user.
 *
 * The class only delegates; each action lives in its own module, sharing the host, the requirement
 * sets it has and the notes through `OfficeAccess` (officeAccess.ts, sets in apiSetVersions.ts):
 * reading sheets and sizing chunks in readSheets.ts; writing a sheet model (in place on ExcelApi 1.20,
 * through a temporary sheet before) in writeModel.ts; the register of owned sheets in
 * ownedRegister.ts (listSheets.ts lists sheets with it); fixes in applyChanges.ts with their Change
 * log rows in appendLog.ts; appended rows in appendRows.ts; status columns in statusColumns.ts; the
 * navigator in OfficeNavigator.ts.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly access: OfficeAccess;

  constructor(host: OfficeHost) {
    this.access = new OfficeAccess(host);
  }

  /** Notes for the user gathered since the last call: what this Excel lacks for reading or fixes. */
  takeNotes(): string[] {
    return this.access.takeNotes();
  }

  /** The sheets with the outputs the register of owned sheets names (listSheets.ts). */
  async listSheets(): Promise<SheetInfo[]> {
    return listSheets(this.access);
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    return (await this.readSheetWithFormats(name)).snapshot;
  }

  /** Several sheets in as few round trips as Excel's payload limit allows (readSheetsOf uses it). */
  async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
    return (await this.readSheetsWithFormats(names)).map((reading) => reading.snapshot);
  }

  async readSheetWithFormats(name: string): Promise<SheetReading> {
    return (await this.readSheetsWithFormats([name]))[0] as SheetReading;
  }

  /** Sheets with their formats and tables, in as few syncs as the payload allows (readSheets.ts). */
  async readSheetsWithFormats(names: readonly string[]): Promise<SheetReading[]> {
    return readSheetsWithFormats(this.access, names);
  }

  async writeSheet(model: SheetModel): Promise<SheetWrite> {
    const outcome = await this.writeModel(model);
    if (!outcome.ok) throw new OfficeWorkbookError(outcome.problem);
    return { name: outcome.name, replaced: outcome.replaced, notes: outcome.notes };
  }

  /** Writes a sheet the add-in owns, the outcome as a value (writeModel.ts). */
  async writeModel(model: SheetModel): Promise<SheetWriteOutcome> {
    return writeModel(this.access, model);
  }

  /**
   * Whether the add-in's changes join the user's undo stack: from ExcelApi 1.20 (officeAccess.ts).
   */
  keepsUndo(): boolean {
    return this.access.keepsUndo();
  }

  undoHistory(): "kept" | "cleared" {
    return this.keepsUndo() ? "kept" : "cleared";
  }

  /** Writes the status block beside a tracker table (statusColumns.ts). */
  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    return writeStatusColumns(this.access, model);
  }

  /** Appends rows below an owned sheet's used range (appendRows.ts). */
  async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
    return appendRows(this.access, output, rows);
  }

  /**
   * Applies confirmed fixes: the cells are re-read in the same `Excel.run` and any that changed since
   * the fix was computed are skipped. Where ExcelApi 1.20 is there, the run is one undo step. If Excel
   * fails part-way, the cells already written get their old values and formats back.
   */
  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    return (await this.applyChangesAndLog(changes, () => undefined)).report;
  }

  /** Applies confirmed fixes and writes their Change log rows in the same run (applyChanges.ts). */
  async applyChangesAndLog(
    changes: ChangeSet,
    log: (report: ApplyReport) => LogAppend | undefined,
  ): Promise<{ report: ApplyReport; log?: SheetWrite }> {
    return applyChangesAndLog(this.access, changes, log);
  }
}
