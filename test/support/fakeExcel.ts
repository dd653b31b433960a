import { parseRangeAddress, cellAddress, type RangePosition } from "../../src/engine/tables/cellAddress";
import type {
  ExcelChart,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelContext,
  ExcelCustomXmlPart,
  ExcelRange,
  ExcelRangeAreas,
  ExcelRangeFormat,
  ExcelRun,
  ExcelTable,
  ExcelTableColumnCollection,
  ExcelWorksheet,
  OfficeHost,
} from "../../src/excel/OfficeApi";
import { EXCEL_HOSTS, type ExcelHostName, type ExcelHostProfile } from "./excelHostProfiles";

/**
 * A typed fake of the part of the Excel object model the Office port uses: sheets held in memory,
 * loads and property sets queued until `context.sync()`, as Office.js does, with every sync counted
 * and its request and response sizes estimated. `office-addin-mock` is not used: it cannot mock
 * collections (`worksheets.items`, `getItemOrNullObject`), null objects or queued writes, which is
 * exactly what the port's batching does.
 *
 * It behaves as Excel does where the port depends on it: reading a property that was not loaded
 * throws; text set through `values` is parsed as if typed (formulas, numbers, UK dates, booleans)
 * unless the cell is formatted as Text ("@"); writes to a protected sheet, to a deleted sheet or
 * adding sheets to a protected workbook fail at the sync; a request or response over 5 MB fails, and
 * so does reading the values of a range of more than 5,000,000 cells.
 *
 * It also keeps the user's undo stack as Excel does (see `undoEffect`), and answers `isSetSupported`
 * as the Excel version of its host profile does (test/support/excelHostProfiles.ts).
 */

/** A cell as Excel holds it. */
export type FakeCellValue = string | number | boolean | { error: string } | { formula: string };

export interface FakeSheetInit {
  name: string;
  values?: FakeCellValue[][];
  formats?: (string | undefined)[][];
  merges?: string[];
  hiddenRows?: number[];
  protected?: boolean;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  tables?: Array<{ name: string; address: string }>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  deleted: boolean;
  values: (FakeCellValue | undefined)[][];
  formats: (string | undefined)[][];
  merges: string[];
  hiddenRows: Set<number>;
  /** Every format property set, in order: `{ address, property: "font.bold", value }`. */
  styles: Array<{ address: string; property: string; value: unknown }>;
  hyperlinks: Map<string, string>;
  freeze?: { rows: number; columns: number };
  page: { orientation?: string; zoom?: unknown; printTitleRows?: string };
  showGridlines: boolean;
  tabColor: string;
  charts: Array<{ type: string; source: string; title: string; from?: string; to?: string }>;
  autoFilter?: string;
  /** Conditional formats added (ExcelApi 1.6), as set by the time of the sync. */
  conditionalFormats?: Array<{ address: string; format: ExcelConditionalFormat }>;
  tables: Array<{ name: string; address: string }>;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB" and "a range is
 * limited to 5,000,000 cells for read operations" (Resource limits and performance optimization for
 * Office Add-ins, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The payload limit is the web's; the fake applies it on every host, as the port must fit the web.
 */
const LIMIT = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;
/** The fake's own estimate of one queued statement's envelope (path, ids, method), in bytes. */
const STATEMENT_BYTES = 120;

/** What a statement does, as the undo stack sees it: reads nothing, or an edit through an API. */
type Effect = { edit: false } | { edit: true; api: string };
const READ: Effect = { edit: false };
const edit = (api: string): Effect => ({ edit: true, api });

/**
 * The APIs that cannot be undone, from "Undo capabilities in Excel add-ins", Unsupported APIs
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities): calling one
 * "clears the user's undo stack starting from that API call", and inside a `mergeUndoGroup` run
 * "the UndoNotSupported error is thrown". `web: true` where Excel on the web can undo it though
 * Excel on Windows and Mac cannot (a sheet's name, position and visibility). Copying and
 * protecting a sheet are listed though the port's interface has no way to call them.
 */
export const NOT_UNDOABLE: Readonly<Record<string, { web: boolean }>> = {
  "Worksheet.delete": { web: false },
  "Worksheet.copy": { web: false },
  "WorksheetProtection.protect": { web: false },
  "WorksheetProtection.unprotect": { web: false },
  "WorkbookProtection.protect": { web: false },
  "WorkbookProtection.unprotect": { web: false },
  "Worksheet.name": { web: true },
  "Worksheet.position": { web: true },
  "Worksheet.visibility": { web: true },
};

/** One step on the user's undo stack: what it was, and the workbook as it was before it. */
export interface UndoStep {
  label: string;
  /** Absent when the workbook was too big for the fake to keep a copy (the scale tests). */
  before?: WorkbookCopy;
  /** Co-authors' edits made before this step: undoing it after another would lose theirs. */
  coAuthorEdits?: number;
}

interface WorkbookCopy {
  sheets: FakeSheet[];
  xmlParts: Array<{ id: number; namespace: string; xml: string }>;
  workbookProtected: boolean;
}

/** Rows over every sheet above which the fake keeps no copies for undo (they cost a clone each). */
const UNDO_COPY_ROW_LIMIT = 20_000;

/** The undo step the edits of a batch join: one per sync, or one per run when merged. */
interface UndoGroup {
  merged: boolean;
  step?: UndoStep;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Operation {
  bytes: number;
  /** What the statement does to the workbook, for the undo stack: nothing, or an edit by an API. */
  effect: Effect;
  /** Applies the statement; returns the bytes it adds to the response. */
  apply(): number;
}

export class FakeExcel implements OfficeHost {
  readonly sheets: FakeSheet[] = [];
  readonly xmlParts: Array<{ id: number; namespace: string; xml: string }> = [];
  workbookProtected = false;
  syncs = 0;
  readonly records: SyncRecord[] = [];
  /** Options of every `Excel.run`, to see undo grouping. */
  readonly runs: Array<{ mergeUndoGroup?: boolean }> = [];
  /** The sync (1-based, counted from now on) that throws before doing anything, for mid-run failures. */
  failOnSync?: number;
  /** Called before each sync applies its statements: a co-author's edit, a sheet deleted mid-run. */
  beforeSync?: (sync: number) => void;
  selection?: { sheet: string; address: string };
  activeSheet?: string;
  calculationSuspensions = 0;
  /** The user's undo stack, oldest first; the add-in's undoable changes join it from ExcelApi 1.20. */
  readonly undoStack: UndoStep[] = [];
  /** Each time the undo stack was emptied, the API that did it. */
  readonly undoCleared: string[] = [];
  /** Edits by co-authors so far (see `coAuthorEdit`). */
  private coAuthorEdits = 0;
  private nextId = 1;
  private profile: ExcelHostProfile;

