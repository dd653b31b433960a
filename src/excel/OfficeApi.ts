/**
 * The part of the Office.js Excel object model the port uses, as narrow structural types. The real
 * `Excel.RequestContext` satisfies them (checked at compile time by `officeHostFromGlobals`), and
 * the test fake implements them, so the port is tested without Excel and without casts.
 *
 * Properties Office.js types as enums (`Excel.SheetVisibility | "Visible" | ...`) are `string` here:
 * a string enum member is not assignable to a string literal, so literal unions would not match.
 */
export interface ExcelContext {
  readonly workbook: ExcelWorkbookApi;
  sync(): Promise<unknown>;
}

export interface ExcelWorkbookApi {
  readonly worksheets: ExcelWorksheetCollection;
  /** ExcelApi 1.5. */
  readonly customXmlParts: ExcelCustomXmlPartCollection;
  /** ExcelApi 1.7: a protected workbook structure refuses new, renamed and deleted sheets. */
  readonly protection: { readonly protected: boolean; load(propertyNames: string): unknown };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
}

export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  load(propertyNames: string): unknown;
  getItemOrNullObject(key: string): ExcelWorksheet;
  add(name?: string): ExcelWorksheet;
}

export interface ExcelWorksheet {
  readonly isNullObject: boolean;
  readonly id: string;
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  readonly protection: { readonly protected: boolean };
  readonly freezePanes: {
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
    freezeAt(frozenRange: ExcelRange | string): void;
    /** ExcelApi 1.7. */
    unfreeze(): void;
  };
  readonly pageLayout: {
    orientation: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows(printTitleRows: ExcelRange | string): void;
  };
  readonly charts: {
    add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart;
    readonly items: ExcelChart[];
    load(propertyNames: string): unknown;
  };
  /** ExcelApi 1.9. */
  readonly autoFilter: { apply(range: ExcelRange | string): void; remove(): void };
  readonly tables: { readonly items: ExcelTable[]; load(propertyNames: string): unknown };
  load(propertyNames: string): unknown;
  getRange(address?: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
}

export interface ExcelTable {
  readonly name: string;
  getRange(): ExcelRange;
  /** ExcelApi 1.1 (adding a column with a name: 1.4, within the manifest's 1.7). */
  readonly columns: ExcelTableColumnCollection;
}

export interface ExcelTableColumnCollection {
  /** Without an index the column is added at the table's right; without values its body is blank. */
  add(index?: number, values?: Array<Array<string | number | boolean>>, name?: string): ExcelTableColumn;
  /** The column at a 0-based position in the table. */
  getItemAt(index: number): ExcelTableColumn;
}

export interface ExcelTableColumn {
  delete(): void;
}

export interface ExcelChart {
  readonly title: { text: string };
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void;
  delete(): void;
}

export interface ExcelRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // Office.js declares these `any[][]`: what comes back is read through officeCellValue.
  values: unknown[][];
  numberFormat: unknown[][];
  hyperlink: { documentReference?: string; textToDisplay?: string; address?: string };
  readonly format: ExcelRangeFormat;
  load(propertyNames: string): unknown;
  merge(across?: boolean): void;
  /** "All" clears values, formats, merges and hyperlinks of the range (ExcelApi 1.1). */
  clear(applyTo?: string): void;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  /** ExcelApi 1.9. */
  getSpecialCellsOrNullObject(cellType: string): ExcelRangeAreas;
  select(): void;
}

/** ExcelApi 1.6: the conditional formats of a range; `clearAll` removes those touching it. */
export interface ExcelConditionalFormatCollection {
  add(type: "CellValue"): ExcelConditionalFormat;
  clearAll(): void;
}

export interface ExcelConditionalFormat {
  readonly cellValue: {
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
    rule: { formula1: string; operator: string };
  };
}

export interface ExcelRangeAreas {
  readonly isNullObject: boolean;
  readonly address: string;
  load(propertyNames: string): unknown;
}

export interface ExcelRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string };
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** In points, not characters. */
  columnWidth: number;
  /** In points (ExcelApi 1.2). */
  rowHeight: number;
  /** Back to the sheet's standard width / height (ExcelApi 1.2). */
  useStandardWidth: boolean;
  useStandardHeight: boolean;
  readonly borders: { getItem(index: string): { style: string } };
}

export interface ExcelCustomXmlPartCollection {
  getByNamespace(namespaceUri: string): ExcelCustomXmlPartScopedCollection;
  add(xml: string): ExcelCustomXmlPart;
}

/** The parts of one namespace (ExcelApi 1.5): there can be several, when two writers added one at once. */
export interface ExcelCustomXmlPartScopedCollection {
  readonly items: ExcelCustomXmlPart[];
  load(propertyNames: string): unknown;
  /** Null unless the collection holds exactly one part. */
  getOnlyItemOrNullObject(): ExcelCustomXmlPart;
}

export interface ExcelCustomXmlPart {
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
  getXml(): { readonly value: string };
  setXml(xml: string): void;
  delete(): void;
}

/** `Excel.run`'s options (Excel.RunOptions). */
export interface ExcelRunOptions {
  /** ExcelApi 1.20: the run's changes are one step on the user's undo stack. */
  mergeUndoGroup?: boolean;
}

/** `Excel.run` with options; the port always passes options (mergeUndoGroup where supported). */
export type ExcelRun = <T>(
  options: ExcelRunOptions,
  batch: (context: ExcelContext) => Promise<T>,
) => Promise<T>;

/** What the port needs from the host: the batch runner and the requirement-set probe. */
export interface OfficeHost {
  run: ExcelRun;
  /** `Office.context.requirements.isSetSupported("ExcelApi", "1.9")`. */
  isSetSupported(name: string, minVersion: string): boolean;
}

/**
 * The host inside Excel: the global `Excel.run` and Office's requirement probe. Only the pane calls
 * this, after `Office.onReady`; tests pass a fake host instead.
 */
export function officeHostFromGlobals(): OfficeHost {
  return {
    run: (options, batch) => Excel.run(options, (context: Excel.RequestContext) => batch(context)),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
  };
}
