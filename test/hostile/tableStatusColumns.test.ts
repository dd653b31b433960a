import ExcelJS from "exceljs";
import { join } from "node:path";
import { STATUS_BLOCK_MARKER } from "../../src/engine/status/StatusColumnsModel";
import { parseRangeAddress } from "../../src/engine/tables/cellAddress";
import { AS_OF, fileHash, runCommand, type CommandRun } from "../support/hostileRun";
import {
  JOINT_HEADERS,
  hostileFolder,
  packagePart,
  patchPackage,
  structureCases,
  writeCase,
  jointRow,
} from "../support/hostileWorkbooks";

const folder = hostileFolder("table-status");

async function statusColumns(input: string, out: string): Promise<CommandRun> {
  return runCommand(["status", input, "--as-of", AS_OF, "--status-columns", "--out", out]);
}

/** The table part as Excel reads it: the attributes of <table>, its filter, and its columns. */
interface TableXml {
  attributes: Record<string, string>;
  autoFilterRef: string | undefined;
  hiddenButtons: string[];
  count: number;
  columns: { id: string; name: string }[];
  styleInfo: string | undefined;
}

function attributes(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const unescape = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

async function tableXml(path: string): Promise<TableXml> {
  const xml = await packagePart(path, "xl/tables/table1.xml");
  if (xml === undefined) throw new Error(`no table part in ${path}`);
  const open = /<table\b([^>]*)>/.exec(xml)?.[1] ?? "";
  return {
    attributes: attributes(open),
    autoFilterRef: /<autoFilter\b[^>]*\bref="([^"]*)"/.exec(xml)?.[1],
    hiddenButtons: [...xml.matchAll(/<filterColumn\b[^>]*hiddenButton="(1|true)"/g)].map((m) => m[0]),
    count: Number(/<tableColumns\b[^>]*count="(\d+)"/.exec(xml)?.[1]),
    columns: [...xml.matchAll(/<tableColumn\b([^>]*?)\/?>/g)].map((m) => {
      const a = attributes(m[1] ?? "");
      return { id: a.id ?? "", name: unescape(a.name ?? "") };
    }),
    styleInfo: /<tableStyleInfo\b[^>]*\/>/.exec(xml)?.[0],
  };
}

/** The header cells across a range's columns, as exceljs reads them back. */
async function headerTexts(path: string, ref: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Joint Tracker");
  const at = parseRangeAddress(ref);
  if (!ws || !at) throw new Error("no sheet or no range");
  return Array.from({ length: at.right - at.left + 1 }, (_, i) => ws.getCell(at.top, at.left + i).value);
}

/** What Excel insists on for a table: as many columns as the range is wide, unique names equal to the header cells. */
async function expectValidTable(path: string): Promise<TableXml> {
  const table = await tableXml(path);
  const ref = table.attributes.ref ?? "";
  const at = parseRangeAddress(ref);
  expect(at).toBeDefined();
  const width = (at?.right ?? 0) - (at?.left ?? 0) + 1;
  expect(table.count).toBe(width);
  expect(table.columns).toHaveLength(width);
  expect(new Set(table.columns.map((c) => c.name.toLowerCase())).size).toBe(width);
  expect(new Set(table.columns.map((c) => c.id)).size).toBe(width);
  expect(await headerTexts(path, ref)).toEqual(table.columns.map((c) => c.name));
  expect(table.autoFilterRef).toBe(ref);
  expect(table.attributes.headerRowCount).not.toBe("0");
  return table;
}

