import { posix } from "node:path";
import {
  XlsxPackage,
  attributesOf,
  escapeXml,
  relsPathOf,
  resolveTarget,
  tagsNamed,
} from "./nativeChartsPackage";

/*
 * exceljs reads a macro-enabled workbook (.xlsm) but writes an ordinary .xlsx: the VBA project, its
 * signature, the ribbon customisations and the code names the modules are bound by are all dropped.
 * This puts them back into the bytes exceljs wrote, copied from the original package unchanged.
 */

export const MACRO_RELATIONSHIP_TYPES = {
  /** Workbook → xl/vbaProject.bin, the VBA project as one binary part ([MS-OFFMACRO2], [MS-OVBA]). */
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  /** Package → customUI/customUI.xml, the Office 2007 ribbon ([MS-CUSTOMUI]). */
  ribbon2006: "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",
  /** Package → customUI/customUI14.xml, the Office 2010 ribbon and Backstage ([MS-CUSTOMUI2]). */
  ribbon2007: "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

/**
 * What Excel checks before it opens a file: an .xlsm's workbook part must have this content type,
 * and an .xlsx's must not, or Excel says the "file format or extension is not valid".
 */
export const MACRO_ENABLED_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
export const VBA_PROJECT_CONTENT_TYPE = "application/vnd.ms-office.vbaProject";

/**
 * Workbook relationships to parts exceljs drops and this module does not rebuild: Excel 4 macro
 * sheets and Excel 5 dialog sheets are sheets of their own, not part of the VBA project.
 */
const UNKEPT_SHEETS: Readonly<Record<string, string>> = {
  "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet": "Excel 4 macro sheet",
  "http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet": "Excel 4 macro sheet",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet": "dialog sheet",
};

/** Sheet relationships to form-control buttons and ActiveX controls, which exceljs drops. */
const CONTROL_TYPES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/control",
]);

export interface MacroCarryOverResult {
  bytes: Buffer;
  /** The parts copied from the original (xl/vbaProject.bin first), empty when it held no macros. */
  carried: string[];
  /** What the copy could not keep, as sentences for the user. */
  lost: string[];
}

/**
 * Copies the original's VBA project (xl/vbaProject.bin, everything its own relationships point to,
 * such as xl/vbaProjectSignature.bin) and ribbon parts into `saved`, relates them as the original
 * did, marks the workbook part macro-enabled and restores the workbook's and each sheet's codeName
 * (VBA finds the module of a sheet by its code name, so a sheet without one loses its event code).
 * Returns `saved` unchanged when the original holds no VBA project.
 */
export async function carryOverMacros(
  original: Uint8Array,
  saved: Uint8Array,
): Promise<MacroCarryOverResult> {
  const from = await XlsxPackage.load(original);
  const fromWorkbook = await workbookPartOf(from);
  const fromRelationships = await from.relationships(fromWorkbook);
  const vba = fromRelationships.find((r) => r.type === MACRO_RELATIONSHIP_TYPES.vbaProject && !r.external);
  const vbaPath = vba === undefined ? undefined : resolveTarget(fromWorkbook, vba.target);
  if (vbaPath === undefined || !from.has(vbaPath))
    return { bytes: Buffer.from(saved), carried: [], lost: [] };

  const to = await XlsxPackage.load(saved);
  const toWorkbook = await workbookPartOf(to);
  const carried: string[] = [];
  await copyWithRelated(from, to, vbaPath, carried);
  // Relate it once, even to bytes that already went through here (exceljs never writes it).
  const related = (await to.relationships(toWorkbook)).some(
    (r) => r.type === MACRO_RELATIONSHIP_TYPES.vbaProject && resolveTarget(toWorkbook, r.target) === vbaPath,
  );
  if (!related) await to.addRelationship(toWorkbook, MACRO_RELATIONSHIP_TYPES.vbaProject, vbaPath);
  await to.setContentType(toWorkbook, MACRO_ENABLED_WORKBOOK);

  for (const rel of await from.relationships("")) {
    if (rel.external) continue;
    if (rel.type !== MACRO_RELATIONSHIP_TYPES.ribbon2006 && rel.type !== MACRO_RELATIONSHIP_TYPES.ribbon2007)
      continue;
    const path = resolveTarget("", rel.target);
    if (!from.has(path)) continue;
    await copyWithRelated(from, to, path, carried);
    const ribbonRelated = (await to.relationships("")).some(
      (r) => r.type === rel.type && resolveTarget("", r.target) === path,
    );
    if (!ribbonRelated) await to.addRelationship("", rel.type, path);
  }

  await restoreCodeNames(from, fromWorkbook, to, toWorkbook);
  const lost = await unkeptMacroParts(from, fromRelationships);
  return { bytes: await to.toBuffer(), carried, lost };
}

