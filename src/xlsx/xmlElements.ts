import { SaxesParser, type SaxesTagPlain } from "saxes";
import { escapeXml, unescapeXml } from "./xmlText";

/*
 * A part's elements as a parser finds them, each with where it starts and ends in the text, so that
 * an edit replaces exactly those characters and everything else stays byte for byte as it was.
 * saxes (the parser the reader already streams with) tells comments, CDATA, processing instructions
 * and attribute values apart from elements: "<sheet" inside a comment or a CDATA section is text.
 */

/** One attribute of a start tag, with the span of its text (`name="value"`, no leading space). */
export interface XmlAttribute {
  /** The name as written, prefix included ("r:id"). */
  name: string;
  /** The value, entities decoded. */
  value: string;
  start: number;
  end: number;
}

/** One element: offsets into the text it was parsed from. */
export interface XmlElement {
  /** The name as written, prefix included ("x:sheet"). */
  name: string;
  /** The name without its namespace prefix ("sheet"). */
  localName: string;
  /** The prefix with its colon ("x:"), or "". */
  prefix: string;
  /** The "<" of the start tag. */
  start: number;
  /** Just after the start tag's ">". */
  startTagEnd: number;
  /** The "<" of the end tag; `startTagEnd` for an empty element. */
  endTagStart: number;
  /** Just after the end tag's ">" (after "/>" for an empty element). */
  end: number;
  selfClosing: boolean;
  attributes: XmlAttribute[];
  /** How many elements enclose it (0 for the root). */
  depth: number;
}

/** One change: the text from `start` to `end` becomes `text`. */
export interface XmlSplice {
  start: number;
  end: number;
  text: string;
}

const FRAGMENT_OPEN = "<_>";
const FRAGMENT_CLOSE = "</_>";

/**
 * Every element of the text in document order (a parent before its children). A fragment without an
 * XML declaration (several siblings, as an element's content is) is parsed inside a wrapper of its
 * own, and the offsets are still into `xml`. Text that is not well formed yields the elements before
 * the fault and those the parser recovers after it, as the regular expressions this replaced did.
 */
export function xmlElements(xml: string): XmlElement[] {
  const wrapped = !/^\s*<\?xml[\s?]/.test(xml);
  parsing.text = wrapped ? `${FRAGMENT_OPEN}${xml}${FRAGMENT_CLOSE}` : xml;
  parsing.shift = wrapped ? FRAGMENT_OPEN.length : 0;
  parsing.wrapped = wrapped;
  parsing.elements = [];
  parsing.open = [];
  parsing.attributes = [];
  PARSER.write(parsing.text);
  // Closing resets the parser for the next text (saxes's end() starts afresh).
  PARSER.close();
  const elements = parsing.elements;
  parsing.elements = [];
  parsing.open = [];
  parsing.text = "";
  return elements;
}

/** What the one parser below is reading: parsing is synchronous, so one state serves every call. */
const parsing = {
  text: "",
  /** How far the text's offsets are from the caller's (the fragment wrapper's length). */
  shift: 0,
  wrapped: false,
  elements: [] as XmlElement[],
  open: [] as XmlElement[],
  attributes: [] as XmlAttribute[],
};

/*
 * One parser for every call: making one costs about 15 µs, as much as parsing a start tag, and the
 * worksheet patcher edits a tag a row.
 */
