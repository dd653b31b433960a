import { once } from "node:events";
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";
import type { ZipEntry } from "./zipArchive";

/*
 * Writing a zip one entry after another to wherever the bytes go (a file, memory). An entry copied
 * from another zip keeps its compressed bytes; a generated one is deflated as it is produced, so a
 * worksheet of millions of cells is never one string or one buffer.
 */

/** Where the zip's bytes go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

/** What can be written as an entry: text is written as UTF-8. */
export type EntryContent =
  string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

interface CentralRecord {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const VERSION = 20;
/** Text is gathered into pieces this big before it is encoded and deflated. */
const PIECE = 1 << 16;
/**
 * zlib's level 6 default: levels below it save little time on worksheet XML and make the file
 * noticeably bigger.
 */
const LEVEL = 6;

export class ZipWriter {
  private offset = 0;
  private readonly central: CentralRecord[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly sink: ByteSink,
    now: Date = new Date(),
  ) {
    [this.time, this.date] = dosDateTime(now);
  }

  /** Copies an entry of another zip as it is stored there: no inflating, no deflating. */
  async copy(name: string, entry: ZipEntry, compressed: Uint8Array): Promise<void> {
    const record = this.record(name, entry.method, entry.time, entry.date);
    record.crc32 = entry.crc32;
    record.compressedSize = compressed.length;
    record.size = entry.size;
    await this.emit(localHeader(record));
    await this.emit(compressed);
  }

  async add(name: string, content: EntryContent): Promise<void> {
    if (typeof content === "string" || content instanceof Uint8Array) {
      const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      const compressed = deflateRawSync(data, { level: LEVEL });
      const record = this.record(name, 8, this.time, this.date);
      record.crc32 = crc32(data);
      record.compressedSize = compressed.length;
      record.size = data.length;
      await this.emit(localHeader(record));
      await this.emit(compressed);
      return;
    }
    await this.addStreamed(name, content);
  }

  /** Writes the central directory: the zip is complete. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const record of this.central) await this.emit(centralHeader(record));
    const size = this.offset - start;
    if (this.central.length > 0xffff || this.offset > 0xffffffff) {
      throw new Error("the workbook is too large for a zip without zip64 extensions");
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }

  /** Writes an entry deflated earlier (see {@link deflateContent}). */
  async addDeflated(name: string, deflated: DeflatedContent): Promise<void> {
    const record = this.record(name, 8, this.time, this.date);
    record.crc32 = deflated.crc32;
    record.size = deflated.size;
    record.compressedSize = deflated.chunks.reduce((sum, c) => sum + c.length, 0);
    await this.emit(localHeader(record));
    for (const chunk of deflated.chunks) await this.emit(chunk);
  }

  private async addStreamed(
    name: string,
    content: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  ): Promise<void> {
    const record = this.record(name, 8, this.time, this.date);
    record.flags |= FLAG_DESCRIPTOR;
    await this.emit(localHeader(record));
    const sums = await deflateTo(content, (chunk) => this.emit(chunk));
    record.crc32 = sums.crc32;
    record.size = sums.size;
    record.compressedSize = sums.compressedSize;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(record.crc32, 4);
    descriptor.writeUInt32LE(record.compressedSize, 8);
    descriptor.writeUInt32LE(record.size, 12);
    await this.emit(descriptor);
  }

  private record(name: string, method: number, time: number, date: number): CentralRecord {
    const bytes = Buffer.from(name, "utf8");
    const record: CentralRecord = {
      name: bytes,
      flags: bytes.length === name.length ? 0 : FLAG_UTF8,
      method,
      time,
      date,
      crc32: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
    };
    this.central.push(record);
    return record;
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    this.offset += chunk.length;
    await this.sink.write(chunk);
  }
}

/** An entry's content deflated ahead of writing: its compressed pieces, CRC and inflated size. */
export interface DeflatedContent {
  chunks: Buffer[];
  crc32: number;
  size: number;
}

/**
 * Deflates content into memory as it is produced: a generated worksheet is held compressed (about a
 * tenth of its XML) rather than as text or as the model it was made from.
 */
export async function deflateContent(content: EntryContent): Promise<DeflatedContent> {
  const chunks: Buffer[] = [];
  const source = typeof content === "string" || content instanceof Uint8Array ? [content] : content;
  const sums = await deflateTo(source, async (chunk) => {
    chunks.push(chunk);
  });
  return { chunks, crc32: sums.crc32, size: sums.size };
}

/** Deflates content piece by piece, handing each compressed piece to `emit` as zlib makes it. */
async function deflateTo(
  content: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  emit: (chunk: Buffer) => Promise<void>,
): Promise<{ crc32: number; size: number; compressedSize: number }> {
  const deflater = createDeflateRaw({ level: LEVEL, chunkSize: PIECE });
  let compressedSize = 0;
  // The compressed bytes are handed on while the text is still being fed in: a deflater whose
  // output is not read stops taking input. A failed write (a full disk) stops the deflater too.
  const drained = (async () => {
    try {
      for await (const chunk of deflater) {
        compressedSize += (chunk as Buffer).length;
        await emit(chunk as Buffer);
      }
    } catch (error) {
      deflater.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  })();
  drained.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  let crc = 0;
  let size = 0;
  const feed = async (data: Buffer): Promise<void> => {
    crc = crc32(data, crc);
    size += data.length;
    // events.once rejects when the deflater fails instead of draining.
    if (!deflater.write(data)) await once(deflater, "drain");
  };
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pendingLength === 0) return;
    const text = pending.join("");
    pending = [];
    pendingLength = 0;
    await feed(Buffer.from(text, "utf8"));
  };
  for await (const piece of content) {
    if (typeof piece === "string") {
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength >= PIECE) await flush();
    } else {
      await flush();
      await feed(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    }
  }
  await flush();
  deflater.end();
  await drained;
  if (size > 0xffffffff) throw new Error("a part is too large for a zip without zip64 extensions");
  return { crc32: crc >>> 0, size, compressedSize };
}

function localHeader(record: CentralRecord): Buffer {
  const header = Buffer.alloc(30 + record.name.length);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(record.flags, 6);
  header.writeUInt16LE(record.method, 8);
  header.writeUInt16LE(record.time, 10);
  header.writeUInt16LE(record.date, 12);
  // With a data descriptor the CRC and sizes stay zero here.
  header.writeUInt32LE(record.crc32 >>> 0, 14);
  header.writeUInt32LE(record.compressedSize, 18);
  header.writeUInt32LE(record.size, 22);
  header.writeUInt16LE(record.name.length, 26);
  header.writeUInt16LE(0, 28);
  record.name.copy(header, 30);
  return header;
}

function centralHeader(record: CentralRecord): Buffer {
  const header = Buffer.alloc(46 + record.name.length);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(record.flags, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt16LE(record.time, 12);
  header.writeUInt16LE(record.date, 14);
  header.writeUInt32LE(record.crc32 >>> 0, 16);
  header.writeUInt32LE(record.compressedSize, 20);
  header.writeUInt32LE(record.size, 24);
  header.writeUInt16LE(record.name.length, 28);
  header.writeUInt32LE(record.offset, 42);
  record.name.copy(header, 46);
  return header;
}

/** A zip's MS-DOS time and date fields, in local time as zip tools read them. */
function dosDateTime(now: Date): [number, number] {
  const year = Math.max(1980, now.getFullYear());
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = ((year - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return [time, date];
}

/** A sink that keeps the bytes, for a workbook wanted as one buffer. */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