/** The workbook part: the target of the package's officeDocument relationship (xl/workbook.xml). */
async function workbookPartOf(pkg: XlsxPackage): Promise<string> {
  const rel = (await pkg.relationships("")).find((r) => r.type === MACRO_RELATIONSHIP_TYPES.officeDocument);
  return rel === undefined ? "xl/workbook.xml" : resolveTarget("", rel.target);
}

/**
 * Copies a part under its own name, with its relationships verbatim (the targets are relative to a
 * part that keeps its name, so they still resolve) and every part they point to, depth first.
 */
async function copyWithRelated(
  from: XlsxPackage,
  to: XlsxPackage,
  path: string,
  copied: string[],
): Promise<void> {
  if (copied.includes(path)) return;
  copied.push(path);
  to.write(path, (await from.bytes(path)) ?? new Uint8Array());
  await copyContentType(from, to, path);
  const rels = await from.text(relsPathOf(path));
  if (rels === undefined) return;
  to.write(relsPathOf(path), rels);
  for (const rel of await from.relationships(path)) {
    const target = resolveTarget(path, rel.target);
    if (!rel.external && from.has(target)) await copyWithRelated(from, to, target, copied);
  }
}

/**
 * Gives the copied part the content type it had. The original's Default for the extension (bin →
 * vbaProject, as Excel writes it) is added when the saved file has none; a part whose extension the
 * saved file already maps to something else gets an Override instead.
 */
async function copyContentType(from: XlsxPackage, to: XlsxPackage, path: string): Promise<void> {
  const wanted = await from.contentTypeOf(path);
  if (wanted === undefined || (await to.contentTypeOf(path)) === wanted) return;
  const extension = posix.extname(path).slice(1).toLowerCase();
  const fromTypes = (await from.text("[Content_Types].xml")) ?? "";
  const toTypes = (await to.text("[Content_Types].xml")) ?? "";
  const defaultOf = (xml: string): string | undefined =>
    tagsNamed(xml, "Default")
      .map(attributesOf)
      .find((a) => (a.get("Extension") ?? "").toLowerCase() === extension)
      ?.get("ContentType");
  if (extension !== "" && defaultOf(fromTypes) === wanted && defaultOf(toTypes) === undefined) {
    const element = `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(wanted)}"/>`;
    const at = toTypes.lastIndexOf("</Types>");
    if (at >= 0) {
      to.write("[Content_Types].xml", toTypes.slice(0, at) + element + toTypes.slice(at));
      if ((await to.contentTypeOf(path)) === wanted) return;
    }
  }
  await to.setContentType(path, wanted);
}

/**
 * Puts back the code names exceljs drops: `<workbookPr codeName="ThisWorkbook"/>` and each sheet's
 * `<sheetPr codeName="Sheet1"/>`, matched by sheet name (the add-in never renames a sheet). A sheet
 * the add-in added has none in the original, and Excel gives it one when it opens the file.
 */
