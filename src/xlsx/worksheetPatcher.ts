import { StringDecoder } from "node:string_decoder";
import type { CellValue } from "../engine/cells/CellValue";
import { cellAddress, columnLetters, parseRangeAddress } from "../engine/tables/cellAddress";
import type { CellEdit, SheetEdits } from "./sheetEdits";
import { insertIntoTail, withRelationshipNamespace } from "./worksheetElements";
import {
  attributeValue,
  descendantsOf,
  removal,
  settingAttribute,
  splice,
  startTagOf,
  withAttribute,
  withoutAttribute,
  xmlElements,
  type XmlElement,
} from "./xmlElements";
import { escapeCellText, escapeElementText, escapeXml } from "./xmlText";

/*
 * One of the user's worksheets copied through with the add-in's edits, as it is inflated: rows
 * nobody edits are copied as they are, character for character; an edited row gets its edited cells
 * replaced or inserted in column order and every other cell kept as it was. The part before the
 * cells (dimension, column widths) and after them (conditional formats, the notes' legacy drawing)
 * is small and edited as text.
 */

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

export async function* patchWorksheet(
  chunks: AsyncIterable<Buffer>,
  edits: SheetEdits,
  date1904: boolean,
): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder("utf8");
  const rowsToWrite = [...edits.cells.keys()].sort((a, b) => a - b);
  let nextEdited = 0;
  let buffer = "";
  let at = 0;
  let phase: "head" | "rows" | "tail" = "head";
  let prefix = "";
  let rowOpen = "<row";
  let rowClose = "</row>";
  let sheetDataClose = "</sheetData";
  let lastRow = 0;
  let cells: RegExp = /<c\b/g;
  /** Where </sheetData> starts in the buffer: -2 not looked for yet, -1 not in it. */
  let sheetDataEnd = -2;

  /** The rows the edits add where the sheet has none, up to (not including) `before`. */
  const insertedRows = function* (before: number): Generator<string, void, undefined> {
    while (nextEdited < rowsToWrite.length && (rowsToWrite[nextEdited] as number) < before) {
      const row = rowsToWrite[nextEdited++] as number;
      const written = [...(edits.cells.get(row) ?? [])]
        .sort((a, b) => a[0] - b[0])
        .map(([column, edit]) => cellXml(prefix, row, column, edit, date1904))
        .join("");
      if (written !== "") yield `<${prefix}row r="${row}">${written}</${prefix}row>`;
    }
  };

  const work = function* (final: boolean): Generator<string, void, undefined> {
    for (;;) {
      if (phase === "head") {
        const open = /<([\w.-]+:)?sheetData\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/.exec(buffer);
        if (!open) {
          if (final) throw new Error("the worksheet has no sheetData");
          return;
        }
        prefix = open[1] ?? "";
        rowOpen = `<${prefix}row`;
        rowClose = `</${prefix}row>`;
        sheetDataClose = `</${prefix}sheetData`;
        cells = new RegExp(
          `<${escapeRegExp(prefix)}c(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${escapeRegExp(prefix)}c\\s*>)`,
          "g",
        );
        yield patchHead(buffer.slice(0, open.index), edits, prefix);
        if (open[2] === "/") {
          yield `<${prefix}sheetData>`;
          yield* insertedRows(Infinity);
          yield `</${prefix}sheetData>`;
          phase = "tail";
          at = open.index + open[0].length;
        } else {
          yield open[0];
          phase = "rows";
          at = open.index + open[0].length;
        }
        continue;
      }
      if (phase === "rows") {
        const copyFrom = at;
        for (;;) {
          const row = nextTag(buffer, rowOpen, at);
          if (sheetDataEnd === -2) sheetDataEnd = buffer.indexOf(sheetDataClose, at);
          const end = sheetDataEnd;
          if (end >= 0 && (row < 0 || end < row)) {
            if (end > copyFrom) yield buffer.slice(copyFrom, end);
            yield* insertedRows(Infinity);
            phase = "tail";
            at = end;
            break;
          }
          if (row < 0) {
            if (at > copyFrom) yield buffer.slice(copyFrom, at);
            if (final) throw new Error("the worksheet's sheetData is not closed");
            return;
          }
          const startEnd = buffer.indexOf(">", row);
          if (startEnd < 0) {
            if (row > copyFrom) yield buffer.slice(copyFrom, row);
            at = row;
            if (final) throw new Error("the worksheet ends inside a row");
            return;
          }
          const start = buffer.slice(row, startEnd + 1);
          const selfClosing = start.endsWith("/>");
          let rowEnd = startEnd + 1;
          if (!selfClosing) {
            const close = buffer.indexOf(rowClose, startEnd);
            if (close < 0) {
              if (row > copyFrom) yield buffer.slice(copyFrom, row);
              at = row;
              if (final) throw new Error("the worksheet ends inside a row");
              return;
            }
            rowEnd = close + rowClose.length;
          }
          const r = /\sr\s*=\s*["'](\d+)["']/.exec(start);
          const number = r ? Number(r[1]) : lastRow + 1;
          lastRow = number;
          const edited = edits.cells.get(number);
          const insertBefore =
            nextEdited < rowsToWrite.length && (rowsToWrite[nextEdited] as number) < number;
          if (!edited && !insertBefore) {
            at = rowEnd;
            continue;
          }
          if (row > copyFrom) yield buffer.slice(copyFrom, row);
          yield* insertedRows(number);
          if (edited) {
            if (rowsToWrite[nextEdited] === number) nextEdited++;
            yield patchRow(
              buffer.slice(row, rowEnd),
              start,
              selfClosing,
              number,
              edited,
              prefix,
              cells,
              date1904,
            );
          } else {
            yield buffer.slice(row, rowEnd);
          }
          at = rowEnd;
          // Each edited row is handed on as it is made, so the copy-through resumes after it.
          break;
        }
        continue;
      }
      // The tail is held until the part ends: conditional formats and the legacy drawing go in it.
      if (!final) return;
      const rest = buffer.slice(at);
      const close = new RegExp(`^</${escapeRegExp(prefix)}sheetData\\s*>`).exec(rest);
      if (close) yield close[0];
      yield patchTail(rest.slice(close ? close[0].length : 0), edits, prefix);
      at = buffer.length;
      return;
    }
  };

  for await (const chunk of chunks) {
    buffer = at > 0 ? buffer.slice(at) + decoder.write(chunk) : buffer + decoder.write(chunk);
    at = 0;
    sheetDataEnd = -2;
    yield* work(false);
  }
  buffer = buffer.slice(at) + decoder.end();
  at = 0;
  sheetDataEnd = -2;
  yield* work(true);
}

