import type { EpochDay } from "../dates/epochDay";

/**
 * A sheet the add-in writes, as data: the engine's builders return models and each port writes them
 * in its own way (worksheet XML for .xlsx files, batched Office.js calls in Excel), so both write
 * the same thing.
 */
export interface SheetModel {
  name: string;
  /** What the sheet is for: the add-in only ever replaces sheets it owns. */
  purpose: SheetPurpose;
  visibility?: "visible" | "hidden" | "veryHidden";
  /**
   * The sheet's cells, as runs of cells along a row (rows and columns are 1-based): a heading is a
   * run of one cell, an agenda's case or a summary trace row a run of the whole row. Runs may share
   * a row (a title in A1 and a note in F1), in any order; where two runs write one cell, the later
   * run wins. Read them cell by cell with `modelCellsOf`; build them with `SheetRuns`.
   */
  runs: ModelRun[];
  /** Column widths in Excel character units, by 1-based column. */
  columnWidths?: Record<number, number>;
  /**
   * Row heights in points, by 1-based row. Only for rows whose wrapped text sits in merged cells:
   * Excel fits other rows to their text itself, but never a merged one.
   */
  rowHeights?: Record<number, number>;
  /** Merged ranges in A1 form. */
  merges?: string[];
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; columns: number };
  print?: PrintSettings;
  showGridlines?: boolean;
  tabColor?: string;
  /** Native Excel charts, as data. */
  charts?: ChartModel[];
  /** An autofilter over a header row and the rows below it ("A5:K40"). */
  autoFilter?: string;
}

export type SheetPurpose =
  | "agenda"
  | "summary"
  | "summaryData"
  | "comparison"
  | "dataQuality"
  | "changeLog"
  | "standards"
  | "holidays"
  | "profile"
  /** The case system's social worker IDs and the names the user gave them (see `workerIdsSheet`). */
  | "workerIds"
  /** The add-in's Tracker history: the dates the tracker overwrites, append-only (issue 21). */
  | "trackerHistory";

/** A value the add-in writes: a date is written as a real Excel date with a dd/mm/yyyy format. */
export type ModelValue = string | number | boolean | null | { date: EpochDay };

/** One cell of a model, as `modelCellsOf` gives them to ports and checks that read cell by cell. */
export interface ModelCell {
  row: number;
  column: number;
  value: ModelValue;
  style?: CellStyle;
  link?: ModelLink;
}

/** A link from a cell to a cell of the workbook, e.g. a data-quality issue to its tracker cell. */
export interface ModelLink {
  sheet: string;
  /** A1 address on that sheet. */
  cell: string;
}

/** Cells of one row from `column` rightwards; `values[i]` is at column `column + i`. */
export interface ModelRun {
  row: number;
  column: number;
  values: readonly ModelValue[];
  /** The style of each value, by index: usually a shared array of shared styles. */
  styles?: readonly (CellStyle | undefined)[];
  /** At most one link per run: the cell at `column` links to `sheet`!`cell`. */
  link?: ModelLink & { column: number };
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Colours as RRGGBB hex without '#'. */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  numberFormat?: string;
  border?: boolean;
}

export interface PrintSettings {
  orientation: "landscape" | "portrait";
  fitToWidth: boolean;
  /** A3 for wide meeting agendas; A4 when absent. */
  paperSize?: "A4" | "A3";
  /** Header rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows?: { first: number; last: number };
}

export interface ChartModel {
  type: "columnClustered" | "columnStacked" | "barClustered" | "line" | "pie";
  title: string;
  /** The data the chart plots, a range of this sheet with series in columns ("A20:C32"). */
  dataRange: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  anchor: { from: string; to: string };
  /**
   * Error bars on the (first) series: ranges of this sheet, one cell per category, holding how far
   * the bar reaches above and below the value (a 95% interval's high − value and value − low).
   */
  errorBars?: { plus: string; minus: string };
}
