/**
 * What a file holds, told from its first bytes and its zip directory before exceljs is asked to read
 * it, so the user hears why a file cannot be read ("it is password-protected") rather than a parser's
 * error, and so a macro-enabled workbook is never written back without its macros.
 */
export type WorkbookFileKind =
  /** An Office Open XML zip; `macros` when it holds a VBA project (an .xlsm), which exceljs drops. */
  | { kind: "xlsx"; macros: boolean }
  /**
   * An OLE2 compound file holding an "EncryptedPackage" stream: Excel saves a workbook with an
   * open password this way (MS-OFFCRYPTO), whatever its extension.
   */
  | { kind: "encrypted" }
  /** Any other OLE2 compound file: an Excel 97-2003 .xls workbook. */
  | { kind: "legacy-xls" }
  | { kind: "not-a-workbook" };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Zip entry names are stored as plain bytes in each local header and in the central directory. */
const VBA_PROJECT = Buffer.from("vbaProject.bin", "latin1");
/** OLE2 directory entries store stream names as UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

export function workbookFileKind(bytes: Uint8Array): WorkbookFileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, ZIP_MAGIC)) return { kind: "xlsx", macros: buffer.includes(VBA_PROJECT) };
  if (startsWith(buffer, OLE2_MAGIC)) {
    return buffer.includes(ENCRYPTED_PACKAGE) ? { kind: "encrypted" } : { kind: "legacy-xls" };
  }
  return { kind: "not-a-workbook" };
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}
