import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { captureIo } from "../../test/support/captureIo";
import { runsOf } from "../../test/support/modelRuns";
import { main } from "../cli/main";
import { epochDayFromParts, type EpochDay } from "../engine/dates/epochDay";
import { modelCellsOf } from "../engine/port/modelCells";
import type { ChartModel, SheetModel } from "../engine/port/SheetModel";
import { parseRangeAddress } from "../engine/tables/cellAddress";
import { summaryTracker } from "../jobs/summaryTracker";
import { XlsxWorkbook } from "./XlsxWorkbook";
import { addNativeCharts } from "./nativeCharts";

const SUMMARY = "Summary 2025-03";
let dir: string;
let samplePath: string;
let summaryPath: string;
let summaryModel: SheetModel;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tracker-charts-"));
  samplePath = path.join(dir, "sample.xlsx");
  summaryPath = path.join(dir, "summary.xlsx");
  const io = captureIo();
  expect(
    await main(["sample", "--rows", "60", "--seed", "7", "--as-of", "2025-04-10", "--out", samplePath], io),
  ).toBe(0);
  expect(
    await main(
      ["summary", samplePath, "--month", "2025-03", "--as-of", "2025-04-10", "--out", summaryPath],
      io,
    ),
  ).toBe(0);
  // The same models the command wrote: the job is pure over the same input.
  const asOf = epochDayFromParts(2025, 4, 10) as EpochDay;
  const result = await summaryTracker(await XlsxWorkbook.load(samplePath), { month: "2025-03", asOf });
  const model = result.sheets.find((s) => s.name === SUMMARY);
  if (!model) throw new Error("no summary model");
  summaryModel = model;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("native charts in a summary written by tracker summary --out", () => {
  it("writes one chart part per chart model, every part well-formed XML", async () => {
    const zip = await zipOf(summaryPath);
    const charts = partsMatching(zip, /^xl\/charts\/chart\d+\.xml$/);
    expect(summaryModel.charts?.length).toBeGreaterThan(0);
    expect(charts).toHaveLength(summaryModel.charts?.length ?? -1);
    for (const part of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      await expect(xmlPart(zip, part)).resolves.toBeDefined();
    }
  });

  it("plots each model's data range: categories down its first column, one series per further column", async () => {
    const zip = await zipOf(summaryPath);
    const plotted = await chartsOfSheet(zip, SUMMARY);
    const models = summaryModel.charts ?? [];
    expect(plotted.map((c) => c.title)).toEqual(models.map((m) => m.title));
    plotted.forEach((chart, i) => {
      const model = models[i] as ChartModel;
      const r = parseRangeAddress(model.dataRange);
      if (!r) throw new Error(model.dataRange);
      const col = (n: number): string => String.fromCharCode(64 + n);
      expect(chart.kind).toBe(
        model.type === "pie" ? "c:pieChart" : model.type === "line" ? "c:lineChart" : "c:barChart",
      );
      expect(chart.series.map((s) => s.name)).toEqual(
        Array.from({ length: r.right - r.left }, (_, k) => `'${SUMMARY}'!$${col(r.left + 1 + k)}$${r.top}`),
      );
      for (const [k, s] of chart.series.entries()) {
        expect(s.categories).toBe(`'${SUMMARY}'!$${col(r.left)}$${r.top + 1}:$${col(r.left)}$${r.bottom}`);
        expect(s.values).toBe(
          `'${SUMMARY}'!$${col(r.left + 1 + k)}$${r.top + 1}:$${col(r.left + 1 + k)}$${r.bottom}`,
        );
      }
      expect(chart.anchor).toEqual(anchorOf(model));
    });
  });

  it("caches the values the sheet holds, so a viewer that does not recalculate shows them", async () => {
    const zip = await zipOf(summaryPath);
    const plotted = await chartsOfSheet(zip, SUMMARY);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summaryPath);
    const ws = workbook.getWorksheet(SUMMARY);
    if (!ws) throw new Error("no summary sheet");
    const cellsOf = (formula: string): ExcelJS.CellValue[] => {
      const r = parseRangeAddress(formula.split("!")[1]?.replace(/\$/g, "") ?? "");
      if (!r) throw new Error(formula);
      const values: ExcelJS.CellValue[] = [];
      for (let row = r.top; row <= r.bottom; row += 1) values.push(ws.getCell(row, r.left).value);
      return values;
    };
    for (const chart of plotted) {
      for (const s of chart.series) {
        expect(s.categoryCache).toEqual(cellsOf(s.categories).map((v) => String(v)));
        expect(s.valueCache).toEqual(cellsOf(s.values).map((v) => (typeof v === "number" ? v : null)));
      }
    }
    // The pie of places is not all blanks: the sample has fostering households.
    const pie = plotted.find((c) => c.kind === "c:pieChart");
    expect(pie?.series[0]?.valueCache.some((v) => v !== null && v > 0)).toBe(true);
  });

  it("puts <drawing> where the schema wants it and registers every new part's content type", async () => {
    const zip = await zipOf(summaryPath);
    const sheetPath = await sheetPathOf(zip, SUMMARY);
    const sheet = await xmlPart(zip, sheetPath);
    const order = sheet.children.map((c) => c.name);
    expect(order.filter((n) => n === "drawing")).toHaveLength(1);
    expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("pageSetup"));
    expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("sheetData"));
    const types = await xmlPart(zip, "[Content_Types].xml");
    const overrides = new Map(
      elementsNamed(types, "Override").map((o) => [o.attributes.PartName, o.attributes.ContentType]),
    );
    for (const part of partsMatching(zip, /^xl\/charts\/chart\d+\.xml$/)) {
      expect(overrides.get(`/${part}`)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
      );
    }
    for (const part of partsMatching(zip, /^xl\/drawings\/drawing\d+\.xml$/)) {
      expect(overrides.get(`/${part}`)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    }
  });

  it("leaves a file exceljs still loads, and a second save keeps every chart", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summaryPath);
    expect(workbook.getWorksheet(SUMMARY)?.getCell("A1").value).toBe(
      "Permanence tracker summary: March 2025",
    );

    // check --out rewrites no summary sheet: the charts come over from the loaded file.
    const checked = path.join(dir, "checked.xlsx");
    await main(["check", summaryPath, "--as-of", "2025-04-10", "--out", checked], captureIo());
    const before = await chartsOfSheet(await zipOf(summaryPath), SUMMARY);
    const after = await chartsOfSheet(await zipOf(checked), SUMMARY);
    expect(after).toEqual(before);
  }, 30_000);

  it("replaces the charts when the same month is summarised again and keeps an earlier month's", async () => {
    const again = path.join(dir, "again.xlsx");
    const io = captureIo();
    expect(
      await main(["summary", summaryPath, "--month", "2025-03", "--as-of", "2025-04-10", "--out", again], io),
    ).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/with \d+ native charts/);
    const count = summaryModel.charts?.length ?? 0;
    expect(partsMatching(await zipOf(again), /^xl\/charts\/chart\d+\.xml$/)).toHaveLength(count);

    const february = path.join(dir, "february.xlsx");
    expect(
      await main(
        ["summary", again, "--month", "2025-02", "--as-of", "2025-04-10", "--out", february],
        captureIo(),
      ),
    ).toBe(0);
    const zip = await zipOf(february);
    expect(partsMatching(zip, /^xl\/charts\/chart\d+\.xml$/)).toHaveLength(2 * count);
    expect(await chartsOfSheet(zip, SUMMARY)).toEqual(await chartsOfSheet(await zipOf(again), SUMMARY));
    expect((await chartsOfSheet(zip, "Summary 2025-02")).map((c) => c.title)).toEqual(
      (summaryModel.charts ?? []).map((c) =>
        c.title.replace("Mar 2025", "Feb 2025").replace("Mar 2024", "Feb 2024"),
      ),
    );
  }, 60_000);
});

