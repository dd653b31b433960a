import { open, readFile } from "node:fs/promises";
import type { CellValue } from "../engine/cells/CellValue";
import { utcDateFromEpochDay } from "../engine/dates/epochDay";
import type { ApplyReport, ChangeSet } from "../engine/port/ChangeSet";
import { skipReason } from "../engine/port/MemoryWorkbook";
import type { ModelValue, SheetModel } from "../engine/port/SheetModel";
import type {
  AppendRows,
  SheetInfo,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
} from "../engine/port/WorkbookPort";
import {
  OWNED_SHEETS_NAMESPACE,
  outputNamesByKey,
  ownedSheetsXml,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  sameSheetName,
  sheetsToStamp,
  stampField,
  stampOfCell,
  type HostSheet,
  type OwnedSheet,
} from "../engine/port/ownedSheets";
import { findCustomXmlPart, writeCustomXmlPart } from "./customXmlParts";
import {
  statusColumnsRefused,
  statusColumnsWritten,
  type StatusColumnsModel,
  type StatusColumnsWrite,
} from "../engine/status/StatusColumnsModel";
import {
  cellAddress,
  parseCellAddress,
  parseRangeAddress,
  type RangePosition,
} from "../engine/tables/cellAddress";
import { drawCharts } from "./nativeCharts";
import { readSharedStrings } from "./sharedStrings";
import { SheetEdits, withEdits } from "./sheetEdits";
import { changeNotes } from "./sheetNotes";
import { planStatusTable, tablesOfSheet, widenedTableXml } from "./statusTableColumns";
import { EMPTY_STYLES, StyleSheet, UK_DATE_FORMAT } from "./styleSheet";
import { WorkbookStructure, type SheetEntry } from "./workbookStructure";
import {
  cellKey,
  isProtectedWorksheet,
  readWorksheet,
  type CellFormats,
  type WorksheetContents,
} from "./worksheetReader";
import { patchWorksheet } from "./worksheetPatcher";
import { worksheetXml } from "./worksheetWriter";
import {
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  RELATIONSHIP_TYPES,
  XlsxPackage,
  resolveTarget,
} from "./XlsxPackage";
import { MemorySink, deflateContent, type ByteSink } from "./zipWriter";

export { UK_DATE_FORMAT } from "./styleSheet";

export interface SaveReport {
  /** Native charts drawn from the sheet models written since the file was loaded. */
  chartsDrawn: number;
  /** What could not be drawn, as sentences for the user: charts whose model could not be read. */
  notes: string[];
}

export interface XlsxOpenOptions {
  /**
   * The error to throw when a part of the file turns out to be damaged as it is read (the file is
   * opened lazily, sheet by sheet): the command line makes it a message for the user.
   */
  damaged?: (detail: string) => Error;
}

/** What the port wrote into one owned sheet: its charts, for the save report. */
interface WrittenSheet {
  chartsDrawn: number;
  notes: string[];
}

/**
 * The workbook port over an .xlsx file: what the `tracker` command line reads and writes.
 *
 * The file is never loaded whole. Reading a sheet inflates and parses its part then, cell by cell,
 * into the values the engine needs. Saving writes the loaded package again with only what the
 * add-in changed: owned sheets (agendas, summaries...) as new worksheet parts generated straight
 * from their models, the user's sheets copied byte for byte unless a confirmed fix or the status
 * columns edit them (then their cells are patched as the part is copied through), and the styles,
 * workbook and content types parts edited where they must be. So everything the add-in does not
 * write (charts, pictures, macros, form controls, pivot tables, comments, table filters) stays as it
 * was.
 */