async function restoreCodeNames(
  from: XlsxPackage,
  fromWorkbook: string,
  to: XlsxPackage,
  toWorkbook: string,
): Promise<void> {
  const fromXml = (await from.text(fromWorkbook)) ?? "";
  const workbookCodeName = codeNameIn(tagsNamed(fromXml, "workbookPr")[0]);
  if (workbookCodeName !== undefined) {
    const toXml = (await to.text(toWorkbook)) ?? "";
    to.write(toWorkbook, withWorkbookCodeName(toXml, workbookCodeName));
  }
  const toSheets = await to.worksheetPaths();
  for (const [name, fromPath] of await from.worksheetPaths()) {
    const toPath = toSheets.get(name);
    if (toPath === undefined) continue;
    const head = sheetHead((await from.text(fromPath)) ?? "");
    const codeName = codeNameIn(tagsNamed(head, "sheetPr")[0]);
    if (codeName === undefined) continue;
    const toXml = (await to.text(toPath)) ?? "";
    to.write(toPath, withSheetCodeName(toXml, codeName));
  }
}

function codeNameIn(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : attributesOf(tag).get("codeName");
}

/** The start of a worksheet, before its cells: <sheetPr> is the root's first child. */
function sheetHead(sheetXml: string): string {
  const at = sheetXml.search(/<(?:[\w.-]+:)?(?:dimension|sheetViews|sheetFormatPr|cols|sheetData)\b/);
  return at < 0 ? sheetXml : sheetXml.slice(0, at);
}

/** Sets codeName on a start tag, replacing any it has. */
function withCodeName(tag: string, codeName: string): string {
  const attribute = ` codeName="${escapeXml(codeName)}"`;
  const without = tag.replace(/\scodeName\s*=\s*("[^"]*"|'[^']*')/, "");
  return without.replace(/^(<[\w.:-]+)/, `$1${attribute}`);
}

/**
 * <workbookPr> gets the code name; a workbook without one gets the element where CT_Workbook
 * (ECMA-376 part 1, 18.2.27) puts it: after fileVersion and fileSharing, before everything else.
 */
export function withWorkbookCodeName(workbookXml: string, codeName: string): string {
  const existing = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  if (existing) {
    return (
      workbookXml.slice(0, existing.index) +
      withCodeName(existing[0], codeName) +
      workbookXml.slice(existing.index + existing[0].length)
    );
  }
  const element = `<workbookPr codeName="${escapeXml(codeName)}"/>`;
  const before = /<(?:[\w.-]+:)?(?:workbookProtection|bookViews|sheets)\b/.exec(workbookXml);
  if (!before) return workbookXml;
  return workbookXml.slice(0, before.index) + element + workbookXml.slice(before.index);
}

/** <sheetPr> gets the code name; a sheet without one gets it as the root's first child (18.3.1.99). */
export function withSheetCodeName(sheetXml: string, codeName: string): string {
  const head = sheetHead(sheetXml);
  const existing = /<(?:[\w.-]+:)?sheetPr\b[^>]*>/.exec(head);
  if (existing) {
    return (
      sheetXml.slice(0, existing.index) +
      withCodeName(existing[0], codeName) +
      sheetXml.slice(existing.index + existing[0].length)
    );
  }
  const root = /<(?:[\w.-]+:)?worksheet\b[^>]*>/.exec(head);
  if (!root || root[0].endsWith("/>")) return sheetXml;
  const at = root.index + root[0].length;
  return `${sheetXml.slice(0, at)}<sheetPr codeName="${escapeXml(codeName)}"/>${sheetXml.slice(at)}`;
}

/** Macro-bound parts of the original this module does not rebuild, as sentences for the user. */
async function unkeptMacroParts(from: XlsxPackage, fromRelationships: { type: string }[]): Promise<string[]> {
  const lost: string[] = [];
  const kinds = new Set(fromRelationships.flatMap((r) => UNKEPT_SHEETS[r.type] ?? []));
  for (const kind of kinds)
    lost.push(`the workbook's ${kind}s could not be copied: they are not in the copy`);
  const withControls: string[] = [];
  for (const [name, path] of await from.worksheetPaths()) {
    if ((await from.relationships(path)).some((r) => CONTROL_TYPES.has(r.type))) withControls.push(name);
  }
  for (const name of withControls) {
    lost.push(
      `the buttons and controls on “${name}” could not be copied: the macros are kept, run them from Developer > Macros`,
    );
  }
  return lost;
}
