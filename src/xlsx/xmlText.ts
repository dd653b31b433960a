/*
 * Escaping text for XML and SpreadsheetML. Finding and editing elements is xmlElements.ts's, by the
 * positions a parser gives.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] ?? "";
  });
}

/**
 * Characters XML 1.0 cannot hold at all (controls other than tab, line feed and carriage return),
 * and text that already looks like an escape: SpreadsheetML writes both as `_xHHHH_` (ECMA-376 part
 * 1, 22.9.2.19 ST_Xstring), and a literal "_x0041_" must be written `_x005F_x0041_` or Excel would
 * read it as "A".
 */
// eslint-disable-next-line no-control-regex -- these control characters are the ones to find
const NEEDS_XSTRING_ESCAPE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- likewise, with the underscore that starts an escape
const XSTRING_ESCAPED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text for a cell's `<t>` or a formula: XML-escaped, with ST_Xstring escapes where XML cannot go. */
export function escapeCellText(text: string): string {
  let escaped = text;
  if (NEEDS_XSTRING_ESCAPE.test(text)) {
    escaped = text.replace(XSTRING_ESCAPED, (c) =>
      c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
  }
  return escapeElementText(escaped);
}

/** Element text needs only &, < and > escaped; quotes may stay as they are. */
export function escapeElementText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Undoes `_xHHHH_` escapes in cell text (the reader's half of {@link escapeCellText}). */
export function unescapeCellText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
