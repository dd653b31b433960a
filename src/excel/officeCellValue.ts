import { EXCEL_ERROR_TEXTS, type CellValue } from "../engine/cells/CellValue";
import { excelSerialFromEpochDay } from "../engine/cells/coerceCellDate";
import { EXCEL_SERIAL_OF_EPOCH, epochDayFromUtcDate } from "../engine/dates/epochDay";
import { remembered } from "../engine/memo/remembered";

const MS_PER_DAY = 86_400_000;

/** Excel's "Text" number format: a cell with it keeps what is typed as text, never a formula. */
export const TEXT_FORMAT = "@";

/**
 * A cell as Office.js hands it over (`range.values` and `range.numberFormat`), as the engine reads it:
 * empty text is a blank cell, error text ("#N/A") is an error, and a serial number shown with a date
 * format is a `Date` at UTC midnight, the form exceljs gives, so every port reads the same thing.
 *
 * Office.js cannot tell a typed "#N/A" (text) from the error without another property; error text
 * typed as text is rare in a tracker and reads as the error, which the checks flag either way.
 */
export function cellValueFromOffice(value: unknown, numberFormat: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return EXCEL_ERROR_TEXTS.has(value) ? { error: value } : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    return typeof numberFormat === "string" && showsDate(numberFormat) ? dateFromSerial(value) : value;
  }
  return String(value);
}

/*
 * A tracker's sheets use a handful of number formats and a few thousand days over hundreds of
 * thousands of cells: each format is tested once, and each whole serial becomes one `Date` shared by
 * every cell holding it, as the .xlsx reader shares them. A new Date per cell and four
 * regular expressions per number cell were most of reading a large tracker in Excel. Both memos are
 * emptied when full (see remembered).
 */
const DATE_FORMATS = new Map<string, boolean>();
const DATES_BY_SERIAL = new Map<number, Date>();

function showsDate(format: string): boolean {
  return remembered(DATE_FORMATS, format, isDateFormat);
}

/**
 * Whether an Excel number format shows a date: it has a day or year code once quoted text, escaped
 * characters and [bracketed] parts (colours, locales, elapsed hours) are taken out. Formats with only
 * months or times ("mmm", "hh:mm") stay numbers.
 *
 * @example isDateFormat("dd/mm/yyyy") // true
 * @example isDateFormat('0.0 "days"') // false
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A serial as a `Date` at UTC midnight (time of day kept), past Excel's fictitious 29/02/1900. */
function dateFromSerial(serial: number): Date {
  if (!Number.isInteger(serial)) return newDateFromSerial(serial);
  return remembered(DATES_BY_SERIAL, serial, newDateFromSerial);
}

function newDateFromSerial(serial: number): Date {
  const adjusted = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((adjusted - EXCEL_SERIAL_OF_EPOCH) * MS_PER_DAY));
}

/** The value to put in `range.values` for a cell value: dates as serials, errors as their text. */
export function officeValueOf(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (value instanceof Date) {
    const day = epochDayFromUtcDate(value);
    const timeOfDay = (value.getTime() - day * MS_PER_DAY) / MS_PER_DAY;
    return excelSerialFromEpochDay(day) + timeOfDay;
  }
  if (typeof value === "object") return value.error;
  return value;
}

/**
 * Whether Excel would turn this text into something else when it is set through `range.values`:
 * Office.js parses assigned text as if typed, so "=..." and "+..." become formulas, "03/04/2024" a
 * date, "12%" a number, "TRUE" a boolean. Such text is written with the Text format ("@") set first,
 * so it stays the text the engine wrote (and a name such as "=cmd|..." can never run as a formula).
 */
export function needsTextFormat(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return text !== "";
  if (/^[=+\-@#]/.test(trimmed)) return true;
  if (/^(true|false)$/i.test(trimmed)) return true;
  // Any digit may make a number, date, time, fraction or percentage in some locale: "3 Apr", "1/2".
  return /\d/.test(trimmed);
}
