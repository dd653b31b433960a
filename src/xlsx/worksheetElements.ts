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
  const later = AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf(name) + 1);
  const at = firstTopLevelElement(tail, 0, later) ?? closingOfRoot(tail, 0) ?? tail.length;
  return tail.slice(0, at) + element + tail.slice(at);
}

/** `<drawing r:id="…"/>` before the first worksheet element the schema puts after it. */
export function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const element = `<drawing r:id="${relationshipId}"/>`;
  const from = afterSheetData(sheetXml);
  const later = AFTER_SHEET_DATA.slice(AFTER_SHEET_DATA.indexOf("drawing") + 1);
  const at = firstTopLevelElement(sheetXml, from, later) ?? closingOfRoot(sheetXml, from) ?? sheetXml.length;
  return withRelationshipNamespace(sheetXml.slice(0, at) + element + sheetXml.slice(at));
}

/** Where the worksheet's cells end: nothing the add-in inserts can precede them. */
function afterSheetData(sheetXml: string): number {
  const end = /<\/(?:[\w.-]+:)?sheetData\s*>/.exec(sheetXml);
  if (end) return end.index + end[0].length;
  const empty = /<(?:[\w.-]+:)?sheetData\s*\/>/.exec(sheetXml);
  return empty ? empty.index + empty[0].length : 0;
}

const TAG = /<(\/?)([\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Where the first child of <worksheet> named one of `names` starts, scanning from `from` (a point
 * between the root's children). Only children count: rules of a conditional format hold their own
 * <extLst>.
 */
function firstTopLevelElement(xml: string, from: number, names: readonly string[]): number | undefined {
  const tag = new RegExp(TAG.source, "g");
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, closing, , name, selfClosing] = m;
    if (closing) {
      depth -= 1;
      if (depth < 0) return undefined; // </worksheet>
      continue;
    }
    if (depth === 0 && names.includes(name ?? "")) return m.index;
    if (!selfClosing) depth += 1;
  }
  return undefined;
}

/** Where </worksheet> starts. */
function closingOfRoot(xml: string, from: number): number | undefined {
  const tag = new RegExp(TAG.source, "g");
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const [, closing, , , selfClosing] = m;
    if (closing) {
      depth -= 1;
      if (depth < 0) return m.index;
    } else if (!selfClosing) depth += 1;
  }
  return undefined;
}

/** A worksheet written without the relationships namespace gets it, so r:id is bound. */
export function withRelationshipNamespace(sheetXml: string): string {
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(sheetXml);
  if (!root || /\sxmlns:r\s*=/.test(root[0])) return sheetXml;
  const withNamespace = root[0].replace(
    /^<((?:[\w.-]+:)?worksheet)\b/,
    `<$1 xmlns:r="${RELATIONSHIPS_NAMESPACE}"`,
  );
  return sheetXml.slice(0, root.index) + withNamespace + sheetXml.slice(root.index + root[0].length);
}
