import type { EpochDay } from "../dates/epochDay";

/**
 * A sheet the add-in writes, as data: the engine's builders return models and each port writes them
 * in its own way (exceljs for files, batched Office.js calls in Excel), so both write the same thing.
 */
export interface SheetModel {
  name: string;
  /** What the sheet is for: the add-in only ever replaces sheets it owns. */
  purpose: SheetPurpose;
  visibility?: "visible" | "hidden" | "veryHidden";
  /** Sparse cells; rows and columns are 1-based. */
  cells: ModelCell[];
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
  "agenda" | "summary" | "summaryData" | "dataQuality" | "changeLog" | "standards" | "holidays" | "profile";

/** A value the add-in writes: a date is written as a real Excel date with a dd/mm/yyyy format. */
export type ModelValue = string | number | boolean | null | { date: EpochDay };

export interface ModelCell {
  row: number;
  column: number;
  value: ModelValue;
  style?: CellStyle;
  /** A link to a cell of the workbook, e.g. a data-quality issue to its tracker cell. */
  link?: { sheet: string; cell: string };
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
}
