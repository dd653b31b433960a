import type { CellValue } from "../cells/CellValue";
import { utcDateFromEpochDay } from "../dates/epochDay";
import { cellAddress, parseCellAddress } from "../tables/cellAddress";
import { isSameCellValue } from "../tables/isSameCellValue";
import type { ApplyReport, ChangeSet, SkippedChange } from "./ChangeSet";
import type { ModelValue, SheetModel } from "./SheetModel";
import { modelCellsOf } from "./modelCells";
import type { AppendRows, SheetInfo, SheetSnapshot, SheetWrite, WorkbookPort } from "./WorkbookPort";
import {
  outputNamesByKey,
  ownedSheetsXml,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  sameSheetName,
  stampField,
  stampOfCell,
  type HostSheet,
} from "./ownedSheets";
import {
  statusColumnsRefused,
  statusColumnsWritten,
  type StatusColumnsModel,
  type StatusColumnsWrite,
} from "../status/StatusColumnsModel";

/** A sheet to start a memory workbook with: its values from A1, as a port would read them. */
export interface MemorySheet {
  name: string;
  /** `values[r][c]` is the cell at row r + 1, column c + 1. */
  values: CellValue[][];
  merges?: string[];
  protected?: boolean;
  visibility?: SheetInfo["visibility"];
  /** 1-based rows hidden by the user or a filter. */
  hiddenRows?: number[];
}

/** What a memory workbook holds besides its sheets. */
export interface MemoryWorkbookOptions {
  /**
   * The register of the add-in's sheets (`ownedSheets.ts`) as another port wrote it: the custom XML
   * part that a workbook saved by Excel or by the command line carries.
   */
  ownedSheetsXml?: string;
}

interface HeldSheet {
  /** Stable across replacing the sheet's content, as a worksheet's id is in Excel. */
  key: string;
  name: string;
  values: CellValue[][];
  merges: string[];
  protected: boolean;
  visibility: SheetInfo["visibility"];
  hiddenRows: number[];
  /** Number formats set by applied changes, by A1 address. */
  numberFormats: Map<string, string>;
  /** The model last written, for sheets the add-in owns. */
  model?: SheetModel;
  /** The status block last written beside the sheet's tracker table. */
  statusColumns?: StatusColumnsModel;
}

/**
 * The workbook port in memory: the test fake for every job, and the workbook of the browser
 * harness. It behaves as the .xlsx and Office ports do (the shared contract suite checks that), and
 * keeps what was written so tests can look at the models themselves.
 */
