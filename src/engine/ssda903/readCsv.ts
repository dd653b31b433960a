/**
 * A CSV file as a case system exports it: bytes (from a file picker or the disk) or text already
 * decoded. The name is only used in messages, so a user can find the file and the line.
 */
export interface CsvFile {
  name: string;
  content: Uint8Array | string;
}

export type CsvSeparator = "," | ";" | "\t";

/** One non-blank line of a CSV file, split into fields, with its 1-based line number in the file. */
export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  /** "sheet": a sheet of an .xlsx export (see `tablesOfSheets`). */
  encoding: "utf-8" | "windows-1252" | "text" | "sheet";
  separator: CsvSeparator;
  /** The first non-blank row: the header. */
  header: CsvRow;
  rows: CsvRow[];
}

export type CsvRead = { kind: "table"; table: CsvTable } | { kind: "empty"; file: string };

/**
 * Reads a CSV file's rows, whatever the case system's export settings: UTF-8 with or without a
 * byte-order mark, Windows-1252 when the bytes are not valid UTF-8 (older Windows exports), comma,
 * semicolon (European Excel) or tab separators chosen by the header row, quoted fields with doubled
 * quotes and line breaks inside, and blank lines skipped. Fields are not trimmed here: IDs are.
 *
 * @example readCsv({ name: "header.csv", content: "CHILD;DOB\n1;01/02/2015\n" })
 * // { kind: "table", table: { separator: ";", header: { line: 1, fields: ["CHILD", "DOB"] }, rows: [...] } }
 */
export function readCsv(file: CsvFile): CsvRead {
  const { text, encoding } =
    typeof file.content === "string"
      ? { text: file.content.replace(/^\uFEFF/, ""), encoding: "text" as const }
      : decodeCsvBytes(file.content);
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "");
  if (firstLine === undefined) return { kind: "empty", file: file.name };
  const separator = detectSeparator(firstLine);
  const rows = splitRows(text, separator).filter((row) => !row.fields.every((f) => f.trim() === ""));
  const [header, ...body] = rows;
  if (header === undefined) return { kind: "empty", file: file.name };
  return { kind: "table", table: { file: file.name, encoding, separator, header, rows: body } };
}

/** UTF-8 (a byte-order mark is dropped) unless the bytes are not valid UTF-8: then Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// Node's TextDecoder reads "windows-1252" as Latin-1, so 0x80–0x9F (curly quotes, €, dashes) are
// mapped here, as the WHATWG encoding standard does; the other bytes are their own code points.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    text += String.fromCharCode(
      byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
    );
  }
  return text;
}

// The separator is the one the header uses most, outside quotes: SSDA903 headers have no commas,
// semicolons or tabs in their names.
function detectSeparator(headerLine: string): CsvSeparator {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const candidates: CsvSeparator[] = [",", ";", "\t"];
  let best: CsvSeparator = ",";
  let bestCount = 0;
  for (const separator of candidates) {
    const count = unquoted.split(separator).length - 1;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The rows of the text. Fields are sliced out of the text rather than built a character at a time:
 * a string grown by += is a chain of one-character pieces, and 200,000 rows of them cost seconds to
 * make and to read.
 */
function splitRows(text: string, separator: CsvSeparator): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const end = text.length;
  const endRow = (): void => {
    rows.push({ line: rowLine, fields });
    fields = [];
    line++;
    rowLine = line;
  };
  while (i <= end) {
    if (i === end) {
      // The last row, unless the text ended with a line break.
      if (fields.length > 0) rows.push({ line: rowLine, fields });
      break;
    }
    let value: string;
    let at: number;
    // A quote opens a quoted field only as its first character: ' "x"' is text, as Excel and
    // papaparse read it (RFC 4180: spaces are part of a field).
    if (text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      at = from;
      for (;;) {
        const close = text.indexOf('"', at);
        if (close === -1) {
          // An unclosed quote runs to the end of the file.
          parts.push(text.slice(from));
          at = end;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts.push(text.slice(from, close + 1));
          from = at = close + 2;
          continue;
        }
        parts.push(text.slice(from, close));
        at = close + 1;
        break;
      }
      value = parts.join("");
      line += countLineBreaks(value);
      // Text after the closing quote, up to the separator, belongs to the field too.
      const rest = fieldEnd(text, at, separator);
      value += text.slice(at, rest);
      at = rest;
    } else {
      at = fieldEnd(text, i, separator);
      value = text.slice(i, at);
    }
    fields.push(value);
    if (at >= end) {
      rows.push({ line: rowLine, fields });
      break;
    }
    const ch = text.charCodeAt(at);
    if (ch === CR || ch === LF) {
      endRow();
      i = ch === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
      if (i === end) break;
    } else {
      i = at + 1;
      // A separator at the very end leaves one more, empty, field.
      if (i === end) {
        fields.push("");
        rows.push({ line: rowLine, fields });
        break;
      }
    }
  }
  return rows;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Where the unquoted field from `from` ends: at the separator, a line break or the end. */
function fieldEnd(text: string, from: number, separator: CsvSeparator): number {
  const code = separator.charCodeAt(0);
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === code || ch === CR || ch === LF) return i;
  }
  return text.length;
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === LF || (ch === CR && value.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