export class XlsxWorkbook implements WorkbookPort {
  private sharedStrings: string[] | undefined;
  private readonly protection = new Map<SheetEntry, boolean>();
  private readonly edits = new Map<SheetEntry, SheetEdits>();
  /** What an edited sheet held before its edits: its copy is patched from this at every save. */
  private readonly sources = new Map<SheetEntry, () => AsyncIterable<Buffer>>();
  private readonly written = new Map<SheetEntry, WrittenSheet>();
  /** Anything changed since loading: the calculation chain is dropped, Excel rebuilds it. */
  private changed = false;
  private lastSave: SaveReport = { chartsDrawn: 0, notes: [] };
  private readonly told: string[] = [];

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly structure: WorkbookStructure,
    private readonly styles: StyleSheet,
    private readonly options: XlsxOpenOptions,
  ) {}

  /** Opens an .xlsx file. */
  static async load(path: string, options: XlsxOpenOptions = {}): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readFile(path), options);
  }

  /** Opens an .xlsx file's bytes; throws when they are not a workbook's package. */
  static async fromBuffer(
    buffer: ArrayBuffer | Uint8Array,
    options: XlsxOpenOptions = {},
  ): Promise<XlsxWorkbook> {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    const pkg = XlsxPackage.open(bytes);
    const structure = WorkbookStructure.read(pkg);
    const stylesPath = partRelatedFrom(pkg, structure.path, RELATIONSHIP_TYPES.styles);
    const styles = StyleSheet.read(stylesPath === undefined ? undefined : pkg.text(stylesPath));
    return new XlsxWorkbook(pkg, structure, styles, options);
  }

  /** An empty workbook, for a new file. */
  static create(): XlsxWorkbook {
    const pkg = XlsxPackage.empty();
    pkg.write(
      CONTENT_TYPES_PART,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/>` +
        `<Default Extension="xml" ContentType="${CONTENT_TYPES.xml}"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPES.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPES.styles}"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="${CONTENT_TYPES.coreProperties}"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CONTENT_TYPES.extendedProperties}"/>` +
        "</Types>",
    );
    pkg.addRelationship("", RELATIONSHIP_TYPES.officeDocument, "xl/workbook.xml");
    pkg.addRelationship("", RELATIONSHIP_TYPES.coreProperties, "docProps/core.xml");
    pkg.addRelationship("", RELATIONSHIP_TYPES.extendedProperties, "docProps/app.xml");
    pkg.write(
      "docProps/core.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>Permanence tracker</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d+Z$/, "Z")}</dcterms:created>` +
        "</cp:coreProperties>",
    );
    pkg.write(
      "docProps/app.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        "<Application>Permanence tracker</Application></Properties>",
    );
    pkg.write(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029"/></workbook>',
    );
    pkg.addRelationship("xl/workbook.xml", RELATIONSHIP_TYPES.styles, "xl/styles.xml");
    pkg.write("xl/styles.xml", EMPTY_STYLES);
    const workbook = new XlsxWorkbook(pkg, WorkbookStructure.read(pkg), StyleSheet.read(EMPTY_STYLES), {});
    workbook.changed = true;
    return workbook;
  }

  /** Writes the workbook to a file (created or replaced), streaming it: the copy is never one buffer. */
  async save(path: string, flags = "w"): Promise<void> {
    const file = await open(path, flags);
    try {
      await this.writeTo({
        write: async (chunk) => {
          await file.write(chunk);
        },
      });
    } finally {
      await file.close();
    }
  }

  async toBuffer(): Promise<Buffer> {
    const sink = new MemorySink();
    await this.writeTo(sink);
    return sink.toBuffer();
  }

  /** How many native charts the saved sheets hold, and what could not be drawn. */
  saveReport(): SaveReport {
    return { chartsDrawn: this.lastSave.chartsDrawn, notes: [...this.lastSave.notes, ...this.told] };
  }

  /** Kept for the save report, which the command line prints when it saves the copy. */
  tell(note: string): void {
    if (!this.told.includes(note)) this.told.push(note);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const entries = this.ownedEntries();
    const outputs = outputNamesByKey(entries, "xlsx", await this.hostSheets(entries));
    const sheets: SheetInfo[] = [];
    for (const entry of this.structure.worksheets()) {
      const output = outputs.get(String(entry.sheetId));
      sheets.push({
        name: entry.name,
        visibility: entry.state,
        protected: await this.isProtected(entry),
        ...(output === undefined ? {} : { output }),
      });
    }
    return sheets;
  }

  /** The register of the add-in's sheets (`ownedSheets.ts`) as the file's custom XML part holds it. */
  ownedSheetsXml(): string | undefined {
    const path = findCustomXmlPart(this.pkg, this.structure.path, OWNED_SHEETS_NAMESPACE);
    return path === undefined ? undefined : this.pkg.text(path);
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    const entry = this.structure.find(name);
    if (!entry) throw new Error(`There is no sheet named "${name}"`);
    const contents = await this.readPart(entry, {});
    this.protection.set(entry, contents.protected);
    return {
      name: entry.name,
      values: withEdits(contents.values, this.edits.get(entry)),
      merges: contents.merges,
      protected: contents.protected,
      hiddenRows: contents.hiddenRows,
    };
  }

  async writeSheet(model: SheetModel): Promise<SheetWrite> {
    const state = model.visibility ?? "visible";
    const entries = this.ownedEntries();
    const sheetsBefore = await this.hostSheets(entries);
    const plan = planOwnedWrite(entries, "xlsx", sheetsBefore, model.name);
    let entry = this.structure.worksheets().find((s) => String(s.sheetId) === plan.target?.key);
    if (entry?.path !== undefined) {
      // Replaced in place: the tab keeps its position, the part its name; what only the old sheet
      // used (its drawing and charts, its notes) goes with it.
      this.pkg.removePartAndOrphans(entry.path);
      this.pkg.setContentType(entry.path, CONTENT_TYPES.worksheet);
      this.structure.setState(entry, state);
      this.edits.delete(entry);
      this.sources.delete(entry);
    } else {
      const other = this.structure.findAny(plan.name);
      // Excel refuses a workbook with two tabs of one name; the jobs only see worksheets, so say so.
      if (other) {
        const what = other.kind === "chartsheet" ? "a chart sheet" : "a macro or dialog sheet";
        throw new Error(`“${other.name}” is ${what} of the workbook: a sheet of that name cannot be added`);
      }
      entry = this.structure.addWorksheet(this.pkg, plan.name, state);
    }
    const path = entry.path as string;
    this.structure.setPrintTitles(entry, model.print?.repeatRows);
    const charts = drawCharts(this.pkg, path, model, false);
    const deflated = await deflateContent(
      worksheetXml(model, {
        styles: this.styles,
        date1904: this.structure.date1904,
        ...(charts.drawingRelationshipId === undefined
          ? {}
          : { drawingRelationshipId: charts.drawingRelationshipId }),
      }),
    );
    this.pkg.writeDeflated(path, deflated);
    this.protection.set(entry, false);
    this.written.set(entry, {
      chartsDrawn: charts.written.length,
      notes: charts.skipped.map((s) => `the chart “${s.title}” on “${s.sheet}” was not drawn: ${s.reason}`),
    });
    const written: OwnedSheet = {
      host: "xlsx",
      key: String(entry.sheetId),
      name: model.name,
      sheet: entry.name,
      purpose: model.purpose,
      ...stampField(model),
    };
    this.writeRegister(registerAfterWrite(entries, "xlsx", sheetsBefore, written));
    this.changed = true;
    return { name: entry.name, replaced: plan.target !== undefined, notes: plan.note ? [plan.note] : [] };
  }

  /**
   * Appends below the owned sheet's last used row as cell edits, the way confirmed fixes are made:
   * on save the sheet's part is copied with the new rows patched in, and nothing above changes.
   */
  async appendRows(output: string, rows: readonly (readonly ModelValue[])[]): Promise<AppendRows> {
    const entries = this.ownedEntries();
    const outputs = outputNamesByKey(entries, "xlsx", await this.hostSheets(entries));
    const entry = this.structure.worksheets().find((s) => {
      const name = outputs.get(String(s.sheetId));
      return name !== undefined && sameSheetName(name, output);
    });
    if (!entry) return { kind: "missing" };
    if (await this.isProtected(entry)) return { kind: "protected", name: entry.name };
    const firstRow = (await this.readSheet(entry.name)).values.length + 1;
    const edits = this.editsOf(entry);
    rows.forEach((values, i) =>
      values.forEach((value, c) => {
        if (value !== null && typeof value === "object") {
          edits.setCell(firstRow + i, c + 1, {
            value: utcDateFromEpochDay(value.date),
            format: this.styles.withNumberFormat(0, UK_DATE_FORMAT),
          });
        } else edits.setCell(firstRow + i, c + 1, { value, format: 0 });
      }),
    );
    this.changed = true;
    return { kind: "appended", name: entry.name, firstRow };
  }

  async applyChanges(changes: ChangeSet): Promise<ApplyReport> {
    const report: ApplyReport = { applied: [], skipped: [] };
    const bySheet = new Map<SheetEntry, Set<number>>();
    for (const change of changes.changes) {
      const entry = this.structure.find(change.sheet);
      const at = parseCellAddress(change.cell);
      if (entry && at) {
        const keys = bySheet.get(entry) ?? new Set<number>();
        keys.add(cellKey(at.row, at.column));
        bySheet.set(entry, keys);
      }
    }
    // Each sheet is read once, for just the cells the changes name: their values and formats.
    const current = new Map<SheetEntry, CellsNow>();
    for (const [entry, keys] of bySheet) {
      current.set(entry, await this.cellsNow(entry, (row, column) => keys.has(cellKey(row, column))));
    }
    for (const change of changes.changes) {
      const entry = this.structure.find(change.sheet);
      const at = parseCellAddress(change.cell);
      const cells = entry && current.get(entry);
      if (!entry || !at || !cells) {
        report.skipped.push({ change, reason: "sheet-missing" });
        continue;
      }
      const now = cells.valueAt(at.row, at.column);
      const skip = skipReason(await this.isProtected(entry), now, change.old);
      if (skip) {
        report.skipped.push({ change, reason: skip, current: now });
        continue;
      }
      const base = cells.formatAt(at.row, at.column);
      // Only this cell's format changes: cells sharing its format keep theirs.
      const format =
        change.numberFormat === undefined ? base : this.styles.withNumberFormat(base, change.numberFormat);
      this.editsOf(entry).setCell(at.row, at.column, { value: change.new, format });
      cells.set(at.row, at.column, change.new, format);
      report.applied.push(change);
    }
    return report;
  }

  /**
   * Writes the status block in place: the earlier block's cells are blanked, the new ones written,
   * and the conditional formats lying inside the block's columns replaced. Nothing else is touched.
   *
   * When the tracker is an Excel Table and the block starts right after its last column (or stands
   * inside it from an earlier run), the block's columns become table columns, as the Office port
   * adds them: the table's range and filter range widen to the block, its column list takes the
   * block's headers (numbered if a name is taken, since a table's names are unique), and its name,
   * style and other columns stay as they were (statusTableColumns.ts). The conditional formats then
   * reach the table's last body row. Elsewhere the block sits beside the tracker as before.
   */
  async writeStatusColumns(model: StatusColumnsModel): Promise<StatusColumnsWrite> {
    const entry = this.structure.find(model.sheet);
    if (!entry?.path) return statusColumnsRefused("sheet-missing", model.sheet);
    if (await this.isProtected(entry)) return statusColumnsRefused("sheet-protected", entry.name);
    const decision = planStatusTable(tablesOfSheet(this.pkg, entry.path), model);
    if (!decision.ok) return decision;
    const table = decision.plan;
    const headers = table?.headers ?? model.headers;
    const width = Math.max(model.clear.columns, headers.length);
    // A loop, not Math.max(...rows): 200,000 arguments overflow the stack.
    let bottom = Math.max(model.clear.lastRow, model.headerRow);
    for (const row of model.rows) bottom = Math.max(bottom, row.row);
    const block: RangePosition = {
      top: model.headerRow,
      left: model.firstColumn,
      bottom,
      right: model.firstColumn + width - 1,
    };
    const cells = await this.cellsNow(entry, (row, column) => within(block, row, column));
    const edits = this.editsOf(entry);
    for (let r = model.headerRow; r <= model.clear.lastRow; r++) {
      for (let c = 0; c < model.clear.columns; c++) {
        const column = model.firstColumn + c;
        edits.setCell(r, column, { value: null, format: cells.formatAt(r, column) });
      }
    }
    headers.forEach((header, i) => {
      const column = model.firstColumn + i;
      edits.setCell(model.headerRow, column, {
        value: header,
        format: this.styles.asHeader(cells.formatAt(model.headerRow, column)),
      });
    });
    for (const row of model.rows) {
      row.values.forEach((value, i) => {
        const column = model.firstColumn + i;
        const base = cells.formatAt(row.row, column);
        if (value !== null && typeof value === "object") {
          edits.setCell(row.row, column, {
            value: utcDateFromEpochDay(value.date),
            format: this.styles.withNumberFormat(base, UK_DATE_FORMAT),
          });
        } else {
          edits.setCell(row.row, column, { value, format: base });
        }
      });
    }
    for (const [column, width] of Object.entries(model.columnWidths))
      edits.columnWidths.set(Number(column), width);
    if (table)
      this.pkg.write(table.table.path, widenedTableXml(this.pkg.text(table.table.path) ?? "", table));

    const right = model.firstColumn + Math.max(model.clear.columns, model.headers.length) - 1;
    edits.removeFormats((ref) => {
      const at = parseRangeAddress(ref);
      return (
        at !== undefined && at.left >= model.firstColumn && at.right <= right && at.top > model.headerRow
      );
    });
    const formatRange = model.formatRange && reachTableBottom(model.formatRange, table?.bodyBottom);
    if (formatRange) {
      edits.addedFormats.push({
        sqref: formatRange,
        rules: model.rules.flatMap((rule) =>
          rule.texts.map((text) => ({
            text,
            differentialFormat: this.styles.differentialFormat(rule.fill, rule.fontColor),
          })),
        ),
      });
    }
    const legacyDrawing = changeNotes(this.pkg, entry.path, {
      clear:
        model.clear.columns > 0
          ? {
              top: model.headerRow,
              left: model.firstColumn,
              bottom: model.clear.lastRow,
              right: model.firstColumn + model.clear.columns - 1,
            }
          : undefined,
      note: { row: model.headerRow, column: model.firstColumn, text: model.note },
    });
    if (legacyDrawing !== undefined) edits.legacyDrawingRelationshipId = legacyDrawing;
    return statusColumnsWritten(model);
  }

  private async writeTo(sink: ByteSink): Promise<void> {
    for (const [entry, edits] of this.edits) {
      const path = entry.path;
      if (path === undefined || !edits.touched || !this.structure.sheets.includes(entry)) continue;
      const date1904 = this.structure.date1904;
      this.pkg.writeGenerated(path, () => patchWorksheet(this.originalChunks(entry), edits, date1904));
    }
    const styles = this.styles.render();
    if (styles !== undefined) {
      let stylesPath = partRelatedFrom(this.pkg, this.structure.path, RELATIONSHIP_TYPES.styles);
      if (stylesPath === undefined) {
        stylesPath = "xl/styles.xml";
        this.pkg.addRelationship(this.structure.path, RELATIONSHIP_TYPES.styles, stylesPath);
        this.pkg.setContentType(stylesPath, CONTENT_TYPES.styles);
      }
      this.pkg.write(stylesPath, styles);
    }
    this.structure.save(this.pkg);
    if (this.changed || this.edits.size > 0) this.dropCalculationChain();
    await this.pkg.writeTo(sink);
    const written = [...this.written]
      .filter(([entry]) => this.structure.sheets.includes(entry))
      .map(([, w]) => w);
    this.lastSave = {
      chartsDrawn: written.reduce((sum, w) => sum + w.chartsDrawn, 0),
      notes: written.flatMap((w) => w.notes),
    };
  }

  /**
   * The calculation chain lists every formula cell by sheet: one the add-in replaced, deleted or
   * edited would make Excel repair the file. Without it Excel rebuilds it on open.
   */
  private dropCalculationChain(): void {
    const path = partRelatedFrom(this.pkg, this.structure.path, RELATIONSHIP_TYPES.calcChain);
    if (path === undefined) return;
    this.pkg.removeRelationships(this.structure.path, (r) => r.type === RELATIONSHIP_TYPES.calcChain);
    this.pkg.removePart(path);
  }

  private async readPart(
    entry: SheetEntry,
    options: { only?: (row: number, column: number) => boolean; formats?: boolean },
  ): Promise<WorksheetContents> {
    const sharedStrings = await this.loadSharedStrings();
    try {
      return await readWorksheet(this.originalChunks(entry), {
        sharedStrings,
        isDateStyle: (xf) => this.styles.isDateStyle(xf),
        date1904: this.structure.date1904,
        ...options,
      });
    } catch (error) {
      throw this.damaged(`the sheet “${entry.name}” cannot be read`, error);
    }
  }

  /** The sheet's part before this session's edits (they are applied on top): as loaded, or as written. */
  private originalChunks(entry: SheetEntry): AsyncIterable<Buffer> {
    const source = this.sources.get(entry);
    if (source) return source();
    const path = entry.path ?? "";
    return this.pkg.originalChunks(path) ?? this.pkg.writtenChunks(path) ?? nothing();
  }

  private async isProtected(entry: SheetEntry): Promise<boolean> {
    const known = this.protection.get(entry);
    if (known !== undefined) return known;
    let result: boolean;
    try {
      result = await isProtectedWorksheet(this.originalChunks(entry));
    } catch (error) {
      throw this.damaged(`the sheet “${entry.name}” cannot be read`, error);
    }
    this.protection.set(entry, result);
    return result;
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const path = partRelatedFrom(this.pkg, this.structure.path, RELATIONSHIP_TYPES.sharedStrings);
    const chunks = path === undefined ? undefined : this.pkg.originalChunks(path);
    try {
      this.sharedStrings = chunks === undefined ? [] : await readSharedStrings(chunks);
    } catch (error) {
      throw this.damaged("its shared strings cannot be read", error);
    }
    return this.sharedStrings;
  }

  private ownedEntries(): OwnedSheet[] {
    const xml = this.ownedSheetsXml();
    return xml === undefined ? [] : parseOwnedSheets(xml);
  }

  private writeRegister(entries: readonly OwnedSheet[]): void {
    writeCustomXmlPart(this.pkg, this.structure.path, OWNED_SHEETS_NAMESPACE, ownedSheetsXml(entries));
  }

  /**
   * Every tab (chart sheets too, whose names a new sheet must not take) by its workbook.xml sheetId,
   * with A1 read from the worksheets that another host's entries of the register name.
   */
  private async hostSheets(entries: readonly OwnedSheet[]): Promise<HostSheet[]> {
    const toStamp = sheetsToStamp(entries, "xlsx").map((n) => n.toLocaleLowerCase("en-GB"));
    const sheets: HostSheet[] = [];
    for (const s of this.structure.sheets) {
      const sheet: HostSheet = { key: String(s.sheetId), name: s.name };
      if (
        s.kind === "worksheet" &&
        s.path !== undefined &&
        toStamp.includes(s.name.toLocaleLowerCase("en-GB"))
      ) {
        const a1 = await this.readPart(s, { only: (row, column) => row === 1 && column === 1 });
        const firstCell = stampOfCell(withEdits(a1.values, this.edits.get(s))[0]?.[0]);
        if (firstCell !== undefined) sheet.firstCell = firstCell;
      }
      sheets.push(sheet);
    }
    return sheets;
  }

  /** The named cells' values and formats as they are now: loaded, with this session's edits on top. */
  private async cellsNow(
    entry: SheetEntry,
    only: (row: number, column: number) => boolean,
  ): Promise<CellsNow> {
    const contents = await this.readPart(entry, { only, formats: true });
    this.protection.set(entry, contents.protected);
    return new CellsNow(contents, this.edits.get(entry));
  }

  private editsOf(entry: SheetEntry): SheetEdits {
    let edits = this.edits.get(entry);
    if (!edits) {
      edits = new SheetEdits();
      this.edits.set(entry, edits);
      const source = entry.path === undefined ? undefined : this.pkg.contentReader(entry.path);
      if (source) this.sources.set(entry, source);
    }
    this.changed = true;
    return edits;
  }

  private damaged(what: string, error: unknown): Error {
    const detail = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    return this.options.damaged?.(detail) ?? new Error(detail);
  }
}

