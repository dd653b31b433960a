import type { CellStyle } from "../engine/port/SheetModel";
import {
  appendingChild,
  attributesOf,
  descendantsOf,
  elementsByName,
  removal,
  settingAttribute,
  splice,
  textOf,
  withAttribute,
  xmlElements,
  type XmlSplice,
} from "./xmlElements";
import { escapeXml } from "./xmlText";

/*
 * The workbook's styles part (xl/styles.xml). A cell points at a cell format (an <xf> of cellXfs) by
 * index, and the format at a number format, a font, a fill and a border by index. Reading needs only
 * which formats show dates; writing appends the formats the add-in's cells need after the workbook's
 * own, so every index a user's cell holds stays valid, and reuses an identical one when there is one.
 */

/** The number format of every date the add-in writes: UK order, whatever the machine's locale. */
export const UK_DATE_FORMAT = "dd/mm/yyyy";

/**
 * Excel's built-in number formats (ECMA-376 part 1, 18.8.30), as exceljs knows them: a cell format
 * may use one by id without listing it. The locale-dependent ids (27-36, 50-81) are left out, as
 * exceljs leaves them out, so a cell is read as a date exactly when exceljs read it as one.
 */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, 'm/d/yy "h":mm'],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00 ;(#,##0.00)"],
  [40, "#,##0.00 ;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** Custom number formats are numbered from 164 up; lower ids are Excel's own. */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * Whether a number format shows a date (or time): any of y, m, d, h, s outside quoted text and
 * [colour]/[locale] brackets. This is exceljs's rule (utils.isDateFmt), kept so a cell reads as the
 * same value it did when the command line read files through exceljs.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** One collection of the part (fonts, fills...): the elements loaded, then the ones appended. */
interface Collection {
  name: string;
  /** The element names of its items: xf, font, numFmt... */
  item: string;
  loaded: string[];
  added: string[];
  /** Item XML → index, over loaded and added items, for reuse. */
  index: Map<string, number>;
}

/** The collections in the order CT_Stylesheet (18.8.39) wants them. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export class StyleSheet {
  private readonly collections = new Map<string, Collection>();
  private readonly formats = new Map<number, string>();
  private readonly formatIds = new Map<string, number>();
  private readonly dateStyles: boolean[];
  private readonly cellStyles = new Map<string, number>();
  /** The workbook's default font's size, name and family: the base of every font the add-in adds. */
  private readonly baseFont: string;

  private constructor(
    private readonly xml: string,
    private readonly prefix: string,
  ) {
    const elements = xmlElements(xml);
    for (const [name, item] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ] as const) {
      const [section] = elementsByName(elements, name);
      const loaded = section
        ? descendantsOf(elements, section)
            .filter((e) => e.depth === section.depth + 1 && e.localName === item)
            .map((e) => textOf(xml, e))
        : [];
      const index = new Map<string, number>();
      loaded.forEach((text, i) => {
        if (!index.has(text)) index.set(text, i);
      });
      this.collections.set(name, { name, item, loaded, added: [], index });
    }
    for (const text of this.collection("numFmts").loaded) {
      const a = attributesOf(text);
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        this.formats.set(id, code);
        if (!this.formatIds.has(code)) this.formatIds.set(code, id);
      }
    }
    this.dateStyles = this.collection("cellXfs").loaded.map((xf) => {
      const id = Number(attributesOf(xf).get("numFmtId") ?? 0);
      // exceljs ignores format 0 and reads the workbook's own formats before the built-in ones.
      return id !== 0 && isDateFormat(this.formats.get(id) ?? BUILT_IN_FORMATS.get(id));
    });
    this.baseFont = baseFontOf(this.collection("fonts").loaded[0] ?? "");
  }

  static read(xml: string | undefined): StyleSheet {
    const text = xml ?? EMPTY_STYLES;
    const root = xmlElements(text).find((e) => e.depth === 0);
    return new StyleSheet(text, root?.prefix ?? "");
  }

  /** Whether cells of this cell format hold dates: exceljs read their numbers as `Date`s. */
  isDateStyle(xfIndex: number): boolean {
    return this.dateStyles[xfIndex] === true;
  }

  /** The cell format for one of the add-in's cells: its style, and dd/mm/yyyy for a date. */
  cellFormat(style: CellStyle | undefined, date: boolean): number {
    const key = `${date ? "d" : ""}${style === undefined ? "" : styleKey(style)}`;
    if (key === "") return 0;
    const known = this.cellStyles.get(key);
    if (known !== undefined) return known;
    const format = style?.numberFormat ?? (date ? UK_DATE_FORMAT : undefined);
    const numFmtId = format === undefined ? 0 : this.numberFormatId(format);
    const fontId = style && hasFont(style) ? this.add("fonts", this.fontXml(style)) : 0;
    const fillId = style?.fill ? this.add("fills", solidFill(style.fill)) : 0;
    const borderId = style?.border ? this.add("borders", THIN_BORDER) : 0;
    const alignment = style ? alignmentXml(style) : "";
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xf = alignment ? `${head}>${alignment}</xf>` : `${head}/>`;
    const index = this.add("cellXfs", xf);
    this.dateStyles[index] = numFmtId !== 0 && isDateFormat(format);
    this.cellStyles.set(key, index);
    return index;
  }

  /** A user's cell format with another number format: only that cell changes, not its look-alikes. */
  withNumberFormat(xfIndex: number, code: string): number {
    const base = this.xfAt(xfIndex);
    const id = this.numberFormatId(code);
    const index = this.add(
      "cellXfs",
      withAttribute(withAttribute(base, "numFmtId", String(id)), "applyNumberFormat", "1"),
    );
    this.dateStyles[index] = id !== 0 && isDateFormat(code);
    return index;
  }

  /** A user's cell format made a header of the add-in's: bold, wrapped, at the top. */
  asHeader(xfIndex: number): number {
    const base = this.xfAt(xfIndex);
    const fontId = Number(attributesOf(base).get("fontId") ?? 0);
    const boldId = this.add(
      "fonts",
      boldFont(this.itemAt("fonts", fontId) ?? `<font>${this.baseFont}</font>`),
    );
    const elements = xmlElements(base);
    const [xf] = elements;
    if (!xf) return xfIndex;
    // The header's alignment replaces the format's own, as the first child (CT_Xf's order); like
    // every added item, it takes the part's prefix when the part is written.
    const alignment = '<alignment vertical="top" wrapText="1"/>';
    const index = this.add(
      "cellXfs",
      splice(base, [
        settingAttribute(base, xf, "fontId", String(boldId)),
        settingAttribute(base, xf, "applyFont", "1"),
        settingAttribute(base, xf, "applyAlignment", "1"),
        ...elements.filter((e) => e.depth === 1 && e.localName === "alignment").map(removal),
        xf.selfClosing
          ? appendingChild(base, xf, alignment)
          : { start: xf.startTagEnd, end: xf.startTagEnd, text: alignment },
      ]),
    );
    this.dateStyles[index] = this.isDateStyle(xfIndex);
    return index;
  }

  /** A differential format for a conditional format: a fill and a font colour. */
  differentialFormat(fill: string, fontColor: string): number {
    return this.add(
      "dxfs",
      `<dxf><font><color rgb="${argb(fontColor)}"/></font><fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`,
    );
  }

  /** The part with the appended items, or undefined when nothing was appended. */
  render(): string | undefined {
    const changed = [...this.collections.values()].filter((c) => c.added.length > 0);
    if (changed.length === 0) return undefined;
    const elements = xmlElements(this.xml);
    const root = elements.find((e) => e.depth === 0);
    const sections = elements.filter((e) => e.depth === 1);
    const edits: XmlSplice[] = [];
    for (const collection of changed) {
      const items = collection.added.map((item) => xml(this.prefix, item)).join("");
      const count = collection.loaded.length + collection.added.length;
      const existing = sections.find((e) => e.localName === collection.name);
      if (existing) {
        edits.push(
          settingAttribute(this.xml, existing, "count", String(count)),
          appendingChild(this.xml, existing, items),
        );
      } else {
        const element =
          xml(this.prefix, `<${collection.name} count="${count}">`) +
          items +
          `</${this.prefix}${collection.name}>`;
        // Before the first section that comes after it in CT_Stylesheet's order, else at the end.
        const later = ORDER.slice(ORDER.indexOf(collection.name) + 1);
        const at = sections.find((e) => later.includes(e.localName))?.start ?? root?.endTagStart;
        if (at !== undefined) edits.push({ start: at, end: at, text: element });
      }
    }
    return splice(this.xml, edits);
  }

  private numberFormatId(code: string): number {
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    for (const [id, builtIn] of BUILT_IN_FORMATS) if (builtIn === code && id !== 22) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT - 1, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.formatIds.set(code, id);
    this.collection("numFmts").added.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontXml(style: CellStyle): string {
    let base = this.baseFont;
    if (style.size !== undefined) base = base.replace(/<sz\b[^>]*\/>/, "") + `<sz val="${style.size}"/>`;
    if (style.fontColor !== undefined)
      base = base.replace(/<color\b[^>]*\/>/, "") + `<color rgb="${argb(style.fontColor)}"/>`;
    return `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}${base}</font>`;
  }

  private add(name: string, item: string): number {
    const collection = this.collection(name);
    const known = collection.index.get(item);
    if (known !== undefined) return known;
    const index = collection.loaded.length + collection.added.length;
    collection.added.push(item);
    collection.index.set(item, index);
    return index;
  }

  private xfAt(index: number): string {
    return this.itemAt("cellXfs", index) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  private itemAt(name: string, index: number): string | undefined {
    const collection = this.collection(name);
    return collection.loaded[index] ?? collection.added[index - collection.loaded.length];
  }

  private collection(name: string): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw new Error(`no ${name} collection`);
    return collection;
  }
}

