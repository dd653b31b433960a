import JSZip from "jszip";
import { posix } from "node:path";

/*
 * The parts of an .xlsx file (an Open Packaging Conventions zip) that adding or carrying over charts
 * touches: [Content_Types].xml, the relationship files, and the worksheet XML. The XML is edited as
 * text, one element at a time, so everything else in each part stays byte for byte as it was.
 */

export const RELATIONSHIP_TYPES = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  /** Excel 2016's chart types (waterfall, treemap...) live in chartEx parts. */
  chartEx: "http://schemas.microsoft.com/office/2014/relationships/chartEx",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  chartsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
} as const;

export const CONTENT_TYPES = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The target as written: relative to the source part's folder unless it starts with "/". */
  target: string;
  external: boolean;
}

/**
 * The worksheet elements that must come after <drawing> (CT_Worksheet in ECMA-376 part 1, 18.3.1.99):
 * Excel refuses a file whose worksheet elements are out of order, so <drawing> goes before the first
 * of these, after pageSetup, headerFooter, breaks and the rest.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] ?? "";
  });
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
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${localName}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), "_rels", `${posix.basename(partPath)}.rels`);
}

/** A relationship's target as a part path inside the zip (no leading slash). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(sourcePart), target));
}

/** A target for a relationship from `sourcePart` to `targetPart`, relative as Excel writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  return posix.relative(posix.dirname(sourcePart), targetPart);
}

/** An .xlsx file opened for editing its parts. */
export class XlsxPackage {
  private constructor(private readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  has(path: string): boolean {
    const entry = this.zip.file(path);
    return entry !== null && !entry.dir;
  }

  async text(path: string): Promise<string | undefined> {
    return this.has(path) ? this.zip.file(path)?.async("string") : undefined;
  }

  async bytes(path: string): Promise<Uint8Array | undefined> {
    return this.has(path) ? this.zip.file(path)?.async("uint8array") : undefined;
  }

  write(path: string, content: string | Uint8Array): void {
    this.zip.file(path, content);
  }

  remove(path: string): void {
    this.zip.remove(path);
  }

  paths(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  /**
   * A part name not yet used, numbered like Excel's (xl/charts/chart3.xml), from a model part name:
   * the number in `like` is replaced by the lowest free one.
   */
  freshPartName(like: string, taken: ReadonlySet<string> = new Set()): string {
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(like);
    const stem = m?.[1] ?? like;
    const extension = m?.[3] ?? "";
    const used = new Set(this.paths().map((p) => p.toLowerCase()));
    for (let n = 1; ; n += 1) {
      const candidate = `${stem}${n}${extension}`;
      if (!used.has(candidate.toLowerCase()) && !taken.has(candidate)) return candidate;
    }
  }

  async relationships(partPath: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(partPath));
    if (xml === undefined) return [];
    return tagsNamed(xml, "Relationship").map((tag) => {
      const a = attributesOf(tag);
      return {
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: a.get("Target") ?? "",
        external: a.get("TargetMode") === "External",
      };
    });
  }

  /** Adds a relationship from `partPath` and returns its new id. */
  async addRelationship(partPath: string, type: string, targetPart: string): Promise<string> {
    const relsPath = relsPathOf(partPath);
    const xml =
      (await this.text(relsPath)) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set((await this.relationships(partPath)).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(partPath, targetPart))}"/>`;
    this.write(relsPath, insertBeforeClosing(xml, "Relationships", element));
    return id;
  }

  /** Points an existing relationship at another part. */
  async retarget(partPath: string, id: string, targetPart: string): Promise<void> {
    const relsPath = relsPathOf(partPath);
    const xml = await this.text(relsPath);
    if (xml === undefined) return;
    const target = escapeXml(relativeTarget(partPath, targetPart));
    this.write(
      relsPath,
      xml.replace(/<Relationship\b[^>]*>/g, (tag) =>
        attributesOf(tag).get("Id") === id
          ? tag.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${target}"`)
          : tag,
      ),
    );
  }

  /** The content type of a part: its Override, else the Default for its extension. */
  async contentTypeOf(partPath: string): Promise<string | undefined> {
    const xml = (await this.text("[Content_Types].xml")) ?? "";
    const wanted = `/${partPath}`.toLowerCase();
    for (const tag of tagsNamed(xml, "Override")) {
      const a = attributesOf(tag);
      if ((a.get("PartName") ?? "").toLowerCase() === wanted) return a.get("ContentType");
    }
    const extension = posix.extname(partPath).slice(1).toLowerCase();
    for (const tag of tagsNamed(xml, "Default")) {
      const a = attributesOf(tag);
      if ((a.get("Extension") ?? "").toLowerCase() === extension) return a.get("ContentType");
    }
    return undefined;
  }

  async setContentType(partPath: string, contentType: string): Promise<void> {
    const xml = (await this.text("[Content_Types].xml")) ?? "";
    const element = `<Override PartName="/${escapeXml(partPath)}" ContentType="${escapeXml(contentType)}"/>`;
    this.write("[Content_Types].xml", insertBeforeClosing(withoutOverride(xml, partPath), "Types", element));
  }

  /** Removes a part, its relationships and its content type override. */
  async removePart(partPath: string): Promise<void> {
    this.remove(partPath);
    this.remove(relsPathOf(partPath));
    const xml = (await this.text("[Content_Types].xml")) ?? "";
    this.write("[Content_Types].xml", withoutOverride(xml, partPath));
  }