  /**
   * `host`: the Excel played (Excel on the web unless said); `supportedUpTo` overrides its highest
   * ExcelApi 1.x, for a version between the profiles.
   */
  constructor(options: { host?: ExcelHostName; supportedUpTo?: number } = {}) {
    const profile = EXCEL_HOSTS[options.host ?? "web"];
    this.profile = { ...profile, excelApi: options.supportedUpTo ?? profile.excelApi };
  }

  readonly run: ExcelRun = async (options, batch) => {
    this.runs.push({ ...options });
    // mergeUndoGroup is an ExcelApi 1.20 option (RunOptions); an older Excel ignores what it does not know.
    const merged = options.mergeUndoGroup === true && this.profile.excelApi >= 20;
    return batch(new FakeContext(this, merged));
  };

  /**
   * As `Office.context.requirements.isSetSupported` answers on this host. "ExcelUndoApiAll" 1.0 is
   * the probe the undo page gives for undo support, there from ExcelApi 1.20.
   */
  isSetSupported(name: string, minVersion: string): boolean {
    const minor = Number(minVersion.split(".")[1] ?? "0");
    if (name === "ExcelUndoApiAll") return this.profile.excelApi >= 20 && minVersion === "1.0";
    return name === "ExcelApi" && minVersion.startsWith("1.") && minor <= this.profile.excelApi;
  }

  supportUpTo(minor: number): void {
    this.profile = { ...this.profile, excelApi: minor };
  }

  /** The user edits the workbook by hand: one step on the undo stack, whatever the host. */
  userEdit(label: string, change: (excel: FakeExcel) => void): void {
    this.undoStack.push({ label, ...this.copyForUndo() });
    change(this);
  }

  /**
   * A co-author changes the workbook (it is shared on OneDrive or SharePoint with AutoSave on). Their
   * change joins their own undo stack, not this user's: "actions are saved in the undo stack for an
   * individual user" (Undo capabilities in Excel add-ins), and "coauthoring only synchronizes the
   * content within the shared workbook" (Coauthoring in Excel add-ins,
   * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). Call it
   * from `beforeSync` to land between an add-in's syncs.
   */
  coAuthorEdit(change: (excel: FakeExcel) => void): void {
    this.coAuthorEdits++;
    change(this);
  }

  /** The user presses Undo: the last step is taken back; its label, or undefined when none is left. */
  undo(): string | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    if (!step.before)
      throw new Error(`The fake kept no copy to undo “${step.label}”: the workbook is too big`);
    // The fake undoes by putting back a copy, which would also take back a co-author's later edit.
    if (step.coAuthorEdits !== this.coAuthorEdits) {
      throw new Error(
        `The fake cannot undo “${step.label}” past a co-author's edit; Excel undoes this user's only`,
      );
    }
    const { sheets, xmlParts, workbookProtected } = structuredClone(step.before);
    this.sheets.splice(0, this.sheets.length, ...sheets);
    this.xmlParts.splice(0, this.xmlParts.length, ...xmlParts);
    this.workbookProtected = workbookProtected;
    return step.label;
  }

  /** The user's own steps still on the stack, oldest first. */
  userUndoSteps(): string[] {
    return this.undoStack.filter((s) => !s.label.startsWith("add-in:")).map((s) => s.label);
  }

  /**
   * An add-in's edit is about to apply: before ExcelApi 1.20 it cannot be undone and empties the
   * stack; from 1.20 it joins its batch's step, unless its API cannot be undone here, which empties
   * the stack or, in a merged undo group, fails with UndoNotSupported.
   */
  beforeEdit(api: string, group: UndoGroup): void {
    if (this.profile.excelApi < 20) {
      this.clearUndo(api);
      return;
    }
    const rule = NOT_UNDOABLE[api];
    if (rule && !(rule.web && this.profile.platform === "web")) {
      if (group.merged) {
        throw new FakeExcelError(
          "UndoNotSupported",
          `${api} cannot be undone, so it cannot join an undo group`,
        );
      }
      this.clearUndo(api);
      delete group.step;
      return;
    }
    if (!group.step) {
      group.step = { label: `add-in: ${api}`, ...this.copyForUndo() };
      this.undoStack.push(group.step);
    }
  }

  private clearUndo(api: string): void {
    this.undoStack.splice(0);
    this.undoCleared.push(api);
  }

  private copyForUndo(): { before?: WorkbookCopy; coAuthorEdits?: number } {
    const rows = this.sheets.reduce((sum, s) => sum + s.values.length, 0);
    if (rows > UNDO_COPY_ROW_LIMIT) return {};
    const copy: WorkbookCopy = {
      sheets: this.sheets,
      xmlParts: this.xmlParts,
      workbookProtected: this.workbookProtected,
    };
    return { before: structuredClone(copy), coAuthorEdits: this.coAuthorEdits };
  }