/** The next `<row` start tag from `from` (not `<rowBreaks` or another name beginning alike). */
function nextTag(buffer: string, open: string, from: number): number {
  for (let i = buffer.indexOf(open, from); i >= 0; i = buffer.indexOf(open, i + 1)) {
    const after = buffer.charCodeAt(i + open.length);
    // whitespace, '>' or '/'; NaN at the buffer's end means "not known yet".
    if (after === 32 || after === 9 || after === 10 || after === 13 || after === 62 || after === 47) return i;
    if (Number.isNaN(after)) return i;
  }
  return -1;
}

function patchRow(
  text: string,
  start: string,
  selfClosing: boolean,
  row: number,
  edited: Map<number, CellEdit>,
  prefix: string,
  cells: RegExp,
  date1904: boolean,
): string {
  const existing: { column: number; xml: string }[] = [];
  let trailing = "";
  if (!selfClosing) {
    const body = text.slice(start.length, text.length - `</${prefix}row>`.length);
    let column = 0;
    let lastEnd = 0;
    cells.lastIndex = 0;
    for (let m = cells.exec(body); m !== null; m = cells.exec(body)) {
      const tag = /^<[^>]*?(?=\/?>)/.exec(m[0])?.[0] ?? "";
      const address = /\sr\s*=\s*["']([A-Za-z]+)/.exec(tag)?.[1];
      column = address === undefined ? column + 1 : columnNumber(address);
      existing.push({ column, xml: m[0] });
      lastEnd = m.index + m[0].length;
    }
    // What follows the cells in a row (an extLst) stays after them.
    trailing = body.slice(lastEnd);
  }
  const out: string[] = [];
  const edits = [...edited].sort((a, b) => a[0] - b[0]);
  let e = 0;
  for (const cell of existing) {
    while (e < edits.length && (edits[e]?.[0] as number) < cell.column) {
      const [column, edit] = edits[e++] as [number, CellEdit];
      out.push(cellXml(prefix, row, column, edit, date1904));
    }
    if (edits[e]?.[0] === cell.column) {
      const [column, edit] = edits[e++] as [number, CellEdit];
      out.push(cellXml(prefix, row, column, edit, date1904));
    } else {
      out.push(cell.xml);
    }
  }
  while (e < edits.length) {
    const [column, edit] = edits[e++] as [number, CellEdit];
    out.push(cellXml(prefix, row, column, edit, date1904));
  }
  // spans is only a hint of the row's first and last cell; a wrong one is worse than none.
  const open = withoutAttribute(selfClosing ? `${start.slice(0, -2)}>` : start, "spans");
  return `${open}${out.join("")}${trailing}</${prefix}row>`;
}

/** A cell as the edit leaves it: its value, and its cell format; a blank cell with no format goes. */
function cellXml(prefix: string, row: number, column: number, edit: CellEdit, date1904: boolean): string {
  const r = `${columnLetters(column)}${row}`;
  const s = edit.format === 0 ? "" : ` s="${edit.format}"`;
  const c = `${prefix}c`;
  const v = `${prefix}v`;
  const value: CellValue = edit.value;
  if (value === null) return s === "" ? "" : `<${c} r="${r}"${s}/>`;
  if (typeof value === "string") {
    const preserve = /^\s|\n|\s$/.test(value) ? ' xml:space="preserve"' : "";
    return `<${c} r="${r}"${s} t="inlineStr"><${prefix}is><${prefix}t${preserve}>${escapeCellText(value)}</${prefix}t></${prefix}is></${c}>`;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<${c} r="${r}"${s} t="e"><${v}>#NUM!</${v}></${c}>`;
    return `<${c} r="${r}"${s}><${v}>${value}</${v}></${c}>`;
  }
  if (typeof value === "boolean") return `<${c} r="${r}"${s} t="b"><${v}>${value ? 1 : 0}</${v}></${c}>`;
  if (value instanceof Date) {
    const serial = value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DAYS_1900_TO_1904 : 0);
    return `<${c} r="${r}"${s}><${v}>${serial}</${v}></${c}>`;
  }
  return `<${c} r="${r}"${s} t="e"><${v}>${escapeElementText(value.error)}</${v}></${c}>`;
}