  /** Each worksheet's part path by its name as the user sees it (chart sheets are not worksheets). */
  async worksheetPaths(): Promise<Map<string, string>> {
    const workbookPath = "xl/workbook.xml";
    const xml = (await this.text(workbookPath)) ?? "";
    const rels = new Map((await this.relationships(workbookPath)).map((r) => [r.id, r]));
    const paths = new Map<string, string>();
    for (const tag of tagsNamed(xml, "sheet")) {
      const a = attributesOf(tag);
      const rel = rels.get(a.get("r:id") ?? "");
      const name = a.get("name");
      if (rel && name !== undefined && rel.type === RELATIONSHIP_TYPES.worksheet) {
        paths.set(name, resolveTarget(workbookPath, rel.target));
      }
    }
    return paths;
  }

  /** The workbook's chart sheets (a tab that is one big chart), in tab order. */
  async chartSheets(): Promise<{ name: string; path: string; state: string | undefined }[]> {
    const workbookPath = "xl/workbook.xml";
    const xml = (await this.text(workbookPath)) ?? "";
    const rels = new Map((await this.relationships(workbookPath)).map((r) => [r.id, r]));
    return tagsNamed(xml, "sheet").flatMap((tag) => {
      const a = attributesOf(tag);
      const rel = rels.get(a.get("r:id") ?? "");
      if (rel?.type !== RELATIONSHIP_TYPES.chartsheet || rel.external) return [];
      return [
        { name: a.get("name") ?? "", path: resolveTarget(workbookPath, rel.target), state: a.get("state") },
      ];
    });
  }

  /**
   * Adds a chart sheet part as the last tab. Last, because defined names (print titles) and the
   * active tab refer to sheets by position: a tab put in the middle would shift them.
   */
  async addChartSheet(name: string, state: string | undefined, chartSheetPath: string): Promise<void> {
    const workbookPath = "xl/workbook.xml";
    const id = await this.addRelationship(workbookPath, RELATIONSHIP_TYPES.chartsheet, chartSheetPath);
    const xml = (await this.text(workbookPath)) ?? "";
    const sheetIds = tagsNamed(xml, "sheet").map((tag) => Number(attributesOf(tag).get("sheetId") ?? 0));
    const sheetId = Math.max(0, ...sheetIds.filter(Number.isFinite)) + 1;
    const stateAttribute = state === undefined ? "" : ` state="${escapeXml(state)}"`;
    const element = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttribute} r:id="${id}"/>`;
    this.write(workbookPath, insertBeforeClosing(xml, "sheets", element));
  }

  /** The drawing part a worksheet shows, with the id of the relationship to it, if it has one. */
  async drawingOf(sheetPath: string): Promise<{ id: string; path: string } | undefined> {
    // The small rels part first: a sheet of 200,000 rows is only read when it has a drawing at all.
    const relationships = await this.relationships(sheetPath);
    if (!relationships.some((r) => r.type === RELATIONSHIP_TYPES.drawing)) return undefined;
    const xml = (await this.text(sheetPath)) ?? "";
    const tag = tagsNamed(xml, "drawing")[0];
    if (tag === undefined) return undefined;
    const id = attributesOf(tag).get("r:id");
    const rel = relationships.find((r) => r.id === id);
    if (id === undefined || rel === undefined || rel.external) return undefined;
    return { id, path: resolveTarget(sheetPath, rel.target) };
  }

  /** Gives a worksheet a drawing: a relationship and a <drawing r:id> at the place the schema wants. */
  async attachDrawing(sheetPath: string, drawingPath: string): Promise<void> {
    const id = await this.addRelationship(sheetPath, RELATIONSHIP_TYPES.drawing, drawingPath);
    const xml = (await this.text(sheetPath)) ?? "";
    this.write(sheetPath, insertDrawingElement(xml, id));
  }

  async toBuffer(): Promise<Buffer> {
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
}

function insertBeforeClosing(xml: string, element: string, content: string): string {
  const selfClosing = new RegExp(`<${element}\\b([^>]*)/>`);
  if (selfClosing.test(xml)) return xml.replace(selfClosing, `<${element}$1>${content}</${element}>`);
  const closing = `</${element}>`;
  const at = xml.lastIndexOf(closing);
  return at < 0 ? xml : xml.slice(0, at) + content + xml.slice(at);
}

function withoutOverride(xml: string, partPath: string): string {
  const wanted = `/${partPath}`.toLowerCase();
  return xml.replace(/<Override\b[^>]*>/g, (tag) =>
    (attributesOf(tag).get("PartName") ?? "").toLowerCase() === wanted ? "" : tag,
  );
}

/** `<drawing r:id="…"/>` before the first worksheet element the schema puts after it. */
export function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const element = `<drawing r:id="${relationshipId}"/>`;
  const at = firstTopLevelElement(sheetXml, AFTER_DRAWING) ?? sheetXml.lastIndexOf("</worksheet>");
  return withRelationshipNamespace(sheetXml.slice(0, at) + element + sheetXml.slice(at));
}

/**
 * Where the first child of <worksheet> named one of `names` starts. Only children count: rules of a
 * conditional format hold their own <extLst>. Nothing after drawing can precede the cells, so the
 * scan starts after <sheetData>, which may be most of the file.
 */
function firstTopLevelElement(sheetXml: string, names: readonly string[]): number | undefined {
  const end = sheetXml.indexOf("</sheetData>");
  const empty = /<sheetData\s*\/>/.exec(sheetXml);
  const from = end >= 0 ? end + "</sheetData>".length : empty ? empty.index + empty[0].length : 0;
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(sheetXml); m !== null; m = tag.exec(sheetXml)) {
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

/** A worksheet written without the relationships namespace gets it, so r:id is bound. */
function withRelationshipNamespace(sheetXml: string): string {
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (!root || /\sxmlns:r\s*=/.test(root[0])) return sheetXml;
  const withNamespace = root[0].replace(
    /^<worksheet\b/,
    '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  );
  return sheetXml.slice(0, root.index) + withNamespace + sheetXml.slice(root.index + root[0].length);
}