  addSheet(init: FakeSheetInit): FakeSheet {
    const sheet: FakeSheet = {
      id: `{FAKE-${this.nextId++}}`,
      name: init.name,
      visibility: init.visibility ?? "Visible",
      protected: init.protected ?? false,
      deleted: false,
      values: (init.values ?? []).map((row) => [...row]),
      formats: (init.formats ?? []).map((row) => [...row]),
      merges: [...(init.merges ?? [])],
      hiddenRows: new Set(init.hiddenRows ?? []),
      styles: [],
      hyperlinks: new Map(),
      page: {},
      showGridlines: true,
      tabColor: "",
      charts: [],
      tables: [...(init.tables ?? [])],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The cell as Excel holds it, and its number format. */
  cell(sheetName: string, address: string): { value: FakeCellValue | undefined; format: string } {
    const sheet = this.sheet(sheetName);
    const at = parseRangeAddress(address);
    if (!sheet || !at) throw new Error(`No cell ${sheetName}!${address}`);
    return {
      value: sheet.values[at.top - 1]?.[at.left - 1],
      format: sheet.formats[at.top - 1]?.[at.left - 1] ?? "General",
    };
  }

  /** The last value a format property was set to over a cell. */
  styleAt(sheetName: string, address: string, property: string): unknown {
    const sheet = this.sheet(sheetName);
    const at = parseRangeAddress(address);
    if (!sheet || !at) return undefined;
    for (let i = sheet.styles.length - 1; i >= 0; i--) {
      const style = sheet.styles[i];
      const range = style && parseRangeAddress(style.address);
      if (style && range && style.property === property && contains(range, at)) return style.value;
    }
    return undefined;
  }

  /** Everything the workbook holds, to compare before and after an action. */
  state(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        ...s,
        formats: s.formats.flatMap((row, r) =>
          (row ?? []).flatMap((f, c) => (f === undefined ? [] : [[r, c, f]])),
        ),
        hiddenRows: [...s.hiddenRows],
        hyperlinks: [...s.hyperlinks],
      })),
      xml: this.xmlParts,
    });
  }

  newId(): string {
    return `{FAKE-${this.nextId++}}`;
  }

  nextPartId(): number {
    return this.nextId++;
  }
}

function contains(outer: RangePosition, inner: RangePosition): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function intersects(a: RangePosition, b: RangePosition): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const bytesOf = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

class FakeContext implements ExcelContext {
  private queue: Operation[] = [];
  readonly workbook: ExcelContext["workbook"];
  /** A merged run's one undo step; otherwise each sync starts its own. */
  private readonly runGroup?: UndoGroup;

  constructor(
    readonly excel: FakeExcel,
    merged: boolean,
  ) {
    if (merged) this.runGroup = { merged: true };
    const protection = new Loadable(this, () => true);
    protection.reader = (path) => (path === "protected" ? excel.workbookProtected : undefined);
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      customXmlParts: {
        getByNamespace: (namespaceUri: string) => new FakeXmlParts(this, namespaceUri),
        add: (xml: string): ExcelCustomXmlPart => {
          const part = new FakeXmlPart(this);
          this.enqueue(
            bytesOf(xml),
            () => {
              const namespace = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
              const added = { id: excel.nextPartId(), namespace, xml };
              excel.xmlParts.push(added);
              part.bound = added;
              return 0;
            },
            edit("CustomXmlPartCollection.add"),
          );
          return part;
        },
      },
      protection: {
        get protected(): boolean {
          return protection.get("protected") as boolean;
        },
        load: (names: string) => protection.load(names),
      },
      application: {
        suspendApiCalculationUntilNextSync: (): void => {
          this.enqueue(0, () => {
            excel.calculationSuspensions++;
            return 0;
          });
        },
      },
    };
  }

  enqueue(dataBytes: number, apply: () => number, effect: Effect = READ): void {
    this.queue.push({ bytes: STATEMENT_BYTES + dataBytes, apply, effect });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const sync = ++excel.syncs;
    const operations = this.queue;
    this.queue = [];
    const requestBytes = operations.reduce((sum, op) => sum + op.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0 };
    excel.records.push(record);
    if (excel.failOnSync === sync) throw new FakeExcelError("GeneralException", "The fake failed this sync");
    if (requestBytes > LIMIT)
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", "Request over 5 MB");
    excel.beforeSync?.(sync);
    // Statements run in order; one that fails stops the batch, leaving the earlier ones done, as in Excel.
    const group = this.runGroup ?? { merged: false };
    for (const op of operations) {
      if (op.effect.edit) excel.beforeEdit(op.effect.api, group);
      record.responseBytes += op.apply();
    }
    if (record.responseBytes > LIMIT) {
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "Response over 5 MB");
    }
  }
}

/** A proxy whose properties must be loaded and synced before they are read. */
class Loadable {
  private readonly loaded = new Map<string, unknown>();
  reader: (path: string) => unknown = () => undefined;

  constructor(
    readonly context: FakeContext,
    private readonly exists: () => boolean,
  ) {}

  load(names: string): this {
    const paths = names
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    this.context.enqueue(bytesOf(names), () => {
      const present = this.exists();
      this.loaded.set("isNullObject", !present);
      if (!present) return 50;
      let bytes = 50;
      for (const path of paths) {
        const value = this.reader(path);
        this.loaded.set(path, value);
        bytes += path.length + bytesOf(value);
      }
      return bytes;
    });
    return this;
  }

  get(path: string): unknown {
    if (!this.loaded.has(path)) throw new FakeExcelError("PropertyNotLoaded", `${path} was not loaded`);
    return this.loaded.get(path);
  }

  setLoaded(path: string, value: unknown): void {
    this.loaded.set(path, value);
  }
}

/**
 * The custom XML parts of one namespace. Two writers that each found none and added one leave two:
 * `getOnlyItemOrNullObject` then gives a null object, as Office does ("If the collection contains
 * exactly one item, this method returns it. Otherwise, this method returns a null object":
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartscopedcollection).
 */
class FakeXmlParts {
  private loadedItems?: FakeXmlPart[];

  constructor(
    private readonly context: FakeContext,
    private readonly namespace: string,
  ) {}

  get items(): FakeXmlPart[] {
    if (!this.loadedItems) throw new FakeExcelError("PropertyNotLoaded", "items was not loaded");
    return this.loadedItems;
  }