const PARSER = ((): SaxesParser<{ xmlns: false; position: true }> => {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  // Errors are recorded by saxes and parsing goes on; see xmlElements.
  parser.on("error", () => undefined);
  parser.on("opentagstart", () => {
    parsing.attributes = [];
  });
  parser.on("attribute", (attribute: { name: string; value: string }) => {
    const { text, shift } = parsing;
    // Just after the closing quote: the value's raw text runs back to the matching opening quote.
    const after = parser.position;
    const quote = text[after - 1] ?? '"';
    const valueStart = text.lastIndexOf(quote, after - 2);
    let nameEnd = text.lastIndexOf("=", valueStart);
    while (nameEnd > 0 && /\s/.test(text[nameEnd - 1] ?? "")) nameEnd--;
    parsing.attributes.push({
      name: attribute.name,
      value: attribute.value,
      start: nameEnd - attribute.name.length - shift,
      end: after - shift,
    });
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const { text, shift, open, wrapped } = parsing;
    const startTagEnd = parser.position - shift;
    // "<" cannot stand in an attribute value, so the last one before the ">" opens this tag.
    const start = text.lastIndexOf("<", startTagEnd + shift - 1) - shift;
    const colon = tag.name.indexOf(":");
    const element: XmlElement = {
      name: tag.name,
      localName: colon < 0 ? tag.name : tag.name.slice(colon + 1),
      prefix: colon < 0 ? "" : tag.name.slice(0, colon + 1),
      start,
      startTagEnd,
      endTagStart: startTagEnd,
      end: startTagEnd,
      selfClosing: tag.isSelfClosing,
      attributes: parsing.attributes,
      depth: open.length - (wrapped ? 1 : 0),
    };
    if (!(wrapped && open.length === 0)) parsing.elements.push(element);
    open.push(element);
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const element = parsing.open.pop();
    if (!element || tag.isSelfClosing) return;
    const end = parser.position;
    element.endTagStart = parsing.text.lastIndexOf("</", end - 1) - parsing.shift;
    element.end = end - parsing.shift;
  });
  return parser;
})();

/** The elements with this local name, any prefix. */
export function elementsByName(elements: readonly XmlElement[], localName: string): XmlElement[] {
  return elements.filter((e) => e.localName === localName);
}

/** The elements inside `parent` (all depths), in document order. */
export function descendantsOf(elements: readonly XmlElement[], parent: XmlElement): XmlElement[] {
  return elements.filter((e) => e.start >= parent.startTagEnd && e.end <= parent.endTagStart);
}

/** An attribute's value by its name as written ("r:id"), or undefined. */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

/** The element's start tag text. */
export function startTagOf(xml: string, element: XmlElement): string {
  return xml.slice(element.start, element.startTagEnd);
}

/** The element's whole text, start tag to end tag. */
export function textOf(xml: string, element: XmlElement): string {
  return xml.slice(element.start, element.end);
}

/** The element's content: the text between its tags ("" for an empty element). */
export function contentOf(xml: string, element: XmlElement): string {
  return xml.slice(element.startTagEnd, element.endTagStart);
}

/** Applies splices that do not overlap, whatever their order; the rest of the text is untouched. */
export function splice(xml: string, splices: readonly XmlSplice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) throw new RangeError(`overlapping XML edits at ${s.start}`);
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

/** The splice that removes an element, start tag to end tag. */
export function removal(element: XmlElement): XmlSplice {
  return { start: element.start, end: element.end, text: "" };
}

/**
 * The splice that sets one attribute of an element: its value replaced where it stands (so the
 * other attributes keep their order), or added at the end of the start tag.
 */
export function settingAttribute(xml: string, element: XmlElement, name: string, value: string): XmlSplice {
  const text = `${name}="${escapeXml(value)}"`;
  const existing = element.attributes.find((a) => a.name === name);
  if (existing) return { start: existing.start, end: existing.end, text };
  const close = element.selfClosing ? element.startTagEnd - 2 : element.startTagEnd - 1;
  // After the last attribute (or the name), keeping any space the writer left before ">" or "/>".
  const last = element.attributes[element.attributes.length - 1];
  const at = last ? last.end : element.start + 1 + element.name.length;
  return at <= close
    ? { start: at, end: at, text: ` ${text}` }
    : { start: close, end: close, text: ` ${text}` };
}

/** The splice that removes one attribute with the space before it; nothing when it is absent. */
export function removingAttribute(xml: string, element: XmlElement, name: string): XmlSplice[] {
  const existing = element.attributes.find((a) => a.name === name);
  if (!existing) return [];
  let start = existing.start;
  while (start > element.start && /\s/.test(xml[start - 1] ?? "")) start--;
  return [{ start, end: existing.end, text: "" }];
}

/**
 * The splice that makes `content` the last child of an element, opening an empty element
 * (`<x/>` becomes `<x>content</x>`).
 */
export function appendingChild(xml: string, element: XmlElement, content: string): XmlSplice {
  if (!element.selfClosing) return { start: element.endTagStart, end: element.endTagStart, text: content };
  let tagEnd = element.startTagEnd - 2;
  while (tagEnd > element.start && /\s/.test(xml[tagEnd - 1] ?? "")) tagEnd--;
  return {
    start: tagEnd,
    end: element.startTagEnd,
    text: `>${content}</${element.name}>`,
  };
}