/** Cells of a sheet as read for an edit: values and cell formats, this session's edits included. */
class CellsNow {
  constructor(
    private readonly contents: WorksheetContents,
    private readonly edits: SheetEdits | undefined,
  ) {}

  valueAt(row: number, column: number): CellValue {
    const edit = this.edits?.cellAt(row, column);
    if (edit) return edit.value;
    return this.contents.values[row - 1]?.[column - 1] ?? null;
  }

  /**
   * The cell format a cell has now; a cell not in the part takes its row's format, else its
   * column's, as Excel gives a new cell.
   */
  formatAt(row: number, column: number): number {
    const edit = this.edits?.cellAt(row, column);
    if (edit) return edit.format;
    const formats = this.contents.formats as CellFormats;
    return (
      formats.cells.get(cellKey(row, column)) ??
      formats.rows.get(row) ??
      formats.columns.find((c) => c.min <= column && column <= c.max)?.format ??
      0
    );
  }

  set(row: number, column: number, value: CellValue, format: number): void {
    const line = this.contents.values[row - 1] ?? [];
    this.contents.values[row - 1] = line;
    line[column - 1] = value;
    (this.contents.formats as CellFormats).cells.set(cellKey(row, column), format);
  }
}

async function* nothing(): AsyncGenerator<Buffer, void, undefined> {
  // A sheet whose part is missing reads as empty.
}

function within(range: RangePosition, row: number, column: number): boolean {
  return range.top <= row && row <= range.bottom && range.left <= column && column <= range.right;
}

/**
 * The block's formatted range down to a table's last body row, which may lie below the last tracker
 * row (blank rows the user keeps in the table): new rows typed there are coloured too.
 */
function reachTableBottom(formatRange: string, bodyBottom: number | undefined): string {
  const at = parseRangeAddress(formatRange);
  if (!at || bodyBottom === undefined || bodyBottom <= at.bottom) return formatRange;
  return `${cellAddress(at.top, at.left)}:${cellAddress(bodyBottom, at.right)}`;
}

/** The part a relationship of one type from `source` points at, if it is in the package. */
function partRelatedFrom(pkg: XlsxPackage, source: string, type: string): string | undefined {
  const rel = pkg.relationships(source).find((r) => r.type === type && !r.external);
  if (!rel) return undefined;
  const path = resolveTarget(source, rel.target);
  return pkg.has(path) ? path : undefined;
}