export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: HeldSheet[];
  private register: string | undefined;
  private told: string[] = [];
  private keys = 0;

  constructor(sheets: readonly MemorySheet[] = [], options: MemoryWorkbookOptions = {}) {
    this.register = options.ownedSheetsXml;
    this.sheets = sheets.map((s) => ({
      key: this.nextKey(),
      name: s.name,
      values: copyValues(s.values),
      merges: [...(s.merges ?? [])],
      protected: s.protected ?? false,
      visibility: s.visibility ?? "visible",
      hiddenRows: [...(s.hiddenRows ?? [])],
      numberFormats: new Map(),
    }));
  }

  async listSheets(): Promise<SheetInfo[]> {
    const outputs = outputNamesByKey(this.ownedEntries(), "memory", this.hostSheets());
    return this.sheets.map((s) => {
      const output = outputs.get(s.key);
      return {
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        ...(output === undefined ? {} : { output }),
      };
    });
  }

  /** What a job told the user through this port since the last call: for tests of jobs. */
  takeNotes(): string[] {
    const notes = this.told;
    this.told = [];
    return notes;
  }

  tell(note: string): void {
    if (!this.told.includes(note)) this.told.push(note);
  }

  /** The register of the add-in's sheets as the custom XML part holds it, if there is one. */
  ownedSheetsXml(): string | undefined {
    return this.register;
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`There is no sheet named "${name}"`);
    return {
      name: sheet.name,
      values: copyValues(trimTrailingBlanks(sheet.values)),
      merges: [...sheet.merges],
      protected: sheet.protected,
      hiddenRows: [...sheet.hiddenRows],
    };
  }

  async writeSheet(model: SheetModel): Promise<SheetWrite> {
    const entries = this.ownedEntries();
    const sheetsBefore = this.hostSheets();
    const plan = planOwnedWrite(entries, "memory", sheetsBefore, model.name);
    const values: CellValue[][] = [];
    for (const cell of modelCellsOf(model)) {
      const row = (values[cell.row - 1] ??= []);
      row[cell.column - 1] = cellValueOf(cell.value);
    }
    const held: HeldSheet = {
      key: plan.target?.key ?? this.nextKey(),
      name: plan.name,
      values: fillHoles(values),
      merges: [...(model.merges ?? [])],
      protected: false,
      visibility: model.visibility ?? "visible",
      hiddenRows: [],
      numberFormats: new Map(),
      model: structuredClone(model),
    };
    // A replaced sheet keeps its place among the tabs, as it does in Excel.
    const at = this.sheets.findIndex((s) => s.key === plan.target?.key);
    if (at >= 0) this.sheets[at] = held;
    else this.sheets.push(held);
    this.register = ownedSheetsXml(
      registerAfterWrite(entries, "memory", sheetsBefore, {
        host: "memory",
        key: held.key,
        name: model.name,
        sheet: held.name,
        purpose: model.purpose,
        ...stampField(model),
      }),
    );
    return { name: held.name, replaced: plan.target !== undefined, notes: plan.note ? [plan.note] : [] };
  }

  async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
    const outputs = outputNamesByKey(this.ownedEntries(), "memory", this.hostSheets());
    const sheet = this.sheets.find((s) => {
      const name = outputs.get(s.key);
      return name !== undefined && sameSheetName(name, output);
    });
    if (!sheet) return { kind: "missing" };
    if (sheet.protected) return { kind: "protected", name: sheet.name };
    const firstRow = trimTrailingBlanks(sheet.values).length + 1;
    sheet.values = [...sheet.values.slice(0, firstRow - 1), ...rows.map((r) => r.map(cellValueOf))];
    rows.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v !== null && typeof v === "object")
          sheet.numberFormats.set(cellAddress(firstRow + i, c + 1), "dd/mm/yyyy");
      }),
    );
    return { kind: "appended", name: sheet.name, firstRow };
  }

  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    const report: ApplyReport = { applied: [], skipped: [] };
    for (const change of changes.changes) {
      const sheet = this.find(change.sheet);
      const position = parseCellAddress(change.cell);
      if (!sheet || !position) {
        report.skipped.push({ change, reason: "sheet-missing" });
        continue;
      }
      const current = sheet.values[position.row - 1]?.[position.column - 1] ?? null;
      const skip = skipReason(sheet.protected, current, change.old);
      if (skip) {
        report.skipped.push({ change, reason: skip, current });
        continue;
      }
      const row = (sheet.values[position.row - 1] ??= []);
      row[position.column - 1] = change.new;
      sheet.values = fillHoles(sheet.values);
      if (change.numberFormat !== undefined) sheet.numberFormats.set(change.cell, change.numberFormat);
      report.applied.push(change);
    }
    return report;
  }

  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const sheet = this.find(model.sheet);
    if (!sheet) return statusColumnsRefused("sheet-missing", model.sheet);
    if (sheet.protected) return statusColumnsRefused("sheet-protected", sheet.name);
    const set = (row: number, column: number, value: CellValue): void => {
      const cells = (sheet.values[row - 1] ??= []);
      cells[column - 1] = value;
    };
    for (let r = model.headerRow; r <= model.clear.lastRow; r++) {
      for (let c = 0; c < model.clear.columns; c++) {
        if (sheet.values[r - 1]?.[model.firstColumn + c - 1] !== undefined)
          set(r, model.firstColumn + c, null);
      }
    }
    model.headers.forEach((header, i) => set(model.headerRow, model.firstColumn + i, header));
    for (const row of model.rows) {
      row.values.forEach((value, i) => {
        set(row.row, model.firstColumn + i, cellValueOf(value));
        if (value !== null && typeof value === "object") {
          sheet.numberFormats.set(cellAddress(row.row, model.firstColumn + i), UK_DATE_FORMAT);
        }
      });
    }
    sheet.values = fillHoles(sheet.values);
    sheet.statusColumns = structuredClone(model);
    return statusColumnsWritten(model);
  }

  /** The status block last written beside a sheet's table, as written: for tests of jobs. */
  statusColumnsModel(name: string): StatusColumnsModel | undefined {
    const model = this.find(name)?.statusColumns;
    return model && structuredClone(model);
  }

  /** The model last written to a sheet, as written: for tests of builders and jobs. */
  sheetModel(name: string): SheetModel | undefined {
    const model = this.find(name)?.model;
    return model && structuredClone(model);
  }

  /** The number format an applied change set on a cell. */
  numberFormat(sheet: string, cell: string): string | undefined {
    return this.find(sheet)?.numberFormats.get(cell);
  }

  /** Every sheet's values by name, in tab order. */
  snapshot(): Record<string, CellValue[][]> {
    return Object.fromEntries(this.sheets.map((s) => [s.name, copyValues(trimTrailingBlanks(s.values))]));
  }

  private find(name: string): HeldSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  private ownedEntries(): ReturnType<typeof parseOwnedSheets> {
    return this.register === undefined ? [] : parseOwnedSheets(this.register);
  }

  private hostSheets(): HostSheet[] {
    return this.sheets.map((s) => {
      const firstCell = stampOfCell(s.values[0]?.[0]);
      return { key: s.key, name: s.name, ...(firstCell === undefined ? {} : { firstCell }) };
    });
  }

  private nextKey(): string {
    return String(++this.keys);
  }
}

// The format the ports give every date the add-in writes.
const UK_DATE_FORMAT = "dd/mm/yyyy";

/** Why a change cannot be applied to a cell, if it cannot; shared by every port. */
export function skipReason(
  sheetProtected: boolean,
  current: CellValue,
  old: CellValue,
): SkippedChange["reason"] | undefined {
  if (sheetProtected) return "sheet-protected";
  if (!isSameCellValue(current, old)) return "edited-since";
  return undefined;
}

function cellValueOf(value: ModelValue): CellValue {
  if (value !== null && typeof value === "object") return utcDateFromEpochDay(value.date);
  return value;
}

function copyValues(values: readonly (readonly CellValue[] | undefined)[]): CellValue[][] {
  return Array.from(values, (row) =>
    Array.from(row ?? [], (v) => (v instanceof Date ? new Date(v.getTime()) : v === undefined ? null : v)),
  );
}

// Sparse arrays become dense rows of nulls, so every reader sees `null` for a blank cell.
function fillHoles(values: CellValue[][]): CellValue[][] {
  return Array.from(values, (row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
}

// A port reads the used range: trailing blank rows and cells are not part of it.
function trimTrailingBlanks(values: readonly CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && (rows[last - 1]?.length ?? 0) === 0) last--;
  return rows.slice(0, last);
}