/** A styles part with Excel's required minimum: one font, the two reserved fills, one border, one format. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** A thin border all round, in the automatic colour. */
const THIN_BORDER =
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';

function solidFill(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function hasFont(style: CellStyle): boolean {
  return Boolean(style.bold || style.italic || style.size !== undefined || style.fontColor !== undefined);
}

function alignmentXml(style: CellStyle): string {
  if (!style.wrap && !style.horizontal && !style.vertical) return "";
  // SpreadsheetML calls the model's "middle" "center" (ST_VerticalAlignment).
  const vertical = style.vertical === "middle" ? "center" : style.vertical;
  return `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${vertical ? ` vertical="${vertical}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>`;
}

/**
 * The size, name, family and colour of the workbook's default font (its first), without bold or
 * italic: added fonts look like the workbook's own. The theme font scheme is left out, so a font the
 * add-in names is the one shown.
 */
function baseFontOf(font: string): string {
  const keep = ["sz", "color", "name", "family", "charset"];
  const children = xmlElements(font).filter((e) => e.depth === 1 && e.selfClosing);
  const parts = keep.flatMap((name) => {
    const child = children.find((e) => e.localName === name);
    // Unprefixed: the font is rebuilt, and prefixed as a whole when it is written.
    return child ? [`<${name}${font.slice(child.start + 1 + child.name.length, child.end)}`] : [];
  });
  return parts.length > 0 ? parts.join("") : '<sz val="11"/><name val="Calibri"/><family val="2"/>';
}

/** A font made bold: a <b/> first among its children, unless it has one. */
function boldFont(font: string): string {
  const elements = xmlElements(font);
  const [root] = elements;
  if (!root || elements.some((e) => e.depth === 1 && e.localName === "b")) return font;
  const bold = `<${root.prefix}b/>`;
  return splice(font, [
    root.selfClosing
      ? appendingChild(font, root, bold)
      : { start: root.startTagEnd, end: root.startTagEnd, text: bold },
  ]);
}

/** A stable key for a style, for reusing its cell format. */
function styleKey(style: CellStyle): string {
  return JSON.stringify([
    style.bold,
    style.italic,
    style.size,
    style.fill,
    style.fontColor,
    style.wrap,
    style.horizontal,
    style.vertical,
    style.numberFormat,
    style.border,
  ]);
}

export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** An element written into a part whose elements carry a namespace prefix gets the same prefix. */
function xml(prefix: string, element: string): string {
  return prefix === "" ? element : element.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, `<$1${prefix}$2`);
}