  load(_names: string): unknown {
    this.context.enqueue(bytesOf(this.namespace), () => {
      this.loadedItems = this.matching().map((bound) => {
        const part = new FakeXmlPart(this.context);
        part.bound = bound;
        return part;
      });
      return 50 * (this.loadedItems.length + 1);
    });
    return this;
  }

  getOnlyItemOrNullObject(): ExcelCustomXmlPart {
    const part = new FakeXmlPart(this.context);
    this.context.enqueue(bytesOf(this.namespace), () => {
      const found = this.matching();
      part.bound = found.length === 1 ? found[0] : undefined;
      return 0;
    });
    return part;
  }

  private matching(): FakeExcel["xmlParts"] {
    return this.context.excel.xmlParts.filter((p) => p.namespace === this.namespace);
  }
}

class FakeXmlPart implements ExcelCustomXmlPart {
  bound?: { id: number; namespace: string; xml: string };
  private readonly state: Loadable;

  constructor(private readonly context: FakeContext) {
    this.state = new Loadable(context, () => this.bound !== undefined);
  }

  get isNullObject(): boolean {
    return this.state.get("isNullObject") as boolean;
  }

  load(names: string): unknown {
    return this.state.load(names);
  }

  getXml(): { readonly value: string } {
    const result = { ready: false, xml: "" };
    this.context.enqueue(0, () => {
      if (!this.bound) throw new FakeExcelError("ItemNotFound", "No such XML part");
      result.ready = true;
      result.xml = this.bound.xml;
      return bytesOf(result.xml);
    });
    return {
      get value(): string {
        if (!result.ready) throw new FakeExcelError("PropertyNotLoaded", "getXml() was not synced");
        return result.xml;
      },
    };
  }

  delete(): void {
    const parts = this.context.excel.xmlParts;
    this.context.enqueue(
      0,
      () => {
        if (this.bound) parts.splice(parts.indexOf(this.bound), 1);
        return 0;
      },
      edit("CustomXmlPart.delete"),
    );
  }

  setXml(xml: string): void {
    this.context.enqueue(
      bytesOf(xml),
      () => {
        if (!this.bound) throw new FakeExcelError("ItemNotFound", "No such XML part");
        this.bound.xml = xml;
        return 0;
      },
      edit("CustomXmlPart.setXml"),
    );
  }
}

class FakeWorksheets {
  private loadedItems?: FakeWorksheet[];

  constructor(private readonly context: FakeContext) {}

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeExcelError("PropertyNotLoaded", "items was not loaded");
    return this.loadedItems;
  }

  load(names: string): unknown {
    const paths = names
      .split(",")
      .map((n) => n.trim().replace(/^items\//, ""))
      .filter((n) => n !== "");
    this.context.enqueue(bytesOf(names), () => {
      let bytes = 0;
      this.loadedItems = this.context.excel.sheets.map((data) => {
        const sheet = new FakeWorksheet(this.context, data);
        for (const path of paths) {
          const value = sheet.read(path);
          sheet.state.setLoaded(path, value);
          bytes += path.length + bytesOf(value);
        }
        sheet.state.setLoaded("isNullObject", false);
        return sheet;
      });
      return bytes;
    });
    return this;
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context);
    this.context.enqueue(bytesOf(key), () => {
      const excel = this.context.excel;
      sheet.data = excel.sheet(key) ?? excel.sheets.find((s) => s.id === key);
      return 0;
    });
    return sheet;
  }

  add(name?: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context);
    const excel = this.context.excel;
    this.context.enqueue(
      bytesOf(name),
      () => {
        if (excel.workbookProtected) throw new FakeExcelError("AccessDenied", "The workbook is protected");
        const wanted = name ?? `Sheet${excel.sheets.length + 1}`;
        if (excel.sheet(wanted)) throw new FakeExcelError("ItemAlreadyExists", `${wanted} exists`);
        sheet.data = excel.addSheet({ name: wanted });
        return 0;
      },
      edit("WorksheetCollection.add"),
    );
    return sheet;
  }
}

class FakeWorksheet implements ExcelWorksheet {
  readonly state: Loadable;
  readonly protection: { readonly protected: boolean };
  readonly freezePanes: ExcelWorksheet["freezePanes"];
  readonly pageLayout: ExcelWorksheet["pageLayout"];
  readonly charts: ExcelWorksheet["charts"];
  readonly autoFilter: ExcelWorksheet["autoFilter"];
  readonly tables: ExcelWorksheet["tables"];

