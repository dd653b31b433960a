import type { ChartModel, SheetModel } from "../engine/port/SheetModel";
import { parseCellAddress } from "../engine/tables/cellAddress";
import { chartDataOf, type ChartData } from "./nativeChartsData";
import { chartAnchorXml, chartSpaceXml, emptyDrawingXml } from "./nativeChartsXml";
import { insertDrawingElement } from "./worksheetElements";
import { WorkbookStructure } from "./workbookStructure";
import { CONTENT_TYPES, RELATIONSHIP_TYPES, XlsxPackage, resolveTarget } from "./XlsxPackage";
import { MemorySink } from "./zipWriter";
import { appendingChild, attributesOf, splice, tagsNamed, xmlElements } from "./xmlElements";

/** A chart that could not be drawn, and why in plain words. */
export interface SkippedChart {
  sheet: string;
  title: string;
  reason: string;
}

export interface DrawnCharts {
  /** The chart parts written, as "xl/charts/chart1.xml", in the order of the model's charts. */
  written: { sheet: string; title: string; part: string }[];
  skipped: SkippedChart[];
  /** The relationship from the sheet to the drawing that holds them, when one was made. */
  drawingRelationshipId?: string;
}

/**
 * Draws a sheet model's charts as native Excel charts in a package: per chart, a chart part
 * (xl/charts/chartN.xml) whose series are formulas over the sheet's own cells with their values
 * cached, and an anchor in a drawing part related from the sheet, with the content types of both.
 * A chart whose data range or anchor cannot be read is skipped and reported, never guessed.
 *
 * For a sheet the add-in is writing, `attach` is false: the drawing is related from the sheet and
 * the returned relationship id goes into the sheet's XML as it is written.
 */
export function drawCharts(
  pkg: XlsxPackage,
  sheetPath: string,
  sheet: SheetModel,
  attach: boolean,
): DrawnCharts {
  const written: DrawnCharts["written"] = [];
  const skipped: SkippedChart[] = [];
  const drawable = drawableCharts(sheet, skipped);
  if (drawable.length === 0) return { written, skipped };

  const existing = attach ? drawingOf(pkg, sheetPath) : undefined;
  let drawingPath: string;
  let drawingRelationshipId: string | undefined;
  if (existing && pkg.has(existing.path)) {
    drawingPath = existing.path;
  } else {
    drawingPath = pkg.freshPartName("xl/drawings/drawing1.xml");
    pkg.write(drawingPath, emptyDrawingXml());
    pkg.setContentType(drawingPath, CONTENT_TYPES.drawing);
    drawingRelationshipId = pkg.addRelationship(sheetPath, RELATIONSHIP_TYPES.drawing, drawingPath);
    if (attach) pkg.write(sheetPath, insertDrawingElement(pkg.text(sheetPath) ?? "", drawingRelationshipId));
  }
  let drawingXml = pkg.text(drawingPath) ?? emptyDrawingXml();
  let shapeId = nextShapeId(drawingXml);
  for (const { chart, data } of drawable) {
    const chartPath = pkg.freshPartName("xl/charts/chart1.xml");
    pkg.write(chartPath, chartSpaceXml(chart, data));
    pkg.setContentType(chartPath, CONTENT_TYPES.chart);
    const relationshipId = pkg.addRelationship(drawingPath, RELATIONSHIP_TYPES.chart, chartPath);
    drawingXml = appendAnchor(drawingXml, chartAnchorXml(chart, shapeId, relationshipId) ?? "");
    shapeId += 1;
    written.push({ sheet: sheet.name, title: chart.title, part: chartPath });
  }
  pkg.write(drawingPath, drawingXml);
  return {
    written,
    skipped,
    ...(drawingRelationshipId !== undefined && !attach ? { drawingRelationshipId } : {}),
  };
}

export interface NativeChartsResult {
  bytes: Buffer;
  written: DrawnCharts["written"];
  skipped: SkippedChart[];
}

/**
 * Adds sheet models' charts to the worksheets of the same names already in an .xlsx file: the
 * charts join a sheet's existing drawing (a worksheet has at most one), or a new one is attached.
 */
export async function addNativeCharts(
  xlsx: Uint8Array,
  sheets: readonly SheetModel[],
): Promise<NativeChartsResult> {
  const withCharts = sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return { bytes: Buffer.from(xlsx), written: [], skipped: [] };
  const pkg = XlsxPackage.open(xlsx);
  const structure = WorkbookStructure.read(pkg);
  const written: DrawnCharts["written"] = [];
  const skipped: SkippedChart[] = [];
  for (const sheet of withCharts) {
    const path = structure.find(sheet.name)?.path;
    if (path === undefined) {
      for (const c of sheet.charts ?? [])
        skipped.push({ sheet: sheet.name, title: c.title, reason: "the sheet is not in the file" });
      continue;
    }
    const drawn = drawCharts(pkg, path, sheet, true);
    written.push(...drawn.written);
    skipped.push(...drawn.skipped);
  }
  const sink = new MemorySink();
  await pkg.writeTo(sink);
  return { bytes: sink.toBuffer(), written, skipped };
}

function drawableCharts(
  sheet: SheetModel,
  skipped: SkippedChart[],
): { chart: ChartModel; data: ChartData }[] {
  return (sheet.charts ?? []).flatMap((chart) => {
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
}

/** The drawing part a worksheet shows, with the id of the relationship to it, if it has one. */
function drawingOf(pkg: XlsxPackage, sheetPath: string): { id: string; path: string } | undefined {
  // The small rels part first: a sheet of 200,000 rows is only read when it has a drawing at all.
  const relationships = pkg.relationships(sheetPath);
  if (!relationships.some((r) => r.type === RELATIONSHIP_TYPES.drawing)) return undefined;
  const tag = tagsNamed(pkg.text(sheetPath) ?? "", "drawing")[0];
  if (tag === undefined) return undefined;
  const id = [...attributesOf(tag)].find(([name]) => name.endsWith(":id"))?.[1];
  const rel = relationships.find((r) => r.id === id);
  if (id === undefined || rel === undefined || rel.external) return undefined;
  return { id, path: resolveTarget(sheetPath, rel.target) };
}

/** Shape ids are unique within a drawing: one more than the highest there. */
function nextShapeId(drawingXml: string): number {
  let highest = 1;
  for (const tag of tagsNamed(drawingXml, "cNvPr")) {
    const id = Number(attributesOf(tag).get("id") ?? 0);
    if (Number.isFinite(id)) highest = Math.max(highest, id);
  }
  return highest + 1;
}

function appendAnchor(drawingXml: string, anchor: string): string {
  const root = xmlElements(drawingXml).find((e) => e.depth === 0 && e.localName === "wsDr");
  return root ? splice(drawingXml, [appendingChild(drawingXml, root, anchor)]) : drawingXml;
}
