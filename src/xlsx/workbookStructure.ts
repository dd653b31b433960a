import {
  CONTENT_TYPES,
  RELATIONSHIP_TYPES,
  XlsxPackage,
  resolveTarget,
  type Relationship,
} from "./XlsxPackage";
import {
  appendingChild,
  attributeValue,
  attributesOf,
  descendantsOf,
  elementsByName,
  elementsNamed,
  removal,
  removingAttribute,
  settingAttribute,
  splice,
  tagsNamed,
  textOf,
  withAttribute,
  withoutAttribute,
  xmlElements,
  type XmlElement,
} from "./xmlElements";
import { escapeElementText, escapeXml } from "./xmlText";

/*
 * The workbook part (xl/workbook.xml): which sheets there are, in tab order, where each one's part
 * is, and the defined names that point at them. The part is rewritten only where the sheet list
 * changed; every other element (calculation settings, protection, views, pivot caches) stays as it was.
 */

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  relationshipId: string;
  /** The sheet's part; undefined when its relationship is missing or points outside the package. */
  path: string | undefined;
  kind: "worksheet" | "chartsheet" | "other";
  /** Its position in the loaded file's tab order, or undefined for a sheet added since. */
  loadedIndex: number | undefined;
  /** The `<sheet>` tag as loaded, kept byte for byte while nothing about the sheet changes. */
  tag: string | undefined;
}

/** Spreadsheet names Excel gives a sheet's print titles, print area and filter range. */
const PRINT_TITLES = "_xlnm.Print_Titles";
const SHEET_BUILT_IN_NAMES = new Set(["_xlnm.print_titles", "_xlnm.print_area", "_xlnm._filterdatabase"]);

