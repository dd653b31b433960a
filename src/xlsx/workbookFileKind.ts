import { attributeValue, elementsByName, xmlElements } from "./xmlElements";
import { ZipArchive } from "./zipArchive";

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
  /** An OpenDocument spreadsheet (.ods, LibreOffice's own format): a zip, but not of SpreadsheetML. */
  | { kind: "opendocument" }
  | { kind: "not-a-workbook" };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Zip entry names are stored as plain bytes in each local header and in the central directory. */
const VBA_PROJECT = Buffer.from("vbaProject.bin", "latin1");
/** OLE2 directory entries store stream names as UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");
/** An OpenDocument package names its kind in a "mimetype" entry (ODF 1.2 part 3, 3.3). */
const OPENDOCUMENT = "application/vnd.oasis.opendocument.";
const OPENDOCUMENT_SPREADSHEET = `${OPENDOCUMENT}spreadsheet`;

export function workbookFileKind(bytes: Uint8Array): WorkbookFileKind {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, ZIP_MAGIC)) {
    const zip = openedZip(buffer);
    const mimetype = zip && entryText(zip, "mimetype");
    if (mimetype?.startsWith(OPENDOCUMENT_SPREADSHEET)) return { kind: "opendocument" };
    if (mimetype?.startsWith(OPENDOCUMENT)) return { kind: "not-a-workbook" };
    const workbookXml = (zip && entryText(zip, "xl/workbook.xml")) ?? "";
    const protection = elementsByName(xmlElements(workbookXml), "workbookProtection")[0];
    return {
      kind: "xlsx",
      macros: buffer.includes(VBA_PROJECT),
      structureLocked: ["1", "true"].includes(
        (protection && attributeValue(protection, "lockStructure")) ?? "",
      ),
    };
  }
  if (startsWith(buffer, OLE2_MAGIC)) {
    return buffer.includes(ENCRYPTED_PACKAGE) ? { kind: "encrypted" } : { kind: "legacy-xls" };
  }
  return { kind: "not-a-workbook" };
}

/**
 * The zip, or undefined when it cannot be read (damaged, cut short, a zip bomb): opening the
 * workbook then says why, in the same words as for any other damaged file.
 */
function openedZip(buffer: Buffer): ZipArchive | undefined {
  try {
    return ZipArchive.open(buffer);
  } catch {
    return undefined;
  }
}

/** One entry of the zip as text; undefined when it is not there or is damaged. */
function entryText(zip: ZipArchive, name: string): string | undefined {
  const entry = zip.entry(name);
  if (!entry) return undefined;
  try {
    return zip.read(entry).toString("utf8");
  } catch {
    return undefined;
  }
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}