  constructor(
    readonly context: FakeContext,
    public data?: FakeSheet,
  ) {
    this.state = new Loadable(context, () => this.data !== undefined && !this.data.deleted);
    this.state.reader = (path) => this.read(path);
    const state = this.state;
    this.protection = {
      get protected(): boolean {
        return state.get("protection/protected") as boolean;
      },
    };
    this.freezePanes = {
      freezeRows: (count = 1) => this.change({ count }, (s) => (s.freeze = { rows: count, columns: 0 })),
      freezeColumns: (count = 1) => this.change({ count }, (s) => (s.freeze = { rows: 0, columns: count })),
      freezeAt: (range) =>
        this.change({ range: addressOf(range) }, (s) => {
          const at = parseRangeAddress(addressOf(range));
          if (at) s.freeze = { rows: at.bottom, columns: at.right };
        }),
      unfreeze: () => this.change(null, (s) => delete s.freeze),
    };
    const outer = { change: this.change.bind(this) };
    const page = { orientation: "", zoom: {} as ExcelWorksheet["pageLayout"]["zoom"] };
    this.pageLayout = {
      get orientation(): string {
        return page.orientation;
      },
      set orientation(value: string) {
        page.orientation = value;
        outer.change(value, (s) => (s.page.orientation = value));
      },
      get zoom() {
        return page.zoom;
      },
      set zoom(value) {
        page.zoom = value;
        outer.change(value, (s) => (s.page.zoom = value));
      },
      setPrintTitleRows: (rows) =>
        this.change(addressOf(rows), (s) => (s.page.printTitleRows = addressOf(rows))),
    };
    let chartItems: ExcelChart[] | undefined;
    this.charts = {
      get items(): ExcelChart[] {
        if (!chartItems) throw new FakeExcelError("PropertyNotLoaded", "charts were not loaded");
        return chartItems;
      },
      load: (names: string) => {
        context.enqueue(bytesOf(names), () => {
          const charts = this.live().charts;
          chartItems = charts.map((chart) => ({
            title: { text: chart.title },
            setPosition: () => undefined,
            delete: () => this.change(null, (s) => s.charts.splice(s.charts.indexOf(chart), 1)),
          }));
          return bytesOf(charts.map((c) => c.title));
        });
        return this.charts;
      },
      add: (type, sourceData, seriesBy) => {
        const chart = { type, source: addressOf(sourceData), title: "" } as FakeSheet["charts"][number];
        this.change({ type, seriesBy }, (s) => {
          if (!["ColumnClustered", "ColumnStacked", "BarClustered", "Line", "Pie"].includes(type)) {
            throw new FakeExcelError("InvalidArgument", `Unknown chart type ${type}`);
          }
          s.charts.push(chart);
        });
        const handle: ExcelChart = {
          title: {
            get text(): string {
              return chart.title;
            },
            set text(value: string) {
              outer.change(value, () => (chart.title = value));
            },
          },
          delete: () => outer.change(null, (s) => s.charts.splice(s.charts.indexOf(chart), 1)),
          setPosition: (from, to) =>
            outer.change({ from, to }, () => {
              chart.from = addressOf(from);
              chart.to = to === undefined ? undefined : addressOf(to);
            }),
        };
        return handle;
      },
    };
    this.autoFilter = {
      apply: (range) => this.change(addressOf(range), (s) => (s.autoFilter = addressOf(range))),
      remove: () => this.change(null, (s) => delete s.autoFilter),
    };
    let tableItems: ExcelTable[] | undefined;
    this.tables = {
      get items(): ExcelTable[] {
        if (!tableItems) throw new FakeExcelError("PropertyNotLoaded", "tables were not loaded");
        return tableItems;
      },
      load: (names: string) => {
        context.enqueue(bytesOf(names), () => {
          const sheet = this.data ?? { tables: [] };
          tableItems = sheet.tables.map((t) => ({
            name: t.name,
            getRange: () => new FakeRange(this, () => t.address, false),
            columns: fakeTableColumns(this, t),
          }));
          return bytesOf(sheet.tables.map((t) => t.name));
        });
        return this.tables;
      },
    };
  }

  /** A property's current value in the workbook, by load path. */
  read(path: string): unknown {
    const data = this.live();
    switch (path) {
      case "name":
        return data.name;
      case "id":
        return data.id;
      case "visibility":
        return data.visibility;
      case "position":
        return this.context.excel.sheets.indexOf(data);
      case "protection/protected":
        return data.protected;
      default:
        return undefined;
    }
  }

  exists(): boolean {
    return this.data !== undefined && !this.data.deleted;
  }

  live(): FakeSheet {
    if (!this.data || this.data.deleted) throw new FakeExcelError("ItemNotFound", "The sheet does not exist");
    return this.data;
  }

  /**
   * Queues a change to the sheet through `api` (an edit unless said otherwise, for the undo stack);
   * a protected sheet refuses cell and layout changes.
   */
  change(
    args: unknown,
    apply: (sheet: FakeSheet) => void,
    allowProtected = false,
    effect: Effect = edit("Range"),
  ): void {
    this.context.enqueue(
      bytesOf(args),
      () => {
        const sheet = this.live();
        if (sheet.protected && !allowProtected)
          throw new FakeExcelError("AccessDenied", `${sheet.name} is protected`);
        apply(sheet);
        return 0;
      },
      effect,
    );
  }

  get isNullObject(): boolean {
    return this.state.get("isNullObject") as boolean;
  }
  get id(): string {
    return this.state.get("id") as string;
  }
  get name(): string {
    return this.state.get("name") as string;
  }
  set name(value: string) {
    this.change(
      value,
      (s) => {
        const excel = this.context.excel;
        if (excel.workbookProtected) throw new FakeExcelError("AccessDenied", "The workbook is protected");
        const other = excel.sheet(value);
        if (other && other !== s) throw new FakeExcelError("ItemAlreadyExists", `${value} exists`);
        s.name = value;
      },
      true,
      edit("Worksheet.name"),
    );
  }
  get position(): number {
    return this.state.get("position") as number;
  }
  set position(value: number) {
    this.change(
      value,
      (s) => {
        const sheets = this.context.excel.sheets;
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(Math.min(value, sheets.length), 0, s);
      },
      true,
      edit("Worksheet.position"),
    );
  }
  get visibility(): string {
    return this.state.get("visibility") as string;
  }
  set visibility(value: string) {
    this.change(value, (s) => (s.visibility = value), true, edit("Worksheet.visibility"));
  }
  get tabColor(): string {
    return this.live().tabColor;
  }
  set tabColor(value: string) {
    this.change(value, (s) => (s.tabColor = value), true, edit("Worksheet.tabColor"));
  }
  get showGridlines(): boolean {
    return this.live().showGridlines;
  }
  set showGridlines(value: boolean) {
    this.change(value, (s) => (s.showGridlines = value), true, edit("Worksheet.showGridlines"));
  }

  load(names: string): unknown {
    return this.state.load(names);
  }

  getRange(address?: string): FakeRange {
    // Office.js sends the range's object path (its address) with the first statement that uses it.
    this.context.enqueue(bytesOf(address ?? ""), () => 0);
    // Without an address, the whole sheet (Worksheet.getRange).
    return new FakeRange(this, () => address ?? "A1:XFD1048576", false);
  }

  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this, () => usedAddress(this.live()), true);
  }

  activate(): void {
    this.change(null, (s) => (this.context.excel.activeSheet = s.name), true, READ);
  }

  delete(): void {
    this.change(
      null,
      (s) => {
        const excel = this.context.excel;
        if (excel.workbookProtected) throw new FakeExcelError("AccessDenied", "The workbook is protected");
        s.deleted = true;
        excel.sheets.splice(excel.sheets.indexOf(s), 1);
      },
      true,
      edit("Worksheet.delete"),
    );
  }
}