/** CT_Workbook's children after definedNames (ECMA-376 part 1, 18.2.27): a new definedNames goes before them. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class WorkbookStructure {
  /** Sheets in tab order, as they will be saved. */
  readonly sheets: SheetEntry[];
  /** Print titles for sheets written since loading ("$3:$3"), by sheet; null for none. */
  private readonly printTitles = new Map<SheetEntry, string | null>();
  private changed = false;

  private constructor(
    readonly path: string,
    /** The part as loaded: every save rewrites it from this, so saving twice gives the same part. */
    private readonly loadedXml: string,
    /** Dates count from 1904 (old Mac workbooks): serial 0 is 01/01/1904, not 00/01/1900. */
    readonly date1904: boolean,
    sheets: SheetEntry[],
  ) {
    this.sheets = sheets;
  }

  static read(pkg: XlsxPackage): WorkbookStructure {
    const path = workbookPartOf(pkg);
    const xml = pkg.text(path);
    if (xml === undefined) throw new Error("the package has no workbook part");
    const rels = new Map<string, Relationship>(pkg.relationships(path).map((r) => [r.id, r]));
    const properties = attributesOf(tagsNamed(xml, "workbookPr")[0] ?? "");
    const date1904 = ["1", "true"].includes(properties.get("date1904") ?? "");
    const sheetsElement = elementsNamed(xml, "sheets")[0]?.text ?? "";
    const sheets = tagsNamed(sheetsElement, "sheet").map((tag, index): SheetEntry => {
      const a = attributesOf(tag);
      const relationshipId = relationshipIdOf(a);
      const rel = rels.get(relationshipId);
      const kind =
        rel?.type === RELATIONSHIP_TYPES.worksheet
          ? "worksheet"
          : rel?.type === RELATIONSHIP_TYPES.chartsheet
            ? "chartsheet"
            : "other";
      const state = a.get("state");
      return {
        name: a.get("name") ?? "",
        sheetId: Number(a.get("sheetId") ?? 0),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        relationshipId,
        path: rel && !rel.external ? resolveTarget(path, rel.target) : undefined,
        kind,
        loadedIndex: index,
        tag,
      };
    });
    return new WorkbookStructure(path, xml, date1904, sheets);
  }

  /** The worksheets (not chart sheets, macro sheets or dialog sheets), in tab order. */
  worksheets(): SheetEntry[] {
    return this.sheets.filter((s) => s.kind === "worksheet" && s.path !== undefined);
  }

  /** A worksheet by name, whatever its case, as Excel finds sheets. */
  find(name: string): SheetEntry | undefined {
    const wanted = lower(name);
    return this.worksheets().find((s) => lower(s.name) === wanted);
  }

  /** Any sheet by name (a chart sheet too): two tabs may not share a name, whatever their kinds. */
  findAny(name: string): SheetEntry | undefined {
    const wanted = lower(name);
    return this.sheets.find((s) => lower(s.name) === wanted);
  }

  /** A new worksheet at the end of the tabs, related from the workbook, with a part name of its own. */
  addWorksheet(pkg: XlsxPackage, name: string, state: SheetState): SheetEntry {
    const path = pkg.freshPartName("xl/worksheets/sheet1.xml");
    const relationshipId = pkg.addRelationship(this.path, RELATIONSHIP_TYPES.worksheet, path);
    pkg.setContentType(path, CONTENT_TYPES.worksheet);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const entry: SheetEntry = {
      name,
      sheetId,
      state,
      relationshipId,
      path,
      kind: "worksheet",
      loadedIndex: undefined,
      tag: undefined,
    };
    this.sheets.push(entry);
    this.changed = true;
    return entry;
  }

  setState(entry: SheetEntry, state: SheetState): void {
    if (entry.state === state) return;
    entry.state = state;
    if (entry.tag !== undefined)
      entry.tag =
        state === "visible" ? withoutAttribute(entry.tag, "state") : withAttribute(entry.tag, "state", state);
    this.changed = true;
  }

  /** The rows a written sheet repeats at the top of each printed page ("3:3"), or none. */
  setPrintTitles(entry: SheetEntry, rows: { first: number; last: number } | undefined): void {
    this.printTitles.set(entry, rows ? `$${rows.first}:$${rows.last}` : null);
    this.changed = true;
  }

  /** Writes the workbook part back when the sheet list, a sheet's state or a print title changed. */
  save(pkg: XlsxPackage): void {
    if (!this.changed) return;
    let out = withRelationshipsNamespace(this.loadedXml);
    const r = relationshipsPrefix(out);
    const [sheets] = elementsByName(xmlElements(out), "sheets");
    if (sheets) {
      const body = this.sheets.map((s) => s.tag ?? sheetTag(s, sheets.prefix, r)).join("");
      out = splice(out, [
        sheets.selfClosing
          ? appendingChild(out, sheets, body)
          : { start: sheets.startTagEnd, end: sheets.endTagStart, text: body },
      ]);
    }
    out = this.withDefinedNames(out);
    out = this.withActiveTab(out);
    pkg.write(this.path, out);
    forgetSheetTitles(pkg);
  }

  /**
   * Names local to a sheet hold its position (localSheetId), so each keeps its sheet's position
   * as written, and a written sheet's print titles are its model's.
   */
  private withDefinedNames(xml: string): string {
    const positions = new Map<number, number>();
    this.sheets.forEach((s, i) => {
      if (s.loadedIndex !== undefined) positions.set(s.loadedIndex, i);
    });
    const rewritten = new Set(this.printTitles.keys());
    const rewrittenLoaded = new Set(
      [...rewritten].flatMap((s) => (s.loadedIndex === undefined ? [] : [s.loadedIndex])),
    );
    const elements = xmlElements(xml);
    const [existing] = elementsByName(elements, "definedNames");
    const prefix = existing?.prefix ?? "";
    const kept = existing
      ? elementsByName(descendantsOf(elements, existing), "definedName").flatMap((name) => {
          const text = textOf(xml, name);
          const local = attributeValue(name, "localSheetId");
          if (local === undefined) return [text];
          const loaded = Number(local);
          const now = positions.get(loaded);
          if (now === undefined) return [];
          if (
            rewrittenLoaded.has(loaded) &&
            SHEET_BUILT_IN_NAMES.has(lower(attributeValue(name, "name") ?? ""))
          )
            return [];
          return [now === loaded ? text : withAttribute(text, "localSheetId", String(now))];
        })
      : [];
    const added = [...this.printTitles].flatMap(([sheet, rows]) => {
      const at = this.sheets.indexOf(sheet);
      if (rows === null || at < 0) return [];
      const reference = `'${sheet.name.replace(/'/g, "''")}'!${rows}`;
      return [
        `<${prefix}definedName name="${PRINT_TITLES}" localSheetId="${at}">${escapeElementText(reference)}</${prefix}definedName>`,
      ];
    });
    const names = [...kept, ...added];
    const element =
      names.length === 0 ? "" : `<${prefix}definedNames>${names.join("")}</${prefix}definedNames>`;
    if (existing) return splice(xml, [{ start: existing.start, end: existing.end, text: element }]);
    if (element === "") return xml;
    const root = elements.find((e) => e.depth === 0);
    const at = firstChildNamed(elements, AFTER_DEFINED_NAMES) ?? root?.endTagStart;
    return at === undefined ? xml : splice(xml, [{ start: at, end: at, text: element }]);
  }

  /** The active tab follows its sheet, and is never a hidden one (Excel would show it anyway). */
  private withActiveTab(xml: string): string {
    const [view] = elementsByName(xmlElements(xml), "workbookView");
    if (!view) return xml;
    const loaded = Number(attributeValue(view, "activeTab") ?? 0);
    let active = this.sheets.findIndex((s) => s.loadedIndex === loaded);
    if (active < 0 || this.sheets[active]?.state !== "visible") {
      active = Math.max(
        0,
        this.sheets.findIndex((s) => s.state === "visible"),
      );
    }
    const edits =
      active === 0
        ? removingAttribute(xml, view, "activeTab")
        : [settingAttribute(xml, view, "activeTab", String(active))];
    // firstSheet is the first tab shown in the tab bar: the active one is always in view from there.
    if (Number(attributeValue(view, "firstSheet") ?? 0) > active)
      edits.push(...removingAttribute(xml, view, "firstSheet"));
    return splice(xml, edits);
  }
}

