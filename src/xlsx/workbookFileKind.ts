import { inflateRawSync } from "node:zlib";

/**
 * What a file holds, told from its first bytes and its zip directory before exceljs is asked to read
 * it, so the user hears why a file cannot be read ("it is password-protected") rather than a parser's
 * error, and so a macro-enabled workbook's copy gets its macros back (exceljs drops them when it
 * writes; macroCarryOver.ts copies them over) and an .xlsm name.
 */
export type WorkbookFileKind =
  /**
   * An Office Open XML zip; `macros` when it holds a VBA project (an .xlsm, whose copy keeps it),
   * `structureLocked` when Review > Protect Workbook forbids adding sheets (exceljs drops that
   * protection when it writes, so no copy is written).
   */
  | { kind: "xlsx"; macros: boolean; structureLocked: boolean }
  /**
   * An OLE2 compound file holding an "EncryptedPackage" stream: Excel saves a workbook with an
   * open password this way (MS-OFFCRYPTO), whatever its extension.
   */
  | { kind: "encrypted" }
  /** Any other OLE2 compound file: an Excel 97-2003 .xls workbook. */
  | { kind: "legacy-xls" }
  | { kind: "not-a-workbook" };

const CENTRAL_ENTRY = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Zip entry names are stored as plain bytes in each local header and in the central directory. */
const VBA_PROJECT = Buffer.from("vbaProject.bin", "latin1");
/** OLE2 directory entries store stream names as UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * One entry of a zip as text, found through the central directory (writers that stream, exceljs
 * among them, leave sizes out of the local headers); undefined when it is not there or unreadable.
 */
function zipEntryText(zip: Buffer, name: string): string | undefined {
  const wanted = Buffer.from(name, "latin1");
  for (
    let at = zip.lastIndexOf(CENTRAL_ENTRY);
    at >= 0;
    at = at > 0 ? zip.lastIndexOf(CENTRAL_ENTRY, at - 1) : -1
  ) {
    if (at + 46 > zip.length) continue;
    const nameLength = zip.readUInt16LE(at + 28);
    if (!zip.subarray(at + 46, at + 46 + nameLength).equals(wanted)) continue;
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length) return undefined;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    try {
      if (method === 0) return data.toString("utf8");
      if (method === 8) return inflateRawSync(data).toString("utf8");
    } catch {
      return undefined; // a damaged entry: exceljs will say the file cannot be read
    }
    return undefined;
  }
  return undefined;
}

export function workbookFileKind(bytes: Uint8Array): WorkbookFileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, ZIP_MAGIC)) {
    const workbookXml = zipEntryText(buffer, "xl/workbook.xml") ?? "";
    return {
      kind: "xlsx",
      macros: buffer.includes(VBA_PROJECT),
      structureLocked: /<(?:\w+:)?workbookProtection\b[^>]*\blockStructure="(?:1|true)"/.test(workbookXml),
    };
  }
  if (startsWith(buffer, OLE2_MAGIC)) {
    return buffer.includes(ENCRYPTED_PACKAGE) ? { kind: "encrypted" } : { kind: "legacy-xls" };
  }
  return { kind: "not-a-workbook" };
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}