describe("status columns on a tracker kept as an Excel Table", () => {
  it("become table columns: the table widens to the block, keeps its name, style and columns, and a re-run gives the same table", async () => {
    const input = await structureCases.excelTable(join(folder, "table.xlsx"));
    const before = fileHash(input);
    const original = await tableXml(input);
    const once = join(folder, "table-once.xlsx");
    const twice = join(folder, "table-twice.xlsx");
    const first = await statusColumns(input, once);
    expect(first.code).toBe(0);
    expect(fileHash(input)).toBe(before);

    const widened = await expectValidTable(once);
    expect(widened.attributes.name).toBe("JointTracker");
    expect(widened.attributes.displayName).toBe(original.attributes.displayName);
    expect(widened.styleInfo).toBe(original.styleInfo);
    expect(widened.columns.slice(0, JOINT_HEADERS.length)).toEqual(original.columns);
    expect(widened.columns[JOINT_HEADERS.length]?.name).toBe(STATUS_BLOCK_MARKER);
    expect(widened.columns.length).toBeGreaterThan(JOINT_HEADERS.length + 3);
    expect(widened.attributes.ref).toMatch(/^A1:[A-Z]+6$/);
    expect(widened.hiddenButtons).toEqual([]);

    expect((await statusColumns(once, twice)).code).toBe(0);
    expect(await tableXml(twice)).toEqual(widened);
    expect(await headerTexts(twice, widened.attributes.ref ?? "")).toEqual(
      await headerTexts(once, widened.attributes.ref ?? ""),
    );
    // Reading the widened table back still finds the tracker rows.
    const json = await runCommand(["status", twice, "--as-of", AS_OF, "--json"]);
    const rows = new Set((JSON.parse(json.stdout) as { row: number }[]).map((i) => i.row));
    expect([...rows].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it("keeps a table saved by Excel valid: its header row and filter buttons survive, the block joins it", async () => {
    const input = await structureCases.excelTable(join(folder, "excel-made.xlsx"));
    // Excel leaves out the default headerRowCount, writes no filterColumn for a plain column and
    // keeps column ids that need not run 1..n.
    await patchPackage(input, "xl/tables/table1.xml", (xml) =>
      xml
        .replace(/ headerRowCount="1"/, "")
        .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
        .replace(/<autoFilter ref="([^"]*)">.*?<\/autoFilter>/, '<autoFilter ref="$1"/>')
        .replace(/<tableColumn id="2"/, '<tableColumn id="12"'),
    );
    const out = join(folder, "excel-made-once.xlsx");
    expect((await statusColumns(input, out)).code).toBe(0);
    const table = await expectValidTable(out);
    expect(table.hiddenButtons).toEqual([]);
    expect(table.columns[JOINT_HEADERS.length]?.name).toBe(STATUS_BLOCK_MARKER);
  });

  it("leaves a table alone when the block starts after the user's own column beside it", async () => {
    const input = await writeCase(join(folder, "beside.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Joint Tracker");
      ws.addTable({
        name: "JointTracker",
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: JOINT_HEADERS.map((name) => ({ name, filterButton: true })),
        rows: Array.from({ length: 4 }, (_, i) => jointRow(i + 1)),
      });
      // A gap column J, then the user's notes outside the table in K.
      ws.getCell("K1").value = "My notes";
      ws.getCell("K2").value = "ring the IRO";
    });
    const original = await tableXml(input);
    const out = join(folder, "beside-once.xlsx");
    expect((await statusColumns(input, out)).code).toBe(0);
    expect(await tableXml(out)).toEqual(original);
    expect(await headerTexts(out, "L1:L1")).toEqual([STATUS_BLOCK_MARKER]);
  });

  it("numbers a block header that one of the table's own columns already uses, in the cell and the table alike", async () => {
    const headers = [...JOINT_HEADERS, STATUS_BLOCK_MARKER.toUpperCase()];
    const input = await writeCase(join(folder, "taken.xlsx"), (wb) => {
      const ws = wb.addWorksheet("Joint Tracker");
      ws.addTable({
        name: "JointTracker",
        ref: "A1",
        headerRow: true,
        columns: headers.map((name) => ({ name, filterButton: true })),
        rows: Array.from({ length: 3 }, (_, i) => [...jointRow(i + 1), null]),
      });
    });
    const out = join(folder, "taken-once.xlsx");
    const run = await statusColumns(input, out);
    expect(run.code).toBe(0);
    const table = await expectValidTable(out);
    expect(table.columns[headers.length]?.name).toBe(`${STATUS_BLOCK_MARKER}2`);
  });
});
