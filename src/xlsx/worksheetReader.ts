import type { CellValue } from "../engine/cells/CellValue";
import { parseRangeAddress } from "../engine/tables/cellAddress";
import { parseXml } from "./xmlStream";
import { unescapeCellText } from "./xmlText";

/*
 * A worksheet part read into the values the engine works on, as it is inflated: cells one at a time,
 * kept as plain values in one array per row. Each cell is read the way the command line read it
 * through exceljs, so the engine sees the same values:
 * - shared, inline and formula strings as text, rich text as its runs' text joined;
 * - numbers as numbers, and as `Date`s when their cell format shows a date (exceljs's rule, see
 *   styleSheet.ts), counted from 1900 or, in a 1904 workbook, from 1904;
 * - booleans, errors as `{ error }`, formulas as their cached result (none: blank);
 * - the cells a merge covers, other than its top-left cell, as blank.
 * One deliberate difference: a cell with a hyperlink keeps its value (exceljs gave a number or date
 * with a link as empty text).
 */

export interface WorksheetContents {
  values: CellValue[][];
  /**
   * When the reading asked for formats: the cell format of each cell kept (by {@link cellKey}), of
   * each row formatted as a whole, and of each run of columns formatted as a whole.
   */
  formats?: CellFormats;
  /** Merged ranges in A1 form, in the order the part lists them. */
  merges: string[];
  /** Rows hidden by the user or a filter (1-based). */
  hiddenRows: number[];
  protected: boolean;
}

export interface CellFormats {
  cells: Map<number, number>;
  rows: Map<number, number>;
  columns: { min: number; max: number; format: number }[];
}

/** One number for a cell's place: Excel has at most 16,384 columns. */
export function cellKey(row: number, column: number): number {
  return row * 16384 + column;
}

/**
 * Values many cells hold alike, made once: each distinct text is one string and each distinct date
 * one `Date` (a tracker's 100,000 rows hold a few thousand distinct days and a few hundred workers'
 * names), which more than halves what a read sheet takes in memory. Cells share these objects, which
 * is safe because no reader of a snapshot ever changes a value in place.
 */
class SharedValues {
  private readonly texts = new Map<string, string>();
  private readonly dates = new Map<number, Date>();

  text(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    // A parser's text may be a slice of the whole piece of XML it came from, which would keep that
    // piece alive as long as the cell: a copy holds only its own characters.
    const own = text.length > 12 ? Buffer.from(text, "utf8").toString("utf8") : text;
    if (this.texts.size < MAX_SHARED) this.texts.set(own, own);
    return own;
  }

  date(time: number): Date {
    let date = this.dates.get(time);
    if (date === undefined) {
      date = new Date(time);
      if (this.dates.size < MAX_SHARED) this.dates.set(time, date);
    }
    return date;
  }
}

/** Distinct values remembered per sheet read: past this, values are made one per cell. */
const MAX_SHARED = 1_000_000;

export interface CellReading {
  sharedStrings: readonly string[];
  isDateStyle(xfIndex: number): boolean;
  date1904: boolean;
  /** Only these cells are kept (1-based); every cell when absent. */
  only?: (row: number, column: number) => boolean;
  /** Also collect the cell formats of the cells kept, of rows and of columns. */
  formats?: boolean;
}

const MS_PER_DAY = 86_400_000;
/** Serial 25569 is 01/01/1970 in the 1900 date system; the 1904 system is 1462 days behind it. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

export async function readWorksheet(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  reading: CellReading,
): Promise<WorksheetContents> {
  const values: (CellValue | undefined)[][] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  let isProtected = false;
  const shared = new SharedValues();
  const formats: CellFormats | undefined = reading.formats
    ? { cells: new Map(), rows: new Map(), columns: [] }
    : undefined;

  let inSheetData = false;
  let rowNumber = 0;
  let row: (CellValue | undefined)[] | undefined;
  let column = 0;
  let style = 0;
  let type = "n";
  let formula = false;
  let text: string | undefined;
  /** Where text goes: 1 a <v>, 2 an inline string's <t> (not a phonetic guide's), 0 nowhere. */
  let into = 0;
  let phonetic = 0;

  await parseXml(chunks, {
    open(name, a) {
      switch (name) {
        case "c": {
          const address = a.r;
          column = address === undefined ? column + 1 : columnOf(address);
          style = a.s === undefined ? 0 : Number(a.s);
          type = a.t ?? "n";
          formula = false;
          text = undefined;
          return;
        }
        case "v":
          into = 1;
          return;
        case "t":
          if (phonetic === 0) into = 2;
          return;
        case "rPh":
          phonetic += 1;
          return;
        case "f":
          formula = true;
          return;
        case "row": {
          rowNumber = a.r === undefined ? rowNumber + 1 : Number(a.r);
          column = 0;
          row = values[rowNumber - 1];
          if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(rowNumber);
          if (formats && a.s !== undefined && (a.customFormat === "1" || a.customFormat === "true"))
            formats.rows.set(rowNumber, Number(a.s));
          return;
        }
        case "sheetData":
          inSheetData = true;
          return;
        case "mergeCell":
          if (a.ref !== undefined) merges.push(a.ref);
          return;
        case "sheetProtection":
          isProtected = a.sheet === "1" || a.sheet === "true";
          return;
        case "col":
          if (formats && a.style !== undefined)
            formats.columns.push({ min: Number(a.min), max: Number(a.max), format: Number(a.style) });
          return;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          into = 0;
          return;
        case "rPh":
          phonetic -= 1;
          return;
        case "c": {
          if (!inSheetData) return;
          if (reading.only && !reading.only(rowNumber, column)) return;
          if (formats && style !== 0) formats.cells.set(cellKey(rowNumber, column), style);
          if (text === undefined) return;
          const value = cellValue(type, text, formula, style, reading, shared);
          if (value === null) return;
          if (row === undefined) {
            row = [];
            values[rowNumber - 1] = row;
          }
          row[column - 1] = value;
          return;
        }
        case "row":
          row = undefined;
          return;
        case "sheetData":
          inSheetData = false;
          return;
      }
    },
    text(piece) {
      if (into !== 0) text = text === undefined ? piece : text + piece;
    },
  });

  for (const range of merges) {
    const at = parseRangeAddress(range);
    if (!at) continue;
    for (let r = at.top; r <= Math.min(at.bottom, values.length); r++) {
      const cells = values[r - 1];
      if (!cells) continue;
      for (let c = at.left; c <= Math.min(at.right, cells.length); c++) {
        if (r !== at.top || c !== at.left) cells[c - 1] = undefined;
      }
    }
  }
  return {
    values: denseRows(values),
    merges,
    hiddenRows,
    protected: isProtected,
    ...(formats ? { formats } : {}),
  };
}