/**
 * A table's columns (ExcelApi 1.1): names are the header cells, as in Excel. `add` appends a column
 * at the right under its name, writing over the cells there (the port only adds into blank columns);
 * deleting a column removes its cells from the table's rows, shifting the cells to their right left.
 */
function fakeTableColumns(sheet: FakeWorksheet, table: { address: string }): ExcelTableColumnCollection {
  const at = (): RangePosition => {
    const position = parseRangeAddress(table.address);
    if (!position) throw new FakeExcelError("InvalidArgument", `Bad table address ${table.address}`);
    return position;
  };
  return {
    add: (index, values, name) => {
      sheet.change({ index, values, name }, (s) => {
        const { top, bottom, left, right } = at();
        if (index !== undefined && index !== right - left + 1) {
          throw new FakeExcelError("InvalidArgument", "The fake adds table columns at the right only");
        }
        if (values && values.length !== bottom - top + 1) {
          throw new FakeExcelError("InvalidArgument", "The values do not match the table's rows");
        }
        for (let r = top; r <= bottom; r++) {
          const value = r === top ? (values?.[0]?.[0] ?? name ?? "") : (values?.[r - top]?.[0] ?? "");
          (s.values[r - 1] ??= [])[right] = value === "" ? undefined : value;
        }
        table.address = `${cellAddress(top, left)}:${cellAddress(bottom, right + 1)}`;
        nameBlankTableHeaders(s);
      });
      return { delete: () => undefined };
    },
    getItemAt: (index) => ({
      delete: () =>
        sheet.change({ index }, (s) => {
          const { top, bottom, left, right } = at();
          if (index < 0 || left + index > right) throw new FakeExcelError("ItemNotFound", "No such column");
          if (left === right) throw new FakeExcelError("InvalidOperation", "A table keeps one column");
          for (let r = top; r <= bottom; r++) {
            s.values[r - 1]?.splice(left + index - 1, 1);
            s.formats[r - 1]?.splice(left + index - 1, 1);
          }
          table.address = `${cellAddress(top, left)}:${cellAddress(bottom, right - 1)}`;
        }),
    }),
  };
}

// Excel gives a table column a name when its header cell is blanked: "Column1", "Column2", ...
function nameBlankTableHeaders(sheet: FakeSheet): void {
  for (const table of sheet.tables) {
    const at = parseRangeAddress(table.address);
    if (!at) continue;
    const header = (sheet.values[at.top - 1] ??= []);
    let next = 1;
    for (let c = at.left; c <= at.right; c++) {
      const value = header[c - 1];
      if (value !== undefined && value !== "") continue;
      while (header.slice(at.left - 1, at.right).includes(`Column${next}`)) next++;
      header[c - 1] = `Column${next}`;
    }
  }
}

function addressOf(range: ExcelRange | string): string {
  return typeof range === "string"
    ? range.replace(/^.*!/, "").replace(/\$/g, "")
    : (range as FakeRange).plainAddress();
}

// The values-only used range: the box around every non-empty cell.
function usedAddress(sheet: FakeSheet): string | undefined {
  let top = 0;
  let bottom = 0;
  let left = Number.MAX_SAFE_INTEGER;
  let right = 0;
  sheet.values.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === undefined || v === "") continue;
      if (top === 0) top = r + 1;
      bottom = r + 1;
      left = Math.min(left, c + 1);
      right = Math.max(right, c + 1);
    }
  });
  return top === 0 ? undefined : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

