import { once } from "node:events";
import { posix } from "node:path";
import { createInflateRaw } from "node:zlib";
import { ZipArchive, type ZipEntry } from "./zipArchive";
import { ZipWriter, type ByteSink, type DeflatedContent, type EntryContent } from "./zipWriter";
import {
  attributeValue,
  attributesOf,
  elementsByName,
  insertBeforeClosing,
  removal,
  splice,
  tagsNamed,
  xmlElements,
} from "./xmlElements";
import { escapeXml } from "./xmlText";

/*
 * An .xlsx file as the Open Packaging Conventions see it: parts (the zip's files), each part's
 * relationships (its _rels/<name>.rels part) and every part's content type ([Content_Types].xml).
 * A part loaded from a file stays compressed until it is read and, unless it is replaced, is copied
 * into the saved file byte for byte. Replaced parts may be generated while the file is written.
 */

export const RELATIONSHIP_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  chartsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  /** Excel 2016's chart types (waterfall, treemap...) live in chartEx parts. */
  chartEx: "http://schemas.microsoft.com/office/2014/relationships/chartEx",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const CONTENT_TYPES = {
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vmlDrawing: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface Relationship {
  id: string;
  type: string;
  /** The target as written: relative to the source part's folder unless it starts with "/". */
  target: string;
  external: boolean;
}

/** What a part holds: as loaded, replaced by text or bytes, or generated while the file is written. */
type PartContent =
  | { kind: "loaded"; entry: ZipEntry }
  | { kind: "text"; text: string }
  | { kind: "bytes"; data: Uint8Array }
  | { kind: "generated"; produce: () => EntryContent }
  | { kind: "deflated"; deflated: DeflatedContent };

/** Loaded parts read as text are kept decoded up to this size; worksheets are read as streams. */
const TEXT_CACHE_LIMIT = 4 * 2 ** 20;

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

const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export class XlsxPackage {
  /**
   * Parts by lower-case name (part names are case-insensitive), in the order they are written;
   * `loaded` is the zip entry a part was loaded from, while its content still comes from it.
   */
  private readonly parts = new Map<
    string,
    { name: string; content: PartContent; loaded: ZipEntry | undefined }
  >();
  private readonly texts = new Map<string, string>();

  private constructor(private readonly archive: ZipArchive | undefined) {
    for (const entry of archive?.entries ?? [])
      this.parts.set(entry.name.toLowerCase(), {
        name: entry.name,
        content: { kind: "loaded", entry },
        loaded: entry,
      });
  }

  /** Opens a package; throws ZipFormatError when the bytes are not a readable zip. */
  static open(bytes: Uint8Array): XlsxPackage {
    return new XlsxPackage(ZipArchive.open(bytes));
  }

  /** A package with no parts, to build a workbook from nothing. */
  static empty(): XlsxPackage {
    return new XlsxPackage(undefined);
  }

  has(path: string): boolean {
    return this.parts.has(path.toLowerCase());
  }

  paths(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** The part's text: for small parts (the whole text is made at once), never a large worksheet. */
  text(path: string): string | undefined {
    const key = path.toLowerCase();
    const part = this.parts.get(key);
    if (!part) return undefined;
    const { content } = part;
    switch (content.kind) {
      case "text":
        return content.text;
      case "bytes":
        return Buffer.from(content.data).toString("utf8");
      case "generated":
      case "deflated":
        throw new Error(`${path} is written by the add-in and is not read back before it is saved`);
      case "loaded": {
        const cached = this.texts.get(key);
        if (cached !== undefined) return cached;
        const text = stripByteOrderMark(this.loadedBytes(content.entry).toString("utf8"));
        if (content.entry.size <= TEXT_CACHE_LIMIT) this.texts.set(key, text);
        return text;
      }
    }
  }

  /**
   * A part as loaded from the file, inflated a piece at a time (a worksheet of 100,000 rows is never
   * one string); also while it is to be written as a patch of itself. Undefined when the part was
   * replaced or is not there.
   */
  originalChunks(path: string): AsyncIterable<Buffer> | undefined {
    const part = this.parts.get(path.toLowerCase());
    if (!part?.loaded || !this.archive) return undefined;
    return this.archive.chunks(part.loaded);
  }

  /**
   * What the part holds now, to be read later even after it is replaced by a part generated from it;
   * undefined for a generated part or one that is not there.
   */
  contentReader(path: string): (() => AsyncIterable<Buffer>) | undefined {
    const part = this.parts.get(path.toLowerCase());
    if (!part) return undefined;
    const { content } = part;
    const archive = this.archive;
    if (content.kind === "loaded" && archive) return () => archive.chunks(content.entry);
    if (content.kind === "deflated") return () => inflated(content.deflated.chunks);
    if (content.kind === "text") return () => single(Buffer.from(content.text, "utf8"));
    if (content.kind === "bytes") return () => single(Buffer.from(content.data));
    return undefined;
  }

  /** A part the add-in wrote, as bytes a piece at a time; undefined for a loaded or generated part. */
  writtenChunks(path: string): AsyncIterable<Buffer> | undefined {
    const part = this.parts.get(path.toLowerCase());
    if (!part) return undefined;
    const { content } = part;
    if (content.kind === "text") return single(Buffer.from(content.text, "utf8"));
    if (content.kind === "bytes") return single(Buffer.from(content.data));
    if (content.kind === "deflated") return inflated(content.deflated.chunks);
    return undefined;
  }

  write(path: string, content: string | Uint8Array): void {
    this.set(
      path,
      typeof content === "string" ? { kind: "text", text: content } : { kind: "bytes", data: content },
    );
  }

  /**
   * A part made while the file is written: `produce` is called then, once per save. A loaded part
   * stays readable as loaded (originalChunks): its new content is usually made from it.
   */
  writeGenerated(path: string, produce: () => EntryContent): void {
    this.set(path, { kind: "generated", produce }, true);
  }

  /** A part already deflated (a generated worksheet, held compressed until the file is written). */
  writeDeflated(path: string, deflated: DeflatedContent): void {
    this.set(path, { kind: "deflated", deflated });
  }

  remove(path: string): void {
    this.parts.delete(path.toLowerCase());
    this.texts.delete(path.toLowerCase());
  }

  /**
   * A part name not yet used, numbered like Excel's (xl/charts/chart3.xml), from a model part name:
   * the number in `like` is replaced by the lowest free one.
   */
  freshPartName(like: string, taken: ReadonlySet<string> = new Set()): string {
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(like);
    const stem = m?.[1] ?? like;
    const extension = m?.[3] ?? "";
    const takenLower = new Set([...taken].map((t) => t.toLowerCase()));
    for (let n = 1; ; n += 1) {
      const candidate = `${stem}${n}${extension}`;
      if (!this.has(candidate) && !takenLower.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** The relationships from a part ("" for the package's own), as its rels part lists them. */
  relationships(partPath: string): Relationship[] {
    const xml = this.text(relsPathOf(partPath));
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
  addRelationship(partPath: string, type: string, targetPart: string): string {
    const relsPath = relsPathOf(partPath);
    const xml = this.text(relsPath) ?? EMPTY_RELATIONSHIPS;
    const ids = new Set(this.relationships(partPath).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(partPath, targetPart))}"/>`;
    this.write(relsPath, insertBeforeClosing(xml, "Relationships", element));
    if (this.contentTypeOf(relsPath) === undefined)
      this.setDefaultContentType("rels", CONTENT_TYPES.relationships);
    return id;
  }

  /** Removes the relationships from `partPath` that `drop` picks. */
  removeRelationships(partPath: string, drop: (r: Relationship) => boolean): void {
    const relsPath = relsPathOf(partPath);
    const xml = this.text(relsPath);
    if (xml === undefined) return;
    const ids = new Set(
      this.relationships(partPath)
        .filter(drop)
        .map((r) => r.id),
    );
    if (ids.size === 0) return;
    const dropped = elementsByName(xmlElements(xml), "Relationship").filter((e) =>
      ids.has(attributeValue(e, "Id") ?? ""),
    );
    this.write(relsPath, splice(xml, dropped.map(removal)));
  }

  /** The content type of a part: its Override, else the Default for its extension. */
  contentTypeOf(partPath: string): string | undefined {
    const xml = this.text(CONTENT_TYPES_PART) ?? "";
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

  /** Gives a part its own content type (an Override), replacing any it had. */
  setContentType(partPath: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES_PART) ?? emptyContentTypes();
    const element = `<Override PartName="/${escapeXml(partPath)}" ContentType="${escapeXml(contentType)}"/>`;
    this.write(CONTENT_TYPES_PART, insertBeforeClosing(withoutOverride(xml, partPath), "Types", element));
  }

  /** A Default for an extension (rels, xml, vml), unless one is there already. */
  setDefaultContentType(extension: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES_PART) ?? emptyContentTypes();
    const has = tagsNamed(xml, "Default").some(
      (tag) => (attributesOf(tag).get("Extension") ?? "").toLowerCase() === extension.toLowerCase(),
    );
    if (has) return;
    const element = `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(contentType)}"/>`;
    // Defaults come before Overrides in Excel's own files; either order is valid (OPC 10.1.2.2).
    const [firstOverride] = elementsByName(xmlElements(xml), "Override");
    this.write(
      CONTENT_TYPES_PART,
      firstOverride
        ? splice(xml, [{ start: firstOverride.start, end: firstOverride.start, text: element }])
        : insertBeforeClosing(xml, "Types", element),
    );
  }

  /** Removes a part, its relationships and its content type override. */
  removePart(partPath: string): void {
    this.remove(partPath);
    this.remove(relsPathOf(partPath));
    const xml = this.text(CONTENT_TYPES_PART);
    if (xml !== undefined) this.write(CONTENT_TYPES_PART, withoutOverride(xml, partPath));
  }

  /**
   * Removes `partPath` and every part only it led to: after a replaced sheet goes, its drawing,
   * charts, comments and their own parts go too, but a part another kept part still relates to stays.
   */
  removePartAndOrphans(partPath: string): void {
    const before = this.reachable();
    this.removePart(partPath);
    const after = this.reachable();
    for (const path of before) if (!after.has(path)) this.removePart(path);
  }

  /** Every part reachable by relationships from the package root, by lower-case name. */
  private reachable(): Set<string> {
    const seen = new Set<string>();
    const visit = (part: string): void => {
      for (const rel of this.relationships(part)) {
        if (rel.external) continue;
        const target = resolveTarget(part, rel.target).toLowerCase();
        if (seen.has(target) || !this.has(target)) continue;
        seen.add(target);
        visit(target);
      }
    };
    visit("");
    return seen;
  }

  /** Writes the package as a zip: [Content_Types].xml first, then the parts in their order. */
  async writeTo(sink: ByteSink): Promise<void> {
    const zip = new ZipWriter(sink);
    const names = this.paths();
    const ordered = [
      ...names.filter((n) => n === CONTENT_TYPES_PART),
      ...names.filter((n) => n !== CONTENT_TYPES_PART),
    ];
    for (const name of ordered) {
      const part = this.parts.get(name.toLowerCase());
      if (!part) continue;
      const { content } = part;
      if (content.kind === "loaded" && this.archive)
        await zip.copy(name, content.entry, this.archive.compressedData(content.entry));
      else if (content.kind === "text") await zip.add(name, content.text);
      else if (content.kind === "bytes") await zip.add(name, content.data);
      else if (content.kind === "generated") await zip.add(name, content.produce());
      else if (content.kind === "deflated") await zip.addDeflated(name, content.deflated);
    }
    await zip.finish();
  }

  private set(path: string, content: PartContent, keepLoaded = false): void {
    const key = path.toLowerCase();
    const existing = this.parts.get(key);
    this.texts.delete(key);
    if (existing) {
      existing.content = content;
      if (!keepLoaded) existing.loaded = undefined;
    } else {
      this.parts.set(key, { name: path, content, loaded: undefined });
    }
  }

  private loadedBytes(entry: ZipEntry): Buffer {
    if (!this.archive) throw new Error(`${entry.name} has no archive`);
    return this.archive.read(entry);
  }
}

async function* single(data: Buffer): AsyncGenerator<Buffer, void, undefined> {
  yield data;
}

async function* inflated(chunks: readonly Buffer[]): AsyncGenerator<Buffer, void, undefined> {
  const inflater = createInflateRaw();
  const feeding = (async () => {
    for (const chunk of chunks) if (!inflater.write(chunk)) await once(inflater, "drain");
    inflater.end();
  })();
  feeding.catch(() => undefined); // a failure shows in the reading below
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
    await feeding;
  } finally {
    inflater.destroy();
  }
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function emptyContentTypes(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
  );
}

function withoutOverride(xml: string, partPath: string): string {
  const wanted = `/${partPath}`.toLowerCase();
  const overrides = elementsByName(xmlElements(xml), "Override").filter(
    (e) => (attributeValue(e, "PartName") ?? "").toLowerCase() === wanted,
  );
  return splice(xml, overrides.map(removal));
}