function cellValue(
  type: string,
  text: string,
  formula: boolean,
  style: number,
  reading: CellReading,
  shared: SharedValues,
): CellValue {
  if (formula) {
    // A formula's cached result: an empty one (not yet calculated) reads as blank.
    if (text === "") return null;
    if (type === "str") return shared.text(unescapeCellText(text));
    if (type === "b") return parseInt(text, 10) !== 0;
    if (type === "e") return { error: text };
    return numberValue(text, style, reading, shared);
  }
  switch (type) {
    case "s": {
      const shared = reading.sharedStrings[parseInt(text, 10)];
      return shared === undefined ? null : shared;
    }
    case "str":
      return shared.text(unescapeCellText(text));
    case "inlineStr":
      return text === "" ? null : shared.text(unescapeCellText(text));
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d": {
      // An ISO 8601 date cell (Strict, and some generators): a date whatever its format.
      const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default:
      return text === "" ? null : numberValue(text, style, reading, shared);
  }
}

function numberValue(text: string, style: number, reading: CellReading, shared: SharedValues): CellValue {
  const value = parseFloat(text);
  if (style === 0 || !reading.isDateStyle(style)) return value;
  const serial = value - UNIX_EPOCH_SERIAL + (reading.date1904 ? DAYS_1900_TO_1904 : 0);
  return shared.date(Math.round(serial * MS_PER_DAY));
}

/** The 1-based column of an A1 address's letters ("AB12" → 28). */
function columnOf(address: string): number {
  let column = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

/**
 * Rows as the port hands them over: from A1, blanks as null, each row as long as its last value and
 * the sheet as long as its last row with a value; rows without any are empty arrays.
 */
function denseRows(values: (CellValue | undefined)[][]): CellValue[][] {
  let last = -1;
  for (let r = 0; r < values.length; r++) {
    const cells = values[r];
    if (!cells) continue;
    let end = cells.length;
    while (end > 0 && (cells[end - 1] === undefined || cells[end - 1] === null)) end--;
    if (end === 0) {
      values[r] = [];
      continue;
    }
    cells.length = end;
    for (let c = 0; c < end; c++) if (cells[c] === undefined) cells[c] = null;
    last = r;
  }
  values.length = last + 1;
  for (let r = 0; r <= last; r++) if (values[r] === undefined) values[r] = [];
  return values as CellValue[][];
}

const PROTECTION = Buffer.from("sheetProtection", "latin1");

/**
 * Whether a worksheet is protected, found without parsing its cells: <sheetProtection> comes right
 * after them, so the part is inflated to its end anyway, but only searched. Cell text cannot hold a
 * "<", so "<sheetProtection" (or "<x:sheetProtection") is the element itself.
 */
export async function isProtectedWorksheet(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    for (let at = data.indexOf(PROTECTION); at >= 0; at = data.indexOf(PROTECTION, at + 1)) {
      const end = data.indexOf(0x3e, at); // ">"
      if (end < 0) break;
      const start = data.lastIndexOf(0x3c, at); // "<"
      const tag = data.toString("utf8", Math.max(0, start), end + 1);
      if (!/^<(?:[\w.-]+:)?sheetProtection\b/.test(tag)) continue;
      return /\ssheet\s*=\s*["'](?:1|true)["']/.test(tag);
    }
    // A tag split across two pieces is found in the next: keep the end of this one.
    carry = Buffer.from(data.subarray(Math.max(0, data.length - 1024)));
  }
  return false;
}