function wholeColumns(first: string, last: string): RangePosition {
  const left = parseRangeAddress(`${first}1`)?.left ?? 1;
  const right = parseRangeAddress(`${last}1`)?.left ?? left;
  return { top: 1, bottom: 1_048_576, left, right };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRange implements ExcelRange {
  private readonly state: Loadable;
  readonly format: ExcelRangeFormat;
  private resolved?: RangePosition;

  constructor(
    private readonly sheet: FakeWorksheet,
    private readonly where: () => string | undefined,
    nullable: boolean,
  ) {
    // A range of a sheet deleted since fails the sync, as in Excel; a ...OrNullObject range is null.
    this.state = new Loadable(sheet.context, () => {
      if (!nullable) sheet.live();
      return sheet.exists() && this.position() !== undefined;
    });
    this.state.reader = (path) => this.read(path);
    const style = (property: string) => (value: unknown) =>
      sheet.change({ property, value }, (s) =>
        s.styles.push({ address: this.plainAddress(), property, value }),
      );
    const setter = <T>(property: string) => ({
      get(): T {
        throw new FakeExcelError("PropertyNotLoaded", `${property} is write-only in this fake`);
      },
      set: style(property),
      enumerable: true,
    });
    const font = Object.defineProperties({} as ExcelRangeFormat["font"], {
      bold: setter<boolean>("font.bold"),
      italic: setter<boolean>("font.italic"),
      size: setter<number>("font.size"),
      color: setter<string>("font.color"),
    });
    const fill = Object.defineProperties({} as ExcelRangeFormat["fill"], {
      color: setter<string>("fill.color"),
    });
    const format = Object.defineProperties({} as ExcelRangeFormat, {
      wrapText: setter<boolean>("wrapText"),
      horizontalAlignment: setter<string>("horizontalAlignment"),
      verticalAlignment: setter<string>("verticalAlignment"),
      columnWidth: setter<number>("columnWidth"),
      rowHeight: setter<number>("rowHeight"),
      useStandardWidth: setter<boolean>("useStandardWidth"),
      useStandardHeight: setter<boolean>("useStandardHeight"),
    });
    Object.defineProperties(format, {
      font: { value: font },
      fill: { value: fill },
      borders: {
        value: {
          getItem: (index: string) =>
            Object.defineProperties({} as { style: string }, { style: setter<string>(`border.${index}`) }),
        },
      },
    });
    this.format = format;
  }

  get conditionalFormats(): ExcelConditionalFormatCollection {
    return {
      add: () => {
        const format: ExcelConditionalFormat = {
          cellValue: {
            format: { fill: { color: "" }, font: { color: "" } },
            rule: { formula1: "", operator: "" },
          },
        };
        this.sheet.change("conditionalFormats.add", (s) =>
          (s.conditionalFormats ??= []).push({ address: this.plainAddress(), format }),
        );
        return format;
      },
      clearAll: () =>
        this.sheet.change("conditionalFormats.clearAll", (s) => {
          const at = parseRangeAddress(this.plainAddress());
          s.conditionalFormats = (s.conditionalFormats ?? []).filter((cf) => {
            const other = parseRangeAddress(cf.address);
            return (
              !at ||
              !other ||
              other.right < at.left ||
              other.left > at.right ||
              other.bottom < at.top ||
              other.top > at.bottom
            );
          });
        }),
    };
  }

  position(): RangePosition | undefined {
    const address = this.where();
    if (address === undefined) return undefined;
    const rows = /^(\d+):(\d+)$/.exec(address);
    const columns = /^([A-Z]+):([A-Z]+)$/.exec(address);
    const at = rows
      ? { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: 16384 }
      : columns
        ? { ...wholeColumns(columns[1] ?? "A", columns[2] ?? "A") }
        : parseRangeAddress(address);
    if (!at) throw new FakeExcelError("InvalidArgument", `Bad address ${address}`);
    this.resolved = at;
    return at;
  }

  plainAddress(): string {
    const at = this.resolved ?? this.position();
    if (!at) throw new FakeExcelError("ItemNotFound", "Null range");
    return `${cellAddress(at.top, at.left)}:${cellAddress(at.bottom, at.right)}`;
  }

  private read(path: string): unknown {
    const at = this.position();
    const sheet = this.sheet.live();
    if (!at) return undefined;
    switch (path) {
      case "address":
        return `${quoteSheet(sheet.name)}!${this.plainAddress()}`;
      case "rowIndex":
        return at.top - 1;
      case "columnIndex":
        return at.left - 1;
      case "rowCount":
        return at.bottom - at.top + 1;
      case "columnCount":
        return at.right - at.left + 1;
      case "values":
        readLimit(at);
        return this.grid(at, (r, c) => officeValue(sheet.values[r]?.[c]));
      case "numberFormat":
        readLimit(at);
        return this.grid(at, (r, c) => sheet.formats[r]?.[c] ?? "General");
      default:
        return undefined;
    }
  }

  private grid<T>(at: RangePosition, cell: (r: number, c: number) => T): T[][] {
    const rows: T[][] = [];
    for (let r = at.top - 1; r < at.bottom; r++) {
      const row: T[] = [];
      for (let c = at.left - 1; c < at.right; c++) row.push(cell(r, c));
      rows.push(row);
    }
    return rows;
  }

  get isNullObject(): boolean {
    return this.state.get("isNullObject") as boolean;
  }
  get address(): string {
    return this.state.get("address") as string;
  }
  get rowIndex(): number {
    return this.state.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.state.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.state.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.state.get("columnCount") as number;
  }
  get values(): unknown[][] {
    return this.state.get("values") as unknown[][];
  }
  set values(grid: unknown[][]) {
    this.sheet.change(grid, (s) => {
      const at = this.sized(grid);
      grid.forEach((row, r) =>
        row.forEach((value, c) => {
          const line = (s.values[at.top - 1 + r] ??= []);
          const formats = (s.formats[at.top - 1 + r] ??= []);
          const typed = typeIn(value, formats[at.left - 1 + c] ?? "General");
          line[at.left - 1 + c] = typed.value;
          if (typed.format) formats[at.left - 1 + c] = typed.format;
        }),
      );
      nameBlankTableHeaders(s);
    });
  }
  get numberFormat(): unknown[][] {
    return this.state.get("numberFormat") as unknown[][];
  }
  set numberFormat(grid: unknown[][]) {
    this.sheet.change(grid, (s) => {
      const at = this.sized(grid);
      grid.forEach((row, r) =>
        row.forEach((format, c) => {
          // "General" is every cell's format until another is set: held as no format at all.
          (s.formats[at.top - 1 + r] ??= [])[at.left - 1 + c] =
            format === "General" ? undefined : String(format);
        }),
      );
    });
  }
  get hyperlink(): ExcelRange["hyperlink"] {
    throw new FakeExcelError("PropertyNotLoaded", "hyperlink is write-only in this fake");
  }
  set hyperlink(link: ExcelRange["hyperlink"]) {
    this.sheet.change(link, (s) =>
      s.hyperlinks.set(this.plainAddress().split(":")[0] ?? "", link.documentReference ?? ""),
    );
  }

  // Office.js refuses a grid whose size is not the range's.
  private sized(grid: unknown[][]): RangePosition {
    const at = this.position();
    if (!at) throw new FakeExcelError("ItemNotFound", "Null range");
    const columns = at.right - at.left + 1;
    if (grid.length !== at.bottom - at.top + 1 || grid.some((row) => row.length !== columns)) {
      throw new FakeExcelError("InvalidArgument", "The grid does not match the range");
    }
    return at;
  }

  load(names: string): unknown {
    return this.state.load(names);
  }

  merge(): void {
    this.sheet.change(null, (s) => s.merges.push(this.plainAddress()));
  }

  /** Only "All" is faked: the range's values, number formats, styles, merges and links go. */
  clear(applyTo = "All"): void {
    this.sheet.change(applyTo, (s) => {
      if (applyTo !== "All") throw new FakeExcelError("InvalidArgument", "Only clear(All) is faked");
      const at = this.position();
      if (!at) return;
      const outside = (address: string): boolean => {
        const other = parseRangeAddress(address);
        return other !== undefined && !intersects(at, other);
      };
      for (const grid of [s.values, s.formats]) {
        for (let r = at.top - 1; r < Math.min(at.bottom, grid.length); r++) {
          const row = grid[r];
          if (!row) continue;
          for (let c = at.left - 1; c < Math.min(at.right, row.length); c++) row[c] = undefined;
        }
      }
      s.styles = s.styles.filter((style) => outside(style.address));
      s.merges = s.merges.filter(outside);
      for (const cell of [...s.hyperlinks.keys()]) if (!outside(cell)) s.hyperlinks.delete(cell);
      s.conditionalFormats = s.conditionalFormats?.filter((cf) => outside(cf.address));
    });
  }

  getMergedAreasOrNullObject(): ExcelRangeAreas {
    return new FakeAreas(this.sheet, () => {
      const at = this.position();
      const sheet = this.sheet.live();
      const inside = sheet.merges.filter((m) => {
        const merge = parseRangeAddress(m);
        return at && merge && intersects(at, merge);
      });
      return inside.length === 0 ? undefined : inside.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(",");
    });
  }

  getSpecialCellsOrNullObject(cellType: string): ExcelRangeAreas {
    return new FakeAreas(this.sheet, () => {
      if (cellType !== "Visible") throw new FakeExcelError("InvalidArgument", "Only Visible is faked");
      const at = this.position();
      const sheet = this.sheet.live();
      if (!at) return undefined;
      const blocks: string[] = [];
      let start = 0;
      for (let r = at.top; r <= at.bottom + 1; r++) {
        const visible = r <= at.bottom && !sheet.hiddenRows.has(r);
        if (visible && start === 0) start = r;
        if (!visible && start !== 0) {
          blocks.push(
            `${quoteSheet(sheet.name)}!${cellAddress(start, at.left)}:${cellAddress(r - 1, at.right)}`,
          );
          start = 0;
        }
      }
      return blocks.length === 0 ? undefined : blocks.join(",");
    });
  }

  select(): void {
    this.sheet.change(
      null,
      (s) => {
        if (this.sheet.context.excel.activeSheet !== s.name) {
          throw new FakeExcelError("InvalidSelection", "Select on a sheet that is not active");
        }
        this.sheet.context.excel.selection = { sheet: s.name, address: this.plainAddress() };
      },
      true,
      READ,
    );
  }
}

class FakeAreas implements ExcelRangeAreas {
  private readonly state: Loadable;

  constructor(sheet: FakeWorksheet, address: () => string | undefined) {
    let cached: string | undefined;
    this.state = new Loadable(sheet.context, () => sheet.exists() && (cached = address()) !== undefined);
    this.state.reader = (path) => (path === "address" ? cached : undefined);
  }

  get isNullObject(): boolean {
    return this.state.get("isNullObject") as boolean;
  }
  get address(): string {
    return this.state.get("address") as string;
  }
  load(names: string): unknown {
    return this.state.load(names);
  }
}

/**
 * "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance
 * optimization, see READ_CELL_LIMIT). The page names no error code; the fake answers as for a
 * response over the payload limit.
 */
function readLimit(at: RangePosition): void {
  const cells = (at.bottom - at.top + 1) * (at.right - at.left + 1);
  if (cells > READ_CELL_LIMIT) {
    throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `A read of ${cells} cells, over 5,000,000`);
  }
}

