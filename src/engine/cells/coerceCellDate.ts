import { MONTH_NAMES } from "../dates/monthNames";
import {
  EXCEL_SERIAL_OF_EPOCH,
  epochDayFromParts,
  epochDayFromUtcDate,
  formatUkDate,
  type EpochDay,
} from "../dates/epochDay";
import { remembered } from "../memo/remembered";
import { EXCEL_ERROR_TEXTS, isCellError, type CellValue } from "./CellValue";

/**
 * The outcome of reading one cell as a date: a day, nothing, or a precise problem.
 *
 * `from` says where a date came from, because a date held as text works in the add-in but not in
 * Excel's own formulas and filters: the safe fixes turn it into a real date.
 */
export type CellDate =
  | { kind: "date"; day: EpochDay; from: "serial" | "date" | "text"; ambiguous: boolean }
  | { kind: "empty"; placeholder?: string }
  | { kind: "problem"; problem: CellDateProblem };

export type CellDateProblemCode =
  "not-a-date" | "impossible-date" | "month-first" | "out-of-range" | "formula-error" | "not-a-date-type";

export interface CellDateProblem {
  code: CellDateProblemCode;
  /** The cell as the user sees it (text, number, error). */
  text: string;
  message: string;
  /** The date the text probably meant, when there is one (e.g. month-first text read day-first). */
  suggestion?: EpochDay;
}

/** Plausible tracker dates: anything outside is a typing mistake, not a date. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
const LATEST_DAY = epochDayFromParts(LATEST_YEAR, 12, 31) as EpochDay;
const EARLIEST_DAY = epochDayFromParts(EARLIEST_YEAR, 1, 1) as EpochDay;
const LATEST_SERIAL = LATEST_DAY + EXCEL_SERIAL_OF_EPOCH;

/**
 * Text that people put in a date cell to mean "not yet" or "not known". It counts as empty (the
 * clock has not started), and is listed as information so the tracker can be tidied.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "",
  "tbc",
  "tba",
  "tbd",
  "tbc.",
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "-",
  "--",
  "---",
  "–",
  "—",
  "?",
  "??",
  "???",
  "none",
  "nil",
  "pending",
  "awaiting",
  "not yet",
  "not applicable",
  "x",
]);

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan"],
    ["february", "feb"],
    ["march", "mar"],
    ["april", "apr"],
    ["may", "may"],
    ["june", "jun"],
    ["july", "jul"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["october", "oct"],
    ["november", "nov"],
    ["december", "dec"],
  ].flatMap((names, i) => names.map((name): [string, number] => [name, i + 1])),
);

/**
 * Turns any cell value a tracker can hold into a date, an empty value or a precise problem.
 *
 * - Numbers are Excel serial dates (what Office.js returns for every real date), with Excel's 1900
 *   leap-year quirk: serial 60 is the 29/02/1900 that never was, so serials below it are one day off.
 * - `Date` objects (what the .xlsx reader and the tests' exceljs files give) are read by their UTC
 *   fields: they stand at UTC midnight of the serial, so reading local fields would move a date typed
 *   in British Summer Time to the day before.
 * - Text is always read day first, in the forms UK users type: `03/04/2019`, `3/4/19` (two-digit years
 *   as Excel reads them: 00–29 → 2000s, 30–99 → 1900s), `03-04-2019`, `03.04.2019`, `2019-04-03`,
 *   `3 April 2019`, `03-Apr-2019`, `3rd April 2019`. A time after the date is ignored.
 * - Placeholders (`TBC`, `n/a`, `-`, `?`, `none`, spaces) are empty.
 *
 * This is the only place in the product where a cell becomes a date: `new Date(cell)` and
 * `z.coerce.date()` read "03/04/2019" as 4 March and serial 45292 as a 1970 instant.
 *
 * @example coerceCellDate("3rd April 2019") // { kind: "date", day: 17989 (03/04/2019), from: "text", ambiguous: false }
 */
export function coerceCellDate(value: CellValue | undefined): CellDate {
  if (value === null || value === undefined) return EMPTY_CELL_DATE;
  if (typeof value === "number") return readSerial(value);
  if (typeof value === "string") return remembered(TEXTS, value, frozenFromText, MEMO_LIMIT);
  if (value instanceof Date) return readDate(value);
  if (isCellError(value)) return formulaError(value.error);
  if (typeof value === "boolean") {
    return problem(
      "not-a-date-type",
      String(value).toUpperCase(),
      `“${String(value).toUpperCase()}” is a yes/no value, not a date`,
    );
  }
  return fromText(value);
}