/** The dimension grows to the edited cells; the edited column widths are set. */
function patchHead(head: string, edits: SheetEdits, prefix: string): string {
  let out = edits.legacyDrawingRelationshipId === undefined ? head : withRelationshipNamespace(head);
  const bounds = edits.bounds();
  if (bounds) {
    const dimension = xmlElements(out).find((e) => e.depth === 1 && e.localName === "dimension");
    if (dimension) {
      const ref = attributeValue(dimension, "ref") ?? "A1";
      const [from, to] = ref.split(":");
      const was = parseRangeAddress(`${from}:${to ?? from}`);
      const top = Math.min(was?.top ?? bounds.top, bounds.top);
      const left = Math.min(was?.left ?? bounds.left, bounds.left);
      const bottom = Math.max(was?.bottom ?? bounds.bottom, bounds.bottom);
      const right = Math.max(was?.right ?? bounds.right, bounds.right);
      const range = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
      out = splice(out, [settingAttribute(out, dimension, "ref", range)]);
    }
  }
  if (edits.columnWidths.size > 0) out = withColumnWidths(out, edits.columnWidths, prefix);
  return out;
}

/**
 * Sets columns' widths in <cols>: a <col> range holding an edited column is split around it (its
 * other settings, such as a column style, stay on every piece), and a column without one gets its own.
 */