const ERRORS = new Set(["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]);

/** What `range.values` shows for a cell: errors as their text, formulas as their (uncalculated) text. */
function officeValue(value: FakeCellValue | undefined): string | number | boolean {
  if (value === undefined) return "";
  if (typeof value === "object") return "error" in value ? value.error : 0;
  return value;
}

/**
 * What Excel makes of a value set through `range.values`, as if typed in an en-GB Excel: text in a
 * Text-formatted cell stays text; otherwise "=", "+", "-" and "@" start a formula, numbers and
 * percentages become numbers, TRUE/FALSE booleans, error text errors and dd/mm/yyyy a dated serial.
 */
function typeIn(value: unknown, format: string): { value: FakeCellValue | undefined; format?: string } {
  if (value === "" || value === null || value === undefined) return { value: undefined };
  if (typeof value === "number" || typeof value === "boolean") return { value };
  const text = String(value);
  if (format === "@") return { value: text };
  // A leading apostrophe marks text, as when typed; it is not part of the value.
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(text)) return { value: Number(text.slice(0, -1)) / 100, format: "0%" };
  if (/^[=+\-@]/.test(text)) return { value: { formula: text } };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  if (ERRORS.has(text)) return { value: { error: text } };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (date) {
    const ms = Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1]));
    return { value: ms / 86_400_000 + 25_569, format: format === "General" ? "dd/mm/yyyy" : format };
  }
  return { value: text };
}

/**
 * A fake Excel holding sheets given as a port reads them: dates become serials formatted dd/mm/yyyy
 * (computed here, not with the port's own conversion), errors error cells.
 */
export function fakeExcelOf(
  sheets: ReadonlyArray<import("../../src/engine/port/MemoryWorkbook").MemorySheet>,
  options: { host?: ExcelHostName } = {},
): FakeExcel {
  const excel = new FakeExcel(options);
  for (const sheet of sheets) {
    const formats: (string | undefined)[][] = [];
    const values = sheet.values.map((row, r) =>
      row.map((value, c): FakeCellValue | undefined => {
        if (value === null) return undefined;
        if (value instanceof Date) {
          (formats[r] ??= [])[c] = "dd/mm/yyyy";
          return value.getTime() / 86_400_000 + 25_569;
        }
        return value;
      }),
    );
    excel.addSheet({
      name: sheet.name,
      values: values as FakeCellValue[][],
      formats,
      merges: sheet.merges ?? [],
      hiddenRows: sheet.hiddenRows ?? [],
      protected: sheet.protected ?? false,
      visibility:
        sheet.visibility === "hidden"
          ? "Hidden"
          : sheet.visibility === "veryHidden"
            ? "VeryHidden"
            : "Visible",
    });
  }
  return excel;
}