/*
 * A tracker repeats the same few thousand days down every date column (100,000 rows of ten years
 * hold about 3,650 distinct days), so each distinct cell value is read once and its result shared:
 * parsing text dates was most of the cost of reading a large tracker. Whole serials (what
 * Office.js returns for every real date) and the .xlsx reader's `Date`s are kept in arrays indexed by serial
 * and by day, which are faster than any map. The results are frozen, so sharing them is safe; the text memo is emptied when full, so
 * hostile sheets of unique text cannot grow it without bound.
 */
const MEMO_LIMIT = 65_536;
// Filled up front so the array stays packed: V8 keeps a sparse array as a slow dictionary.
const SERIAL_DATES: (CellDate | null)[] = new Array<CellDate | null>(LATEST_SERIAL + 1).fill(null);
const TEXTS = new Map<string, CellDate>();
const DATE_DAYS: (CellDate | null)[] = new Array<CellDate | null>(LATEST_DAY - EARLIEST_DAY + 1).fill(null);
/** The reading of a blank cell, shared: frozen, so every reader may hand out the same object. */
export const EMPTY_CELL_DATE: CellDate = deepFreeze({ kind: "empty" });

// The memo is looked up before anything is made: a closure per call for the miss was a third of
// the cost of reading a large tracker's dates.
function readSerial(serial: number): CellDate {
  if (!Number.isInteger(serial) || serial < 0 || serial > LATEST_SERIAL) return fromSerial(serial);
  const found = SERIAL_DATES[serial];
  if (found !== null && found !== undefined) return found;
  return (SERIAL_DATES[serial] = deepFreeze(fromSerial(serial)));
}

function readDate(date: Date): CellDate {
  const day = epochDayFromUtcDate(date);
  if (!(day >= EARLIEST_DAY && day <= LATEST_DAY)) return fromDate(date);
  const found = DATE_DAYS[day - EARLIEST_DAY];
  if (found !== null && found !== undefined) return found;
  return (DATE_DAYS[day - EARLIEST_DAY] = deepFreeze(fromDate(date)));
}

function frozenFromText(text: string): CellDate {
  return deepFreeze(fromText(text));
}

function deepFreeze(read: CellDate): CellDate {
  if (read.kind === "problem") Object.freeze(read.problem);
  return Object.freeze(read);
}

/** The Excel serial number of a day (the inverse of reading a serial), for writing real dates. */
export function excelSerialFromEpochDay(day: EpochDay): number {
  const serial = day + EXCEL_SERIAL_OF_EPOCH;
  // Before 01/03/1900 Excel's serials are one lower because of its fictitious 29/02/1900.
  return serial < 61 ? serial - 1 : serial;
}

/**
 * `shown` is how the cell reads in a message; for a number it is made only when there is a problem,
 * because turning every date serial into a string was most of the cost of reading a tracker.
 */
function fromSerial(serial: number, shown?: string): CellDate {
  const whole = Math.floor(serial);
  if (whole > 60 && whole - EXCEL_SERIAL_OF_EPOCH <= LATEST_DAY)
    return { kind: "date", day: whole - EXCEL_SERIAL_OF_EPOCH, from: "serial", ambiguous: false };
  const text = shown ?? String(serial);
  if (!Number.isFinite(serial)) return problem("not-a-date", text, `“${text}” is not a date`);
  if (whole === 60) {
    return problem("impossible-date", text, "Excel serial 60 is 29/02/1900, a day that never existed");
  }
  const day = whole < 60 ? whole - EXCEL_SERIAL_OF_EPOCH + 1 : whole - EXCEL_SERIAL_OF_EPOCH;
  if (whole < 1 || day > LATEST_DAY) {
    return problem(
      "out-of-range",
      text,
      `${text} is not a plausible date: as a date number it is outside ${EARLIEST_YEAR}–${LATEST_YEAR}`,
    );
  }
  return { kind: "date", day, from: "serial", ambiguous: false };
}

function fromDate(date: Date): CellDate {
  if (Number.isNaN(date.getTime()))
    return problem("not-a-date", "Invalid Date", "The cell holds an invalid date");
  const day = epochDayFromUtcDate(date);
  if (day < EARLIEST_DAY || day > LATEST_DAY) {
    return problem(
      "out-of-range",
      formatUkDate(day),
      `${formatUkDate(day)} is outside ${EARLIEST_YEAR}–${LATEST_YEAR}`,
    );
  }
  return { kind: "date", day, from: "date", ambiguous: false };
}

function formulaError(error: string): CellDate {
  return problem(
    "formula-error",
    error,
    `The cell shows the Excel error ${error} instead of a date: correct the formula or type the date`,
  );
}

/** The form almost every typed date takes: read straight away, without the general text rules below. */
const PLAIN_UK_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