function withColumnWidths(head: string, widths: ReadonlyMap<number, number>, prefix: string): string {
  const elements = xmlElements(head);
  const cols = elements.find((e) => e.depth === 1 && e.localName === "cols");
  const ranges: { min: number; max: number; tag: string }[] = [];
  if (cols) {
    for (const col of descendantsOf(elements, cols).filter((e) => e.localName === "col")) {
      const start = startTagOf(head, col);
      const tag = col.selfClosing ? start : `${start.slice(0, -1)}/>`;
      ranges.push({ min: Number(attributeValue(col, "min")), max: Number(attributeValue(col, "max")), tag });
    }
  }
  for (const [column, width] of widths) {
    const at = ranges.findIndex((r) => r.min <= column && column <= r.max);
    const sized = (tag: string): string =>
      withAttribute(
        withAttribute(
          withAttribute(withAttribute(tag, "min", String(column)), "max", String(column)),
          "width",
          String(width),
        ),
        "customWidth",
        "1",
      );
    if (at < 0) {
      ranges.push({
        min: column,
        max: column,
        tag: `<${prefix}col min="${column}" max="${column}" width="${width}" customWidth="1"/>`,
      });
      continue;
    }
    const range = ranges[at] as (typeof ranges)[number];
    const pieces = [];
    if (range.min < column)
      pieces.push({
        min: range.min,
        max: column - 1,
        tag: withAttribute(range.tag, "max", String(column - 1)),
      });
    pieces.push({ min: column, max: column, tag: sized(range.tag) });
    if (column < range.max)
      pieces.push({
        min: column + 1,
        max: range.max,
        tag: withAttribute(range.tag, "min", String(column + 1)),
      });
    ranges.splice(at, 1, ...pieces);
  }
  ranges.sort((a, b) => a.min - b.min);
  const element = `<${prefix}cols>${ranges.map((r) => r.tag).join("")}</${prefix}cols>`;
  if (cols) return splice(head, [{ start: cols.start, end: cols.end, text: element }]);
  // <cols> comes right before <sheetData> (CT_Worksheet): the head ends there.
  return head + element;
}

/**
 * The loaded conditional formats the edits claim go; the added ones take priorities after the
 * highest left; the notes' legacy drawing is added when the sheet had none.
 */
function patchTail(tail: string, edits: SheetEdits, prefix: string): string {
  let out = tail;
  // The worksheet's own children: the tail is its content after the cells.
  const formats = (xml: string): XmlElement[] =>
    xmlElements(xml).filter((e) => e.depth === 0 && e.localName === "conditionalFormatting");
  if (edits.removedFormats.length > 0) {
    const ours = formats(out).filter((f) => {
      const sqref = attributeValue(f, "sqref") ?? "";
      return edits.removedFormats.some((claims) => claims(sqref));
    });
    out = splice(out, ours.map(removal));
  }
  if (edits.addedFormats.length > 0) {
    let priority = 0;
    for (const rule of xmlElements(out).filter((e) => e.localName === "cfRule"))
      priority = Math.max(priority, Number(attributeValue(rule, "priority") ?? 0) || 0);
    const elements = edits.addedFormats
      .map(
        (cf) =>
          `<${prefix}conditionalFormatting sqref="${escapeXml(cf.sqref)}">` +
          cf.rules
            .map(
              (rule) =>
                `<${prefix}cfRule type="cellIs" dxfId="${rule.differentialFormat}" priority="${++priority}" operator="equal">` +
                // Excel compares text case-insensitively: "overdue" typed by hand is coloured too.
                `<${prefix}formula>${escapeElementText(`"${rule.text.replace(/"/g, '""')}"`)}</${prefix}formula></${prefix}cfRule>`,
            )
            .join("") +
          `</${prefix}conditionalFormatting>`,
      )
      .join("");
    const lastFormat = formats(out).pop();
    out = lastFormat
      ? splice(out, [{ start: lastFormat.end, end: lastFormat.end, text: elements }])
      : insertIntoTail(out, "conditionalFormatting", elements);
  }
  const hasLegacyDrawing = (): boolean =>
    xmlElements(out).some((e) => e.depth === 0 && e.localName === "legacyDrawing");
  if (edits.legacyDrawingRelationshipId !== undefined && !hasLegacyDrawing()) {
    out = insertIntoTail(
      out,
      "legacyDrawing",
      `<${prefix}legacyDrawing r:id="${edits.legacyDrawingRelationshipId}"/>`,
    );
  }
  return out;
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
