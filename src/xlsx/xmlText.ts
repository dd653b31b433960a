/*
 * The few operations on XML text that editing a package needs. Parts are edited as text, one element
 * at a time, so everything else in them stays byte for byte as it was.
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

/** The attributes of one start tag's text (`<sheet name="A" r:id="rId3"/>`), unescaped. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(m[1] ?? "", unescapeXml(m[2] ?? m[3] ?? ""));
  }
  return attributes;
}

/** Every start (or empty) tag of one element name, any namespace prefix: `<x:name .../>`. */
export function tagsNamed(xml: string, localName: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${localName}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, "g"))].map(
    (m) => m[0],
  );
}

/**
 * Every whole element of one name, start tag to end tag (or the empty tag), any namespace prefix.
 * Not for elements nested in themselves.
 */
export function elementsNamed(xml: string, localName: string): { text: string; index: number }[] {
  const pattern = new RegExp(
    `<((?:[\\w.-]+:)?${localName})\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</\\1\\s*>)`,
    "g",
  );
  return [...xml.matchAll(pattern)].map((m) => ({ text: m[0], index: m.index }));
}

/** Sets (or replaces) one attribute of a start tag. */
export function withAttribute(tag: string, name: string, value: string): string {
  const attribute = `${name}="${escapeXml(value)}"`;
  const existing = new RegExp(`(\\s)${name.replace(/[.]/g, "\\.")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (existing.test(tag)) return tag.replace(existing, (_, space: string) => `${space}${attribute}`);
  return tag.replace(/^(<[\w.:-]+)/, `$1 ${attribute}`);
}

/** Removes one attribute from a start tag. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.]/g, "\\.")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** `content` inserted as the last child of the first `element`, opening an empty one if need be. */
export function insertBeforeClosing(xml: string, element: string, content: string): string {
  const open = new RegExp(`<((?:[\\w.-]+:)?${element})\\b((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>`).exec(xml);
  if (!open) return xml;
  const [whole, name, attributes, empty] = open;
  if (empty) {
    return `${xml.slice(0, open.index)}<${name}${attributes}>${content}</${name}>${xml.slice(open.index + whole.length)}`;
  }
  const closing = `</${name}>`;
  const at = xml.indexOf(closing, open.index);
  return at < 0 ? xml : xml.slice(0, at) + content + xml.slice(at);
}