function fromText(raw: string): CellDate {
  // Cannot be a placeholder, an error, a serial or carry a time: numericDate reads it as the rules would.
  if (PLAIN_UK_DATE.test(raw)) return numericDate(raw, raw) as CellDate;
  const text = raw.trim();
  const lower = text.toLowerCase().replace(/\s+/g, " ");
  if (PLACEHOLDERS.has(lower))
    return text === "" ? { kind: "empty", placeholder: raw } : { kind: "empty", placeholder: text };
  if (EXCEL_ERROR_TEXTS.has(text.toUpperCase())) return formulaError(text.toUpperCase());

  // A number typed as text may be a serial pasted from another system; only plain integers are read.
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const read = fromSerial(Number(text), text);
    return read.kind === "date" ? { ...read, from: "text" } : read;
  }

  const withoutTime = stripTime(text);
  return (
    numericDate(withoutTime, text) ??
    isoDate(withoutTime, text) ??
    wordDate(withoutTime, text) ??
    problem("not-a-date", text, `“${text}” is not a date (type it as dd/mm/yyyy)`)
  );
}

// "03/04/2019 14:30", "2019-04-03T10:00:00Z", "03/04/2019 2:30 pm": the time of day is not needed.
function stripTime(text: string): string {
  return text
    .replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[ap]\.?m\.?)?( ?(z|[+-]\d{2}:?\d{2}))?$/i, "")
    .trim();
}

function numericDate(text: string, original: string): CellDate | undefined {
  const m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[2 + 1]);
  const year = expandYear(m[4] as string);
  const day = epochDayFromParts(year, second, first);
  if (day !== undefined) return inRange(day, original, first <= 12 && second <= 12 && first !== second);

  // Not a day-first date. If it reads as month first, say so: US-style dates are a common paste.
  const monthFirst = epochDayFromParts(year, first, second);
  if (monthFirst !== undefined) {
    return problem(
      "month-first",
      original,
      `“${original}” is not a valid UK date: there is no month ${second}. It looks month-first (US style); ` +
        `did you mean ${formatUkDate(monthFirst)}?`,
      monthFirst,
    );
  }
  return problem(
    "impossible-date",
    original,
    `“${original}” is not a valid date: ${impossibleReason(year, second, first)}`,
  );
}

function isoDate(text: string, original: string): CellDate | undefined {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const dayOfMonth = Number(m[4]);
  const day = epochDayFromParts(year, month, dayOfMonth);
  if (day === undefined) {
    return problem(
      "impossible-date",
      original,
      `“${original}” is not a valid date: ${impossibleReason(year, month, dayOfMonth)}`,
    );
  }
  return inRange(day, original, false);
}

// "3 April 2019", "3rd April 2019", "03-Apr-2019", "3 Apr 19", "April 3, 2019", "Wednesday 3 April 2019".
function wordDate(text: string, original: string): CellDate | undefined {
  const cleaned = text
    .toLowerCase()
    .replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+/, "")
    .replace(/,/g, " ")
    .trim();
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s/.-]*([a-z]+)\.?[\s/.-]*(\d{2}|\d{4})$/.exec(
    cleaned,
  );
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{2}|\d{4})$/.exec(cleaned);
  let dayOfMonth: number;
  let monthName: string;
  let yearText: string;
  if (dayFirst) {
    dayOfMonth = Number(dayFirst[1]);
    monthName = dayFirst[2] as string;
    yearText = dayFirst[3] as string;
  } else if (monthFirst) {
    monthName = monthFirst[1] as string;
    dayOfMonth = Number(monthFirst[2]);
    yearText = monthFirst[3] as string;
  } else {
    return undefined;
  }
  const month = MONTHS.get(monthName);
  if (month === undefined) return undefined;
  const year = expandYear(yearText);
  const day = epochDayFromParts(year, month, dayOfMonth);
  if (day === undefined) {
    return problem(
      "impossible-date",
      original,
      `“${original}” is not a valid date: ${impossibleReason(year, month, dayOfMonth)}`,
    );
  }
  return inRange(day, original, false);
}

// Two-digit years as Excel reads them when typed: 00–29 are 2000–2029, 30–99 are 1930–1999.
function expandYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function impossibleReason(year: number, month: number, dayOfMonth: number): string {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  return `there is no ${dayOfMonth} ${MONTH_NAMES[month - 1]} ${year}`;
}

function inRange(day: EpochDay, original: string, ambiguous: boolean): CellDate {
  if (day < EARLIEST_DAY || day > LATEST_DAY) {
    return problem(
      "out-of-range",
      original,
      `“${original}” is outside ${EARLIEST_YEAR}–${LATEST_YEAR}: is the year right?`,
    );
  }
  return { kind: "date", day, from: "text", ambiguous };
}

function problem(code: CellDateProblemCode, text: string, message: string, suggestion?: EpochDay): CellDate {
  return {
    kind: "problem",
    problem: suggestion === undefined ? { code, text, message } : { code, text, message, suggestion },
  };
}
