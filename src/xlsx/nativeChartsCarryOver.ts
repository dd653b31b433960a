import {
  RELATIONSHIP_TYPES,
  XlsxPackage,
  relsPathOf,
  relativeTarget,
  resolveTarget,
  attributesOf,
  escapeXml,
} from "./nativeChartsPackage";

export interface CarryOverResult {
  bytes: Buffer;
  /** The sheets whose charts (and shapes) were carried over, with how many charts each. */
  carried: { sheet: string; charts: number }[];
  /** What could not be carried over, as sentences for the user ("the chart sheet “X” …"). */
  lost: string[];
}

/**
 * exceljs drops the charts (and drawn shapes) of every sheet when it saves, including sheets the
 * add-in never touched, and drops chart sheets (a tab that is one chart) altogether. This puts them
 * back: for each sheet of the original file that `keep` names (the user's sheets, not the ones the
 * add-in rewrote), its original drawing part is copied into the saved file with everything it refers
 * to (charts, their styles and colours, images), under fresh part names, and the sheet points at it
 * again; each chart sheet is copied the same way and added as a tab again, after the others (see
 * XlsxPackage.addChartSheet). The charts' formulas name sheets and cells, which the add-in never
 * moves, so they still plot the same data.
 *
 * A drawing that holds only pictures is left to exceljs, which keeps pictures.
 */
export async function carryOverCharts(
  original: Uint8Array,
  saved: Uint8Array,
  keep: (sheetName: string) => boolean,
): Promise<CarryOverResult> {
  const from = await XlsxPackage.load(original);
  const lost: string[] = [];
  const chartSheets = (await from.chartSheets()).filter((c) => keep(c.name));
  const fromSheets = await from.worksheetPaths();
  const withDrawings: { name: string; sheetPath: string; drawingPath: string; charts: number }[] = [];
  for (const [name, sheetPath] of fromSheets) {
    if (!keep(name)) continue;
    const drawing = await from.drawingOf(sheetPath);
    if (!drawing || !from.has(drawing.path)) continue;
    const charts = (await from.relationships(drawing.path)).filter(
      (r) => r.type === RELATIONSHIP_TYPES.chart || r.type === RELATIONSHIP_TYPES.chartEx,
    ).length;
    const xml = (await from.text(drawing.path)) ?? "";
    if (charts > 0 || holdsShapes(xml))
      withDrawings.push({ name, sheetPath, drawingPath: drawing.path, charts });
  }
  if (withDrawings.length === 0 && chartSheets.length === 0)
    return { bytes: Buffer.from(saved), carried: [], lost };

  const to = await XlsxPackage.load(saved);
  const toSheets = await to.worksheetPaths();
  const copied = new Map<string, string>();
  const carried: CarryOverResult["carried"] = [];
  for (const sheet of withDrawings) {
    const sheetPath = toSheets.get(sheet.name);
    if (sheetPath === undefined) continue; // deleted by the add-in: nothing to keep
    const drawingPath = await copyPart(from, to, sheet.drawingPath, copied);
    const current = await to.drawingOf(sheetPath);
    if (current) {
      // exceljs wrote a drawing of the sheet's pictures alone; the original holds them too.
      await to.retarget(sheetPath, current.id, drawingPath);
      if (current.path !== drawingPath) await to.removePart(current.path);
    } else {
      await to.attachDrawing(sheetPath, drawingPath);
    }
    carried.push({ sheet: sheet.name, charts: sheet.charts });
  }
  const taken = new Set([...toSheets.keys()].map((n) => n.toLocaleLowerCase("en-GB")));
  for (const chartSheet of chartSheets) {
    if (taken.has(chartSheet.name.toLocaleLowerCase("en-GB"))) continue;
    if (!from.has(chartSheet.path)) {
      lost.push(
        `the workbook's chart sheet “${chartSheet.name}” could not be copied: its part is missing from the file`,
      );
      continue;
    }
    const path = await copyPart(from, to, chartSheet.path, copied);
    await to.addChartSheet(chartSheet.name, chartSheet.state, path);
    const drawing = await from.drawingOf(chartSheet.path);
    const charts = drawing
      ? (await from.relationships(drawing.path)).filter((r) => r.type === RELATIONSHIP_TYPES.chart).length
      : 0;
    carried.push({ sheet: chartSheet.name, charts });
  }
  return { bytes: await to.toBuffer(), carried, lost };
}

/** Shapes, text boxes, connectors, groups and charts: what exceljs does not keep of a drawing. */
function holdsShapes(drawingXml: string): boolean {
  return /<(?:[\w.-]+:)?(?:sp|grpSp|cxnSp|graphicFrame)[\s>]/.test(drawingXml);
}

/**
 * Copies a part and, depth first, every part its relationships point to, each under a fresh name;
 * the copy's relationships point at the copies. `copied` maps source parts to their copies, so a part
 * two charts share is copied once.
 */
async function copyPart(
  from: XlsxPackage,
  to: XlsxPackage,
  partPath: string,
  copied: Map<string, string>,
): Promise<string> {
  const done = copied.get(partPath);
  if (done !== undefined) return done;
  const copyPath = to.freshPartName(partPath, new Set(copied.values()));
  copied.set(partPath, copyPath);
  to.write(copyPath, (await from.bytes(partPath)) ?? new Uint8Array());
  const contentType = await from.contentTypeOf(partPath);
  if (contentType !== undefined && (await to.contentTypeOf(copyPath)) !== contentType) {
    await to.setContentType(copyPath, contentType);
  }

  const relsXml = await from.text(relsPathOf(partPath));
  if (relsXml === undefined) return copyPath;
  const targets = new Map<string, string>();
  for (const rel of await from.relationships(partPath)) {
    const target = resolveTarget(partPath, rel.target);
    if (rel.external || !from.has(target)) continue;
    targets.set(rel.id, relativeTarget(copyPath, await copyPart(from, to, target, copied)));
  }
  const rewritten = relsXml.replace(/<Relationship\b[^>]*>/g, (tag) => {
    const target = targets.get(attributesOf(tag).get("Id") ?? "");
    return target === undefined
      ? tag
      : tag.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${escapeXml(target)}"`);
  });
  to.write(relsPathOf(copyPath), rewritten);
  return copyPath;
}
