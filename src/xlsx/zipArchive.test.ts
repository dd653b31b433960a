import ExcelJS from "exceljs";
import JSZip from "jszip";
import { crc32, deflateRawSync } from "node:zlib";
import { ZipArchive, ZipFormatError, ZipUnsafeError } from "./zipArchive";
import { MemorySink, ZipWriter, deflateContent } from "./zipWriter";
import { withDirectoryField } from "../../test/support/hostileWorkbooks";

async function text(archive: ZipArchive, name: string): Promise<string> {
  const entry = archive.entry(name);
  if (!entry) throw new Error(`no ${name}`);
  const pieces: Buffer[] = [];
  for await (const piece of archive.chunks(entry)) pieces.push(piece);
  const streamed = Buffer.concat(pieces).toString("utf8");
  expect(archive.read(entry).toString("utf8")).toBe(streamed);
  return streamed;
}

describe("the zip of a package", () => {
  it("writes entries whole, streamed and deflated ahead, that another zip reader reads back", async () => {
    const sink = new MemorySink();
    const zip = new ZipWriter(sink);
    await zip.add("[Content_Types].xml", "<Types/>");
    await zip.add(
      "xl/big.xml",
      (function* () {
        for (let i = 0; i < 20_000; i++) yield `<row r="${i}">Ünïcödé ${i}</row>`;
      })(),
    );
    await zip.addDeflated("xl/ahead.xml", await deflateContent(["<a>", "b", "</a>"]));
    await zip.add("xl/media/image1.bin", new Uint8Array([0, 1, 2, 255]));
    await zip.finish();
    const bytes = sink.toBuffer();

    const other = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(other.files)).toEqual([
      "[Content_Types].xml",
      "xl/big.xml",
      "xl/ahead.xml",
      "xl/media/image1.bin",
    ]);
    const big = (await other.file("xl/big.xml")?.async("string")) ?? "";
    expect(big.startsWith('<row r="0">Ünïcödé 0</row>')).toBe(true);
    expect(big.endsWith('<row r="19999">Ünïcödé 19999</row>')).toBe(true);
    expect(await other.file("xl/ahead.xml")?.async("string")).toBe("<a>b</a>");

    const archive = ZipArchive.open(bytes);
    expect(await text(archive, "XL/AHEAD.XML")).toBe("<a>b</a>");
    expect(await text(archive, "xl/big.xml")).toBe(big);
    expect([...archive.read(archive.entry("xl/media/image1.bin") ?? archive.entries[0]!)]).toEqual([
      0, 1, 2, 255,
    ]);
  });

  it("copies an entry's compressed bytes into another zip untouched", async () => {
    const sink = new MemorySink();
    const zip = new ZipWriter(sink);
    await zip.add("a.xml", "<a>kept as it was</a>".repeat(100));
    await zip.finish();
    const first = ZipArchive.open(sink.toBuffer());
    const entry = first.entries[0]!;
    const copySink = new MemorySink();
    const copy = new ZipWriter(copySink);
    await copy.copy(entry.name, entry, first.compressedData(entry));
    await copy.finish();
    const second = ZipArchive.open(copySink.toBuffer());
    expect(second.compressedData(second.entries[0]!).equals(first.compressedData(entry))).toBe(true);
    expect(second.entries[0]).toMatchObject({
      crc32: entry.crc32,
      size: entry.size,
      time: entry.time,
      date: entry.date,
    });
  });

  it("reads a zip exceljs wrote, whose entries give their sizes after their data", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Joint Tracker").getCell("A1").value = "C001";
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const archive = ZipArchive.open(bytes);
    expect(await text(archive, "xl/workbook.xml")).toMatch(/<sheet [^>]*name="Joint Tracker"/);
  });

  it("reads sizes and offsets from a zip64 extra field", async () => {
    const data = Buffer.from("<worksheet/>", "utf8");
    const compressed = deflateRawSync(data);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(compressed.length), 12);
    extra.writeBigUInt64LE(0n, 20);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    const directoryAt = local.length + name.length + compressed.length;
    const directory = Buffer.concat([central, name, extra]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(directoryAt, 16);
    const archive = ZipArchive.open(Buffer.concat([local, name, compressed, directory, end]));
    expect(archive.entries[0]).toMatchObject({
      size: data.length,
      compressedSize: compressed.length,
      localHeaderOffset: 0,
    });
    expect(await text(archive, "xl/worksheets/sheet1.xml")).toBe("<worksheet/>");
  });

  it("refuses a small file whose directory claims a part of gigabytes, before inflating anything", async () => {
    const zip = await zipOf({ "xl/worksheets/sheet1.xml": "<worksheet/>".repeat(100) });
    const bomb = withDirectoryField(zip, "xl/worksheets/sheet1.xml", "size", 0xfffffff0);
    expect(bomb.length).toBeLessThan(1024);
    expect(() => ZipArchive.open(bomb)).toThrow(ZipUnsafeError);
    expect(() => ZipArchive.open(bomb)).toThrow(
      "xl/worksheets/sheet1.xml would inflate to 4,096 MB from 25 bytes",
    );
  });

  it("refuses a large part that claims more than deflate gives real XML, and takes a small repetitive one", async () => {
    const zip = await zipOf({ "xl/styles.xml": '<xf numFmtId="0"/>'.repeat(10_000) });
    expect(ZipArchive.open(zip).entries).toHaveLength(1);
    const dense = withDirectoryField(zip, "xl/styles.xml", "size", 200 * 2 ** 20);
    expect(() => ZipArchive.open(dense)).toThrow(/xl\/styles.xml would inflate to 200 MB/);
  });

  it("refuses a part that inflates past the size its directory gives, read whole or in pieces", async () => {
    const zip = await zipOf({ "xl/workbook.xml": "<workbook/>".repeat(100) });
    const archive = ZipArchive.open(withDirectoryField(zip, "xl/workbook.xml", "size", 500));
    const entry = archive.entry("xl/workbook.xml");
    if (!entry) throw new Error("no entry");
    expect(() => archive.read(entry)).toThrow(/xl\/workbook.xml is damaged/);
    await expect(text(archive, "xl/workbook.xml")).rejects.toThrow(/xl\/workbook.xml is damaged/);
  });

  it("refuses a part whose CRC-32 does not match what was inflated, read whole or in pieces", async () => {
    const zip = await zipOf({ "xl/workbook.xml": "<workbook/>" });
    const archive = ZipArchive.open(withDirectoryField(zip, "xl/workbook.xml", "crc32", 0x12345678));
    const entry = archive.entry("xl/workbook.xml");
    if (!entry) throw new Error("no entry");
    expect(() => archive.read(entry)).toThrow("xl/workbook.xml is damaged: its CRC-32 does not match");
    await expect(text(archive, "xl/workbook.xml")).rejects.toThrow(/CRC-32/);
  });

  it("refuses bytes that are not a zip, or a zip cut short", async () => {
    expect(() => ZipArchive.open(Buffer.from("Child ID,Name\nC1,Child One\n"))).toThrow(ZipFormatError);
    const sink = new MemorySink();
    const zip = new ZipWriter(sink);
    await zip.add("a.xml", "<a/>");
    await zip.finish();
    const whole = sink.toBuffer();
    expect(() => ZipArchive.open(whole.subarray(0, whole.length - 10))).toThrow(/directory/);
  });
});

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const sink = new MemorySink();
  const zip = new ZipWriter(sink);
  for (const [name, content] of Object.entries(parts)) await zip.add(name, content);
  await zip.finish();
  return sink.toBuffer();
}
