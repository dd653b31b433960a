import { xmlElements } from "./xmlElements";

/*
 * Where an element goes in a worksheet part. CT_Worksheet (ECMA-376 part 1, 18.3.1.99) is a
 * sequence: Excel refuses a file whose worksheet children are out of order, so an element the
 * add-in adds (a drawing, a note's legacy drawing, a conditional format) goes before the first child
 * the schema puts after it.
 */

/** The children of <worksheet> after <sheetData>, in the schema's order. */
const AFTER_SHEET_DATA = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type TailElement = (typeof AFTER_SHEET_DATA)[number];

const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * Inserts `element` into the part of a worksheet after its cells (`tail` starts right after
 * </sheetData>), after any elements of its own kind and before the first the schema puts after it.
 */
export function insertIntoTail(tail: string, name: TailElement, element: string): string {
  const at = placeInTail(tail, name);
  return tail.slice(0, at) + element + tail.slice(at);
}

/** `<drawing r:id="…"/>` before the first worksheet element the schema puts after it. */
export function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const element = `<drawing r:id="${relationshipId}"/>`;
  const from = afterSheetData(sheetXml);
  const at = from + placeInTail(sheetXml.slice(from), "drawing");
  return withRelationshipNamespace(sheetXml.slice(0, at) + element + sheetXml.slice(at));
}

/**
 * Where the worksheet's cells end: nothing the add-in inserts can precede them. Found by text, as a
 * sheet's cells can be a hundred megabytes; cell text cannot hold a "<", so only a comment could
 * fool it.
 */
function afterSheetData(sheetXml: string): number {
  const end = /<\/(?:[\w.-]+:)?sheetData\s*>/.exec(sheetXml);
  if (end) return end.index + end[0].length;
  const empty = /<(?:[\w.-]+:)?sheetData\s*\/>/.exec(sheetXml);
  return empty ? empty.index + empty[0].length : 0;
}

/**
 * Where in a worksheet's tail an element of kind `name` goes: before the first of the worksheet's
 * own children (not a conditional format rule's <extLst>) that the schema puts after it, else
 * before </worksheet>. The tail is read by the parser, so a comment is not taken for an element.
 */
function placeInTail(tail: string, name: TailElement): number {
  const later: readonly string[] = AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(name) + 1);
  const children = xmlElements(tail).filter((e) => e.depth === 0);
  const first = children.find((e) => later.includes(e.localName));
  if (first) return first.start;
  const closing = tail.indexOf("</", children[children.length - 1]?.end ?? 0);
  return closing < 0 ? tail.length : closing;
}

/** A worksheet written without the relationships namespace gets it, so r:id is bound. */
export function withRelationshipNamespace(sheetXml: string): string {
  // Only what comes before the cells is parsed: they can be a hundred megabytes.
  const cells = sheetXml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const root = xmlElements(cells < 0 ? sheetXml : sheetXml.slice(0, cells)).find((e) => e.depth === 0);
  if (!root || root.attributes.some((a) => a.name === "xmlns:r")) return sheetXml;
  const at = root.start + 1 + root.name.length;
  return `${sheetXml.slice(0, at)} xmlns:r="${RELATIONSHIPS_NAMESPACE}"${sheetXml.slice(at)}`;
}
