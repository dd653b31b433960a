import type { ChartModel } from "../engine/port/SheetModel";
import { parseCellAddress } from "../engine/tables/cellAddress";
import type { ChartData, ChartErrorValues, ChartSeries } from "./nativeChartsData";
import { escapeXml } from "./xmlText";

/*
 * DrawingML for the charts (ECMA-376 part 1, 21.2 and 20.5). Element order inside each element
 * follows the schema's sequences: Excel refuses a chart part with children out of order.
 */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** The chart part (xl/charts/chartN.xml) of one chart model and the data it plots. */
export function chartSpaceXml(chart: ChartModel, data: ChartData): string {
  const multiSeries = data.series.length > 1;
  // A pie's legend names its slices; a one-series column or line chart is named by its title alone.
  const legend =
    chart.type === "pie" || multiSeries
      ? `<c:legend><c:legendPos val="${chart.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`
      : "";
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    "<c:chart>" +
    titleXml(chart.title) +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plotXml(chart, data)}</c:plotArea>` +
    legend +
    '<c:plotVisOnly val="1"/>' +
    // A month with no cohort is a gap in a trend line, not a fall to zero.
    '<c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

function titleXml(title: string): string {
  return (
    "<c:title><c:tx><c:rich>" +
    '<a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

function plotXml(chart: ChartModel, data: ChartData): string {
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  switch (chart.type) {
    case "pie":
      return (
        '<c:pieChart><c:varyColors val="1"/>' +
        data.series.map((s, i) => seriesXml(s, i, data, "")).join("") +
        // Each slice shows its number: the places behind the shares.
        "<c:dLbls>" +
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/>' +
        "</c:dLbls>" +
        '<c:firstSliceAng val="0"/></c:pieChart>'
      );
    case "line":
      return (
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        data.series
          .map((s, i) => seriesXml(s, i, data, '<c:marker><c:symbol val="circle"/></c:marker>'))
          .join("") +
        `<c:marker val="1"/>${axisIds}</c:lineChart>` +
        axesXml("b", "l", data)
      );
    case "columnClustered":
    case "columnStacked":
    case "barClustered": {
      const stacked = chart.type === "columnStacked";
      const horizontal = chart.type === "barClustered";
      return (
        `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/>` +
        `<c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
        data.series
          .map((s, i) =>
            seriesXml(s, i, data, '<c:invertIfNegative val="0"/>' + (i === 0 ? errorBarsXml(data) : "")),
          )
          .join("") +
        // Stacked columns sit on top of each other only with a full overlap.
        `<c:gapWidth val="150"/>${stacked ? '<c:overlap val="100"/>' : ""}${axisIds}</c:barChart>` +
        axesXml(horizontal ? "l" : "b", horizontal ? "b" : "l", data)
      );
    }
  }
}

/** One series: its name, categories and values as formulas with their cached values. */
function seriesXml(series: ChartSeries, index: number, data: ChartData, afterName: string): string {
  const labels = data.categories.labels;
  const points = series.values.points;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(series.name.formula)}</c:f>` +
    `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(series.name.text)}</c:v></c:pt></c:strCache>` +
    "</c:strRef></c:tx>" +
    afterName +
    `<c:cat><c:strRef><c:f>${escapeXml(data.categories.formula)}</c:f><c:strCache><c:ptCount val="${labels.length}"/>` +
    labels.map((label, i) => `<c:pt idx="${i}"><c:v>${escapeXml(label)}</c:v></c:pt>`).join("") +
    "</c:strCache></c:strRef></c:cat>" +
    `<c:val><c:numRef><c:f>${escapeXml(series.values.formula)}</c:f><c:numCache>` +
    `<c:formatCode>${escapeXml(series.values.formatCode)}</c:formatCode><c:ptCount val="${points.length}"/>` +
    // A blank cell has no point in the cache: that is how Excel itself records a gap.
    points.map((p, i) => (p === null ? "" : `<c:pt idx="${i}"><c:v>${p}</c:v></c:pt>`)).join("") +
    "</c:numCache></c:numRef></c:val>" +
    (afterName.includes("marker") ? '<c:smooth val="0"/>' : "") +
    "</c:ser>"
  );
}

/**
 * Custom error bars (a 95% interval about each column): the distances up and down, as formulas over
 * the sheet's cells with their values cached. A bar chart's error bars have no direction element
 * (CT_ErrBars allows c:errDir only for scatter and area charts' x and y).
 */
function errorBarsXml(data: ChartData): string {
  if (data.errorBars === undefined) return "";
  const values = (tag: "plus" | "minus", bars: ChartErrorValues): string =>
    `<c:${tag}><c:numRef><c:f>${escapeXml(bars.formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${bars.points.length}"/>` +
    bars.points.map((p, i) => (p === null ? "" : `<c:pt idx="${i}"><c:v>${p}</c:v></c:pt>`)).join("") +
    `</c:numCache></c:numRef></c:${tag}>`;
  return (
    '<c:errBars><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>' +
    values("plus", data.errorBars.plus) +
    values("minus", data.errorBars.minus) +
    '<c:spPr><a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>' +
    "</c:errBars>"
  );
}

function axesXml(categoryPosition: "b" | "l", valuePosition: "b" | "l", data: ChartData): string {
  const formatCode = data.series[0]?.values.formatCode ?? "General";
  // Counts, shares and medians start at zero: an axis from 6.24 to 6.42 makes a flat line look steep.
  const nonNegative = data.series.every((s) => s.values.points.every((p) => p === null || p >= 0));
  const floor = nonNegative ? '<c:min val="0"/>' : "";
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>${floor}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(formatCode)}" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** An empty drawing part, ready for anchors. */
export function emptyDrawingXml(): string {
  return XML_DECLARATION + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
}

/**
 * One chart's place on the sheet: a two-cell anchor from the top-left corner of `anchor.from` to the
 * top-left corner of `anchor.to`, so the chart moves and sizes with its cells as Excel's own do.
 * Returns undefined when an anchor cell is not an A1 address.
 */
export function chartAnchorXml(
  chart: ChartModel,
  shapeId: number,
  relationshipId: string,
): string | undefined {
  const from = parseCellAddress(chart.anchor.from);
  const to = parseCellAddress(chart.anchor.to);
  if (!from || !to) return undefined;
  const marker = (cell: { row: number; column: number }): string =>
    `<xdr:col>${cell.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    // The namespaces are declared on the anchor itself, so it can join a drawing another writer made.
    `<xdr:twoCellAnchor xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:from>${marker(from)}</xdr:from><xdr:to>${marker(to)}</xdr:to>` +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(`Chart ${shapeId}: ${chart.title}`)}"/>` +
    "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relationshipId}"/>` +
    "</a:graphicData></a:graphic>" +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}
