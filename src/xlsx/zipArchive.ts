import { crc32, createInflateRaw, inflateRawSync } from "node:zlib";

/*
 * Reading the zip an .xlsx file is (ECMA-376 part 2, Open Packaging Conventions, over PKWARE's
 * APPNOTE). Only the central directory is parsed up front; an entry is inflated when it is asked for,
 * by node's own zlib (several times faster than a JavaScript inflater on a 100 MB worksheet), and its
 * compressed bytes can be copied into another zip untouched.
 *
 * A file from anywhere can lie: every entry is inflated to exactly the size its directory gives and
 * no further, and its CRC-32 must match (APPNOTE 4.4.7), so a damaged part is reported rather than
 * read as something else; and a directory that gives a part more than UNSAFE_PART_BYTES, or a large
 * part a ratio deflate never reaches on real XML, is refused before anything is inflated (a
 * "zip bomb": a few kilobytes that would fill the memory).
 */

/** One file of the zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods Office writes. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  localHeaderOffset: number;
  /** The MS-DOS time and date the entry carries, kept when it is copied. */
  time: number;
  date: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** A 32-bit field holding this says "see the zip64 extra field". */
const ZIP64_MARK = 0xffffffff;
const INFLATE_CHUNK = 1 << 16;

/** Why a zip could not be read: the file is damaged, cut short or not a zip. */
export class ZipFormatError extends Error {}

/** A zip that asks for more memory than any real workbook needs: damaged, or made to do harm. */
export class ZipUnsafeError extends ZipFormatError {}

/** The most one part may inflate to: Excel's whole grid of values is less (a 1,048,576-row sheet). */
export const UNSAFE_PART_BYTES = 2 ** 30;
/**
 * Parts that inflate past LARGE_PART_BYTES may do so at most MAX_RATIO times their compressed size:
 * a 200,000-row tracker's sheet deflates about 10 to 1, and deflate cannot pass about 1,032 to 1,
 * which is what a bomb uses. Small parts may be as repetitive as they like (a styles part with
 * thousands of identical formats), as they cannot hurt.
 */
const LARGE_PART_BYTES = 100 * 2 ** 20;
const MAX_RATIO = 200;

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    // Part names are compared case-insensitively (OPC, ECMA-376 part 2, 9.1.1.1).
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }

  /** Throws ZipFormatError for bytes that are not a readable zip, ZipUnsafeError for a zip bomb. */
  static open(data: Uint8Array): ZipArchive {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const entries = readCentralDirectory(bytes);
    for (const entry of entries) refuseUnsafe(entry);
    return new ZipArchive(bytes, entries);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The entry's bytes as stored in the zip: what a copy into another zip writes. */
  compressedData(entry: ZipEntry): Buffer {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_HEADER) {
      throw new ZipFormatError(`the local header of ${entry.name} is missing`);
    }
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.bytes.length) {
      throw new ZipFormatError(`${entry.name} is cut short`);
    }
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /** The whole entry, inflated: for the small parts (relationships, workbook, styles). */
  read(entry: ZipEntry): Buffer {
    const data = this.compressedData(entry);
    let inflated: Buffer;
    if (entry.method === 0) {
      inflated = data;
    } else if (entry.method === 8) {
      try {
        // One byte more than the directory says, to tell a part that inflates further from one that fits.
        inflated = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch {
        throw new ZipFormatError(`${entry.name} is damaged`);
      }
    } else {
      throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    }
    checkInflated(entry, inflated.length, crc32(inflated));
    return inflated;
  }

  /** The entry inflated a piece at a time, so a large worksheet is never held whole. */
  async *chunks(entry: ZipEntry): AsyncGenerator<Buffer, void, undefined> {
    const data = this.compressedData(entry);
    let size = 0;
    let crc = 0;
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
        const chunk = data.subarray(at, at + INFLATE_CHUNK);
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (at + INFLATE_CHUNK >= data.length) checkInflated(entry, size, crc);
        yield chunk;
      }
      if (data.length === 0) checkInflated(entry, 0, 0);
      return;
    }
    if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    inflater.end(data);
    // The last chunk is held back until the whole entry is checked: a reader never sees a part's
    // end unless the part is whole and as written.
    let held: Buffer | undefined;
    try {
      for await (const piece of inflater) {
        const chunk = piece as Buffer;
        size += chunk.length;
        if (size > entry.size)
          throw new ZipFormatError(`${entry.name} is damaged: it inflates past its size`);
        crc = crc32(chunk, crc);
        if (held) yield held;
        held = chunk;
      }
    } catch (error) {
      if (error instanceof ZipFormatError) throw error;
      throw new ZipFormatError(`${entry.name} is damaged`);
    } finally {
      inflater.destroy();
    }
    checkInflated(entry, size, crc);
    if (held) yield held;
  }
}

/** Refuses an entry whose directory record asks for more than any workbook's part needs. */
function refuseUnsafe(entry: ZipEntry): void {
  const tooLarge = entry.size > UNSAFE_PART_BYTES;
  const tooDense =
    entry.size > LARGE_PART_BYTES && entry.size > MAX_RATIO * Math.max(1, entry.compressedSize);
  if (tooLarge || tooDense) {
    throw new ZipUnsafeError(
      `${entry.name} would inflate to ${megabytes(entry.size)} from ${megabytes(entry.compressedSize)}`,
    );
  }
}

function megabytes(bytes: number): string {
  return bytes < 2 ** 20
    ? `${bytes.toLocaleString("en-GB")} bytes`
    : `${Math.round(bytes / 2 ** 20).toLocaleString("en-GB")} MB`;
}

/** The inflated entry must be the size and have the CRC-32 its directory record gives. */
function checkInflated(entry: ZipEntry, size: number, crc: number): void {
  if (size !== entry.size) {
    throw new ZipFormatError(
      `${entry.name} is damaged: ${size} bytes where its directory says ${entry.size}`,
    );
  }
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw new ZipFormatError(`${entry.name} is damaged: its CRC-32 does not match`);
}

function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) {
    const locator = end - 20;
    if (locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
      if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) {
        throw new ZipFormatError("the zip64 directory is missing");
      }
      count = safeNumber(bytes.readBigUInt64LE(record + 32));
      size = safeNumber(bytes.readBigUInt64LE(record + 40));
      offset = safeNumber(bytes.readBigUInt64LE(record + 48));
    }
  }
  if (offset + size > bytes.length) throw new ZipFormatError("the zip directory is cut short");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new ZipFormatError("the zip directory is damaged");
    }
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    // Bit 11: the name is UTF-8; otherwise code page 437, which agrees with it on the ASCII part names use.
    const name = bytes.toString(flags & 0x800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    if (flags & 0x1) throw new ZipFormatError(`${name} is encrypted`);
    const entry: ZipEntry = {
      name,
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    // Folders are entries too in some writers' zips; a package has only files.
    if (!name.endsWith("/")) entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end of central directory record: the last one, before a comment of up to 64 KB. */
function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError("the zip directory is missing: the file is not a zip or is cut short");
}

/** The 64-bit sizes and offset of an entry too big for the 32-bit fields, in the order APPNOTE 4.5.3 gives. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? safeNumber(extra.readBigUInt64LE(field)) : ZIP64_MARK;
        field += 8;
        return value;
      };
      if (entry.size === ZIP64_MARK) entry.size = next();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = next();
      if (entry.localHeaderOffset === ZIP64_MARK) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("the zip is too large");
  return Number(value);
}
