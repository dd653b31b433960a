import type { SheetModel } from "../engine/port/SheetModel";
import { parseCellAddress } from "../engine/tables/cellAddress";
import { chartDataOf } from "./nativeChartsData";
import {
  CONTENT_TYPES,
  RELATIONSHIP_TYPES,
  XlsxPackage,
  attributesOf,
  tagsNamed,
} from "./nativeChartsPackage";
import { chartAnchorXml, chartSpaceXml, emptyDrawingXml } from "./nativeChartsXml";

/** A chart that could not be drawn, and why in plain words. */
export interface SkippedChart {
  sheet: string;
  title: string;
  reason: string;
}

export interface NativeChartsResult {
  bytes: Buffer;
  /** The chart parts written, as "xl/charts/chart1.xml", in the order of the models' charts. */
  written: { sheet: string; title: string; part: string }[];
  skipped: SkippedChart[];
}

/**
 * Adds each sheet model's charts to an .xlsx file as native Excel charts. exceljs 4 cannot write
 * charts, so the file it saved is opened as the zip it is and, per chart, gets a chart part
 * (xl/charts/chartN.xml) whose series are formulas over the sheet's own cells with their values
 * cached, an anchor in the sheet's drawing (created, or the one exceljs wrote for images), the
 * relationships sheet → drawing → chart and their content types.
 *
 * The sheets must already be in the file as the models describe them (XlsxWorkbook.writeSheet wrote
 * them). A chart whose data range or anchor cannot be read is skipped and reported, never guessed.
 *
 * @example
 * const saved = await workbook.xlsx.writeBuffer();
 * const { bytes } = await addNativeCharts(new Uint8Array(saved), [summarySheetModel]);
 */
export async function addNativeCharts(
  xlsx: Uint8Array,
  sheets: readonly SheetModel[],
): Promise<NativeChartsResult> {
  const written: NativeChartsResult["written"] = [];
  const skipped: SkippedChart[] = [];
  const withCharts = sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return { bytes: Buffer.from(xlsx), written, skipped };

  const pkg = await XlsxPackage.load(xlsx);
  const sheetPaths = await pkg.worksheetPaths();
  for (const sheet of withCharts) {
    const charts = sheet.charts ?? [];
    const sheetPath = findSheetPath(sheetPaths, sheet.name);
    if (sheetPath === undefined) {
      for (const c of charts)
        skipped.push({ sheet: sheet.name, title: c.title, reason: "the sheet is not in the file" });
      continue;
    }
    const drawable = charts.flatMap((chart) => {
      const data = chartDataOf(sheet, chart);
      if (!data.ok) {
        skipped.push({ sheet: sheet.name, title: chart.title, reason: data.reason });
        return [];
      }
      if (!parseCellAddress(chart.anchor.from) || !parseCellAddress(chart.anchor.to)) {
        const reason = `its anchor ${chart.anchor.from}:${chart.anchor.to} is not a pair of cells`;
        skipped.push({ sheet: sheet.name, title: chart.title, reason });
        return [];
      }
      return [{ chart, data: data.data }];
    });
    if (drawable.length === 0) continue;

    const drawingPath = await drawingFor(pkg, sheetPath);
    let drawingXml = (await pkg.text(drawingPath)) ?? emptyDrawingXml();
    let shapeId = nextShapeId(drawingXml);
    for (const { chart, data } of drawable) {
      const chartPath = pkg.freshPartName("xl/charts/chart1.xml");
      pkg.write(chartPath, chartSpaceXml(chart, data));
      await pkg.setContentType(chartPath, CONTENT_TYPES.chart);
      const relationshipId = await pkg.addRelationship(drawingPath, RELATIONSHIP_TYPES.chart, chartPath);
      const anchor = chartAnchorXml(chart, shapeId, relationshipId) ?? "";
      shapeId += 1;
      drawingXml = appendAnchor(drawingXml, anchor);
      written.push({ sheet: sheet.name, title: chart.title, part: chartPath });
    }
    pkg.write(drawingPath, drawingXml);
  }
  return { bytes: await pkg.toBuffer(), written, skipped };
}

// Excel sheet names are unique regardless of case.
function findSheetPath(paths: ReadonlyMap<string, string>, name: string): string | undefined {
  const wanted = name.toLocaleLowerCase("en-GB");
  for (const [sheetName, path] of paths) if (sheetName.toLocaleLowerCase("en-GB") === wanted) return path;
  return undefined;
}

/**
 * The sheet's drawing part: a worksheet has at most one <drawing>, so when exceljs already wrote one
 * (for the sheet's images) the charts join it; otherwise a new, empty one is attached.
 */
async function drawingFor(pkg: XlsxPackage, sheetPath: string): Promise<string> {
  const existing = await pkg.drawingOf(sheetPath);
  if (existing && pkg.has(existing.path)) return existing.path;
  const drawingPath = pkg.freshPartName("xl/drawings/drawing1.xml");
  pkg.write(drawingPath, emptyDrawingXml());
  await pkg.setContentType(drawingPath, CONTENT_TYPES.drawing);
  await pkg.attachDrawing(sheetPath, drawingPath);
  return drawingPath;
}

/** Shape ids are unique within a drawing: one more than the highest there. */
function nextShapeId(drawingXml: string): number {
  const ids = tagsNamed(drawingXml, "cNvPr").map((tag) => Number(attributesOf(tag).get("id") ?? 0));
  return Math.max(1, ...ids.filter(Number.isFinite)) + 1;
}

function appendAnchor(drawingXml: string, anchor: string): string {
  const selfClosing = /<((?:[\w.-]+:)?wsDr)\b([^>]*)\/>/.exec(drawingXml);
  if (selfClosing) {
    const [whole, name, attributes] = selfClosing;
    return drawingXml.replace(whole, `<${name}${attributes}>${anchor}</${name}>`);
  }
  const closing = /<\/(?:[\w.-]+:)?wsDr>\s*$/.exec(drawingXml);
  if (!closing) return drawingXml;
  return drawingXml.slice(0, closing.index) + anchor + drawingXml.slice(closing.index);
}