/*
 * The tag-at-a-time helpers the package code is written with, now on the parser: a start tag or an
 * element is still passed around as its text, and edited by the positions the parser gives.
 */

/**
 * One start tag's text as an element: the text the package code passes around, sometimes without
 * its ">" (`<xf numFmtId="0"`, cut before "/>" or ">" to be extended), which is closed to be parsed.
 */
function startTag(tag: string): { element: XmlElement | undefined; closed: string } {
  const closed = tag.endsWith(">") ? tag : `${tag}>`;
  return { element: lexStartTag(closed), closed };
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * The first start tag of a text, read by hand: a start tag holds no comments, CDATA or nested
 * markup, only a name and quoted attributes, so this is exact where the text is a tag, and fifty
 * times faster than a parser per tag (the worksheet patcher edits a tag a row). Undefined when the
 * text does not start with a well-formed start tag.
 */
function lexStartTag(text: string): XmlElement | undefined {
  if (text[0] !== "<") return undefined;
  let i = 1;
  while (i < text.length && !isSpace(text[i]) && text[i] !== "/" && text[i] !== ">") i++;
  const name = text.slice(1, i);
  if (name === "") return undefined;
  const attributes: XmlAttribute[] = [];
  for (;;) {
    while (isSpace(text[i])) i++;
    if (text[i] === ">" || (text[i] === "/" && text[i + 1] === ">")) break;
    const start = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== "=" && text[i] !== ">") i++;
    const attribute = text.slice(start, i);
    while (isSpace(text[i])) i++;
    if (text[i] !== "=" || attribute === "") return undefined;
    i++;
    while (isSpace(text[i])) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    attributes.push({ name: attribute, value: unescapeXml(text.slice(i + 1, close)), start, end: close + 1 });
    i = close + 1;
  }
  const selfClosing = text[i] === "/";
  const startTagEnd = i + (selfClosing ? 2 : 1);
  const colon = name.indexOf(":");
  return {
    name,
    localName: colon < 0 ? name : name.slice(colon + 1),
    prefix: colon < 0 ? "" : name.slice(0, colon + 1),
    start: 0,
    startTagEnd,
    endTagStart: startTagEnd,
    end: startTagEnd,
    selfClosing,
    attributes,
    depth: 0,
  };
}

/** Edits a start tag's text with splices, keeping it as open as it came. */
function editTag(tag: string, edit: (closed: string, element: XmlElement) => XmlSplice[]): string {
  const { element, closed } = startTag(tag);
  if (!element) return tag;
  const edited = splice(closed, edit(closed, element));
  return closed === tag ? edited : edited.slice(0, -1);
}

/** The attributes of one start tag's text (`<sheet name="A" r:id="rId3"/>`), entities decoded. */
export function attributesOf(tag: string): Map<string, string> {
  return new Map((startTag(tag).element?.attributes ?? []).map((a) => [a.name, a.value]));
}

/** Every start (or empty) tag of one element name, any namespace prefix: `<x:name .../>`. */
export function tagsNamed(xml: string, localName: string): string[] {
  return elementsByName(xmlElements(xml), localName).map((e) => startTagOf(xml, e));
}

/** Every whole element of one name, start tag to end tag (or the empty tag), any namespace prefix. */
export function elementsNamed(xml: string, localName: string): { text: string; index: number }[] {
  return elementsByName(xmlElements(xml), localName).map((e) => ({ text: textOf(xml, e), index: e.start }));
}

/** Sets (or replaces, where it stands) one attribute of a start tag's text. */
export function withAttribute(tag: string, name: string, value: string): string {
  return editTag(tag, (closed, element) => [settingAttribute(closed, element, name, value)]);
}

/** Removes one attribute from a start tag's text. */
export function withoutAttribute(tag: string, name: string): string {
  return editTag(tag, (closed, element) => removingAttribute(closed, element, name));
}

/** `content` inserted as the last child of the first `localName` element, opening an empty one if need be. */
export function insertBeforeClosing(xml: string, localName: string, content: string): string {
  const [element] = elementsByName(xmlElements(xml), localName);
  return element ? splice(xml, [appendingChild(xml, element, content)]) : xml;
}