describe("native charts beside pictures", () => {
  it("adds charts to the drawing exceljs wrote for a picture, and a second save keeps both", async () => {
    const first = await picturedSheetWithChart();
    const zip = await JSZip.loadAsync(first);
    const drawing = await xmlPart(zip, await drawingPathOf(zip, "Places"));
    expect(elementsNamed(drawing, "xdr:pic")).toHaveLength(1);
    expect(elementsNamed(drawing, "xdr:graphicFrame")).toHaveLength(1);
    const ids = elementsNamed(drawing, "xdr:cNvPr").map((e) => e.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Loaded and saved again without touching "Places": exceljs keeps the picture, the port the chart.
    const reloaded = await XlsxWorkbook.fromBuffer(first);
    const second = await JSZip.loadAsync(await reloaded.toBuffer());
    const drawingAgain = await xmlPart(second, await drawingPathOf(second, "Places"));
    expect(elementsNamed(drawingAgain, "xdr:pic")).toHaveLength(1);
    expect(elementsNamed(drawingAgain, "xdr:graphicFrame")).toHaveLength(1);
    expect(partsMatching(second, /^xl\/drawings\/drawing\d+\.xml$/)).toHaveLength(1);
    expect(partsMatching(second, /^xl\/media\//).length).toBeGreaterThan(0);
    expect(await chartsOfSheet(second, "Places")).toEqual(await chartsOfSheet(zip, "Places"));
    expect(reloaded.saveReport()).toEqual({ chartsDrawn: 0, notes: [] });
    for (const part of Object.keys(second.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      await expect(xmlPart(second, part)).resolves.toBeDefined();
    }
  });

  it("says which chart it could not draw rather than drawing a guess", async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.writeSheet({
      name: "Empty",
      purpose: "summary",
      runs: runsOf([
        { row: 1, column: 1, value: "Quarter" },
        { row: 1, column: 2, value: "PPMs" },
      ]),
      charts: [
        { type: "line", title: "No quarters yet", dataRange: "A1:B1", anchor: { from: "D2", to: "J16" } },
      ],
    });
    const zip = await JSZip.loadAsync(await workbook.toBuffer());
    expect(partsMatching(zip, /^xl\/charts\//)).toEqual([]);
    expect(workbook.saveReport()).toEqual({
      chartsDrawn: 0,
      notes: [
        "the chart “No quarters yet” on “Empty” was not drawn: its data range A1:B1 has a header but no rows to plot",
      ],
    });
  });
});

describe("chart sheets", () => {
  it("keeps a chart sheet of the loaded file in its place among the tabs, new sheets after it", async () => {
    const withChartSheet = await fileWithChartSheet();
    const port = await XlsxWorkbook.fromBuffer(withChartSheet);
    await port.writeSheet({
      name: "Notes",
      purpose: "dataQuality",
      runs: runsOf([{ row: 1, column: 1, value: "n" }]),
    });
    const once = await port.toBuffer();
    expect(port.saveReport()).toEqual({ chartsDrawn: 0, notes: [] });
    const twice = await (await XlsxWorkbook.fromBuffer(once)).toBuffer();
    for (const bytes of [once, twice]) {
      const zip = await JSZip.loadAsync(bytes);
      const workbook = await xmlPart(zip, "xl/workbook.xml");
      expect(elementsNamed(workbook, "sheet").map((s) => s.attributes.name)).toEqual([
        "Data",
        "PPM chart",
        "Notes",
      ]);
      const id = elementsNamed(workbook, "sheet")[1]?.attributes["r:id"] ?? "";
      const chartSheetPath = (await targetsOf(zip, "xl/workbook.xml")).get(id) ?? "";
      const chartSheet = await xmlPart(zip, chartSheetPath);
      const drawingId = elementsNamed(chartSheet, "drawing")[0]?.attributes["r:id"] ?? "";
      const drawingPath = (await targetsOf(zip, chartSheetPath)).get(drawingId) ?? "";
      const chartPath = [...(await targetsOf(zip, drawingPath)).values()][0] ?? "";
      const title = elementsNamed(await xmlPart(zip, chartPath), "a:t").map((t) => t.text);
      expect(title).toEqual(["PPMs held per quarter"]);
      const types = await xmlPart(zip, "[Content_Types].xml");
      expect(
        elementsNamed(types, "Override").find((o) => o.attributes.PartName === `/${chartSheetPath}`)
          ?.attributes.ContentType,
      ).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml");
      const loaded = new ExcelJS.Workbook();
      await loaded.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      expect(loaded.worksheets.map((w) => w.name)).toEqual(["Data", "Notes"]);
    }
  });
});

/** A workbook whose "PPM chart" tab is a chart sheet plotting the "Data" sheet, as Excel makes one. */
async function fileWithChartSheet(): Promise<Uint8Array> {
  const data: SheetModel = {
    name: "Data",
    purpose: "summary",
    runs: runsOf([
      { row: 1, column: 1, value: "Quarter" },
      { row: 1, column: 2, value: "PPMs held" },
      { row: 2, column: 1, value: "Q1 2025" },
      { row: 2, column: 2, value: 12 },
    ]),
    charts: [
      {
        type: "columnClustered",
        title: "PPMs held per quarter",
        dataRange: "A1:B2",
        anchor: { from: "D2", to: "J16" },
      },
    ],
  };
  const workbook = XlsxWorkbook.create();
  await workbook.writeSheet({ ...data, charts: [] });
  const { bytes } = await addNativeCharts(await workbook.toBuffer(), [data]);
  // Move the chart from the worksheet's drawing to a chart sheet's.
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string): Promise<string> => (await zip.file(part)?.async("string")) ?? "";
  const edit = async (part: string, change: (xml: string) => string): Promise<void> => {
    zip.file(part, change(await text(part)));
  };
  zip.file("xl/drawings/drawing9.xml", await text("xl/drawings/drawing1.xml"));
  zip.file("xl/drawings/_rels/drawing9.xml.rels", await text("xl/drawings/_rels/drawing1.xml.rels"));
  zip.remove("xl/drawings/drawing1.xml");
  zip.remove("xl/drawings/_rels/drawing1.xml.rels");
  await edit("xl/worksheets/sheet1.xml", (x) => x.replace(/<drawing [^>]*\/>/, ""));
  await edit("xl/worksheets/_rels/sheet1.xml.rels", (x) =>
    x.replace(/<Relationship [^>]*drawing1\.xml"\/>/, ""),
  );
  zip.file(
    "xl/chartsheets/sheet1.xml",
    '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews>' +
      '<sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>',
  );
  zip.file(
    "xl/chartsheets/_rels/sheet1.xml.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>',
  );
  await edit("xl/workbook.xml", (x) =>
    x.replace("</sheets>", '<sheet sheetId="9" name="PPM chart" r:id="rId99"/></sheets>'),
  );
  await edit("xl/_rels/workbook.xml.rels", (x) =>
    x.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    ),
  );
  await edit("[Content_Types].xml", (x) =>
    x
      .replace("/xl/drawings/drawing1.xml", "/xl/drawings/drawing9.xml")
      .replace(
        "</Types>",
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
      ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** A "Places" sheet with a picture exceljs drew and a pie chart added to the same drawing. */
async function picturedSheetWithChart(): Promise<Buffer> {
  const model: SheetModel = {
    name: "Places",
    purpose: "summary",
    runs: runsOf([
      { row: 1, column: 1, value: "Places" },
      { row: 1, column: 2, value: "Number" },
      { row: 2, column: 1, value: "Filled" },
      { row: 2, column: 2, value: 7 },
      { row: 3, column: 1, value: "Vacant" },
      { row: 3, column: 2, value: 2 },
    ]),
    charts: [{ type: "pie", title: "Places", dataRange: "A1:B3", anchor: { from: "D2", to: "J16" } }],
  };
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Places");
  for (const c of modelCellsOf(model)) ws.getCell(c.row, c.column).value = c.value as ExcelJS.CellValue;
  // A 1×1 PNG.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, "L2:M4");
  const saved = new Uint8Array(await workbook.xlsx.writeBuffer());
  const { bytes, written } = await addNativeCharts(saved, [model]);
  expect(written).toHaveLength(1);
  return bytes;
}

interface PlottedChart {
  title: string;
  kind: string;
  series: {
    name: string;
    categories: string;
    values: string;
    categoryCache: string[];
    valueCache: (number | null)[];
  }[];
  anchor: { from: [number, number]; to: [number, number] };
}

function anchorOf(model: ChartModel): PlottedChart["anchor"] {
  const from = parseRangeAddress(model.anchor.from);
  const to = parseRangeAddress(model.anchor.to);
  if (!from || !to) throw new Error("bad anchor");
  return { from: [from.left - 1, from.top - 1], to: [to.left - 1, to.top - 1] };
}

async function zipOf(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(file));
}

function resolve(from: string, target: string): string {
  return target.startsWith("/")
    ? target.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function relsOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

async function targetsOf(zip: JSZip, part: string): Promise<Map<string, string>> {
  const rels = await xmlPart(zip, relsOf(part));
  return new Map(
    elementsNamed(rels, "Relationship").map((r) => [
      r.attributes.Id ?? "",
      resolve(part, r.attributes.Target ?? ""),
    ]),
  );
}

async function sheetPathOf(zip: JSZip, name: string): Promise<string> {
  const workbook = await xmlPart(zip, "xl/workbook.xml");
  const id = elementsNamed(workbook, "sheet").find((s) => s.attributes.name === name)?.attributes["r:id"];
  const target = (await targetsOf(zip, "xl/workbook.xml")).get(id ?? "");
  if (!target) throw new Error(`no sheet ${name}`);
  return target;
}

async function drawingPathOf(zip: JSZip, sheetName: string): Promise<string> {
  const sheetPath = await sheetPathOf(zip, sheetName);
  const sheet = await xmlPart(zip, sheetPath);
  const id = elementsNamed(sheet, "drawing")[0]?.attributes["r:id"];
  const target = (await targetsOf(zip, sheetPath)).get(id ?? "");
  if (!target) throw new Error(`no drawing on ${sheetName}`);
  return target;
}

/** The charts a sheet shows, in anchor order, as their parts describe them. */
async function chartsOfSheet(zip: JSZip, sheetName: string): Promise<PlottedChart[]> {
  const drawingPath = await drawingPathOf(zip, sheetName);
  const drawing = await xmlPart(zip, drawingPath);
  const targets = await targetsOf(zip, drawingPath);
  const charts: PlottedChart[] = [];
  for (const anchor of elementsNamed(drawing, "xdr:twoCellAnchor")) {
    const ref = elementsNamed(anchor, "c:chart")[0]?.attributes["r:id"];
    const chartPath = targets.get(ref ?? "");
    if (!chartPath) continue;
    const chart = await xmlPart(zip, chartPath);
    const plot = elementsNamed(chart, "c:plotArea")[0]?.children.find((c) => c.name.endsWith("Chart"));
    const textOf = (e: XmlElement | undefined, name: string): string =>
      e
        ? elementsNamed(e, name)
            .map((x) => x.text)
            .join("")
        : "";
    const marker = (name: string): [number, number] => {
      const m = elementsNamed(anchor, name)[0];
      return [Number(m ? textOf(m, "xdr:col") : NaN), Number(m ? textOf(m, "xdr:row") : NaN)];
    };
    charts.push({
      title: textOf(elementsNamed(chart, "c:title")[0], "a:t"),
      kind: plot?.name ?? "",
      series: (plot ? elementsNamed(plot, "c:ser") : []).map((ser) => {
        const cat = elementsNamed(ser, "c:cat")[0];
        const val = elementsNamed(ser, "c:val")[0];
        const count = Number(val ? elementsNamed(val, "c:ptCount")[0]?.attributes.val : NaN);
        const valueCache: (number | null)[] = Array.from({ length: count }, () => null);
        for (const pt of val ? elementsNamed(val, "c:pt") : [])
          valueCache[Number(pt.attributes.idx)] = Number(textOf(pt, "c:v"));
        return {
          name: textOf(elementsNamed(ser, "c:tx")[0], "c:f"),
          categories: cat ? textOf(cat, "c:f") : "",
          values: val ? textOf(val, "c:f") : "",
          categoryCache: (cat ? elementsNamed(cat, "c:pt") : []).map((pt) => textOf(pt, "c:v")),
          valueCache,
        };
      }),
      anchor: { from: marker("xdr:from"), to: marker("xdr:to") },
    });
  }
  return charts;
}

interface XmlElement {
  /** The qualified name as written: "c:f", "xdr:twoCellAnchor". */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML, throwing on anything not well formed or namespace-well-formed. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === "string" ? attribute : attribute.value;
    }
    const element: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  const [document] = root.children;
  if (!document) throw new Error("no root element");
  return document;
}

/** Every element of a name below `element`, in document order. */
function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    for (const child of e.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** One part of an .xlsx file, parsed. */
async function xmlPart(zip: JSZip, path: string): Promise<XmlElement> {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return parseXml(await file.async("string"));
}

/** Every part of the file whose name matches. */
function partsMatching(zip: JSZip, pattern: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((p) => pattern.test(p))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}