/** The workbook part: the target of the package's officeDocument relationship (xl/workbook.xml). */
export function workbookPartOf(pkg: XlsxPackage): string {
  const rel = pkg.relationships("").find((r) => r.type === RELATIONSHIP_TYPES.officeDocument);
  return rel === undefined ? "xl/workbook.xml" : resolveTarget("", rel.target);
}

function relationshipIdOf(attributes: Map<string, string>): string {
  for (const [name, value] of attributes) if (name === "id" || name.endsWith(":id")) return value;
  return "";
}

function sheetTag(sheet: SheetEntry, prefix: string, r: string): string {
  const state = sheet.state === "visible" ? "" : ` state="${sheet.state}"`;
  return `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${sheet.sheetId}"${state} ${r}:id="${escapeXml(sheet.relationshipId)}"/>`;
}

/** The prefix the workbook part binds to the relationships namespace (Excel's "r"). */
function relationshipsPrefix(xml: string): string {
  const root = xmlElements(xml).find((e) => e.depth === 0);
  for (const { name, value } of root?.attributes ?? []) {
    if (name.startsWith("xmlns:") && value === RELATIONSHIPS_NAMESPACE) return name.slice("xmlns:".length);
  }
  return "r";
}

function withRelationshipsNamespace(xml: string): string {
  const root = xmlElements(xml).find((e) => e.depth === 0);
  if (!root || root.attributes.some((a) => a.value === RELATIONSHIPS_NAMESPACE)) return xml;
  return splice(xml, [settingAttribute(xml, root, "xmlns:r", RELATIONSHIPS_NAMESPACE)]);
}

/** Where the first child of the root named one of `names` starts. */
function firstChildNamed(elements: readonly XmlElement[], names: readonly string[]): number | undefined {
  return elements.find((e) => e.depth === 1 && names.includes(e.localName))?.start;
}

/**
 * docProps/app.xml lists the sheet names ("TitlesOfParts") and counts them per kind in the
 * application's language ("HeadingPairs": Worksheets, Arbeitsblätter...). Both are optional and only
 * informational; a list that no longer matches the tabs is worse than none, so they are dropped.
 */
function forgetSheetTitles(pkg: XlsxPackage): void {
  const path = pkg
    .relationships("")
    .find((r) => r.type === RELATIONSHIP_TYPES.extendedProperties && !r.external);
  if (!path) return;
  const part = resolveTarget("", path.target);
  const xml = pkg.text(part);
  if (xml === undefined) return;
  const dropped = xmlElements(xml).filter(
    (e) => e.localName === "HeadingPairs" || e.localName === "TitlesOfParts",
  );
  if (dropped.length > 0) pkg.write(part, splice(xml, dropped.map(removal)));
}

function lower(name: string): string {
  return name.toLocaleLowerCase("en-GB");
}
