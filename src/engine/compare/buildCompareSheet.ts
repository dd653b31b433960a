import { formatUkDate } from "../dates/epochDay";
import type { CellStyle, ChartModel, ModelCell, ModelValue, SheetModel } from "../port/SheetModel";
import { cellAddress } from "../tables/cellAddress";
import { compareSheetName } from "./compareSheetName";
import { FEWEST_CASES, type Comparison, type MeasureComparison, type ShareComparison } from "./Comparison";

const HEADER: CellStyle = { bold: true, fill: "D9E1F2", border: true, wrap: true, vertical: "top" };
const SECTION: CellStyle = { bold: true, size: 12 };
const PERCENT: CellStyle = { numberFormat: "0%", horizontal: "right" };
const POINTS: CellStyle = { numberFormat: '+0" pts";−0" pts";0" pts"', horizontal: "right" };
const P_VALUE: CellStyle = { numberFormat: "0.000", horizontal: "right" };
const WORDS: CellStyle = { wrap: true, vertical: "top" };
const TOP: CellStyle = { vertical: "top" };
/** Chart data sits right of the tables (columns A–N), as on the summary sheet. */
const CHART_DATA_COLUMN = 16;
/** Charts sit below the tables, two a row, each 7 columns by 16 rows. */
const CHART_WIDTH = 7;
const CHART_HEIGHT = 16;

const SHARE_HEADERS = [
  "Standard",
  "Before: on time",
  "Before: cohort",
  "Before: % on time",
  "After: on time",
  "After: cohort",
  "After: % on time",
  "Change",
  "95% interval: from",
  "95% interval: to",
  "p (Fisher's exact)",
  "No information before",
  "No information after",
  "What can be concluded",
];

const MEASURE_HEADERS = [
  "Measure",
  "Before: cases",
  "Before: median",
  "After: cases",
  "After: median",
  "Unit",
  "p (Mann–Whitney U)",
  "",
  "",
  "",
  "",
  "No information before",
  "No information after",
  "What can be concluded",
];

class Cells {
  readonly cells: ModelCell[] = [];
  set(row: number, column: number, value: ModelValue, style?: CellStyle): void {
    this.cells.push(style ? { row, column, value, style } : { row, column, value });
  }
  row(
    row: number,
    column: number,
    values: readonly ModelValue[],
    styles?: readonly (CellStyle | undefined)[] | CellStyle,
  ): void {
    values.forEach((v, i) =>
      this.set(row, column + i, v, Array.isArray(styles) ? styles[i] : (styles as CellStyle | undefined)),
    );
  }
}

/**
 * The "Compare <before> vs <after>" sheet: what can be concluded for each standard and measure, the
 * counts and tests behind it, and a native chart per standard and measure with cases in both
 * periods (before and after side by side; a share's columns carry its 95% Wilson interval as error
 * bars). Printed as the summaries are: landscape, one page wide.
 */
export function buildCompareSheet(comparison: Comparison): SheetModel {
  const c = new Cells();
  const { before, after } = comparison;
  c.set(1, 1, `Before and after: ${before.label} compared with ${after.label}`, { bold: true, size: 14 });
  c.set(
    2,
    1,
    `As at ${formatUkDate(comparison.asOf)}. Each standard is counted in the period its deadline falls in, on or before the as-at date, as in the summary. ` +
      `95% intervals: Wilson for each period, Newcombe's hybrid score interval for the change. A change is called significant only with at least ${FEWEST_CASES} cases in each period, ` +
      "a p-value below 0.05, and when the cases with no information could not explain it on their own.",
    { italic: true },
  );

  let r = 4;
  c.set(r++, 1, "On time, by standard", SECTION);
  c.row(r++, 1, SHARE_HEADERS, HEADER);
  const shareRows: { share: ShareComparison; row: number }[] = [];
  for (const s of comparison.shares) {
    shareRows.push({ share: s, row: r });
    c.row(
      r++,
      1,
      [
        s.title,
        s.before.onTime,
        s.before.cohort,
        s.before.cohort === 0 ? "–" : s.before.onTime / s.before.cohort,
        s.after.onTime,
        s.after.cohort,
        s.after.cohort === 0 ? "–" : s.after.onTime / s.after.cohort,
        s.change === null ? "–" : Math.round(s.change.difference * 100),
        s.change === null ? "–" : Math.round(s.change.interval.low * 100),
        s.change === null ? "–" : Math.round(s.change.interval.high * 100),
        s.p === null ? "–" : s.p,
        s.before.noInformation,
        s.after.noInformation,
        s.words,
      ],
      [WORDS, TOP, TOP, PERCENT, TOP, TOP, PERCENT, POINTS, POINTS, POINTS, P_VALUE, TOP, TOP, WORDS],
    );
  }

  r += 1;
  c.set(r++, 1, "Working days (lower is better)", SECTION);
  c.row(r++, 1, MEASURE_HEADERS, HEADER);
  for (const m of comparison.measures) {
    c.row(
      r++,
      1,
      [
        m.title,
        m.before.n,
        m.before.median ?? "–",
        m.after.n,
        m.after.median ?? "–",
        m.unit,
        m.test === null ? "–" : m.test.p,
        null,
        null,
        null,
        null,
        m.before.noInformation,
        m.after.noInformation,
        m.words,
      ],
      [WORDS, TOP, TOP, TOP, TOP, TOP, P_VALUE, undefined, undefined, undefined, undefined, TOP, TOP, WORDS],
    );
  }
  if (comparison.undated.length > 0) {
    r += 1;
    c.set(
      r++,
      1,
      "Rows that cannot be assessed and have no start date to place them in either period",
      SECTION,
    );
    c.row(r++, 1, ["Standard", "Rows"], HEADER);
    for (const u of comparison.undated) c.row(r++, 1, [u.title, u.rows]);
  }
  for (const note of comparison.notes) {
    r += 1;
    c.set(r++, 1, note, { italic: true });
  }

  const charts = chartBlocks(c, comparison, r + 1);
  return {
    name: compareSheetName(before, after),
    purpose: "comparison",
    cells: c.cells,
    columnWidths: {
      1: 40,
      2: 10,
      3: 10,
      4: 10,
      5: 10,
      6: 10,
      7: 10,
      8: 10,
      9: 10,
      10: 10,
      11: 10,
      12: 12,
      13: 12,
      14: 70,
      16: 22,
      17: 12,
      18: 12,
      19: 12,
    },
    freeze: { rows: 2, columns: 0 },
    print: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
    charts,
  };
}

/**
 * One chart per standard or measure with cases in both periods: its data block (Before / After, the
 * value, and for a share the distances down and up to its interval) right of the tables, the chart
 * below them.
 */
function chartBlocks(c: Cells, comparison: Comparison, firstChartRow: number): ChartModel[] {
  const charts: ChartModel[] = [];
  let dataRow = 4;
  const place = (): { from: string; to: string } => {
    const at = charts.length;
    const top = firstChartRow + Math.floor(at / 2) * CHART_HEIGHT;
    const left = 1 + (at % 2) * (CHART_WIDTH + 1);
    return { from: cellAddress(top, left), to: cellAddress(top + CHART_HEIGHT - 1, left + CHART_WIDTH) };
  };
  const labels = [`Before (${comparison.before.label})`, `After (${comparison.after.label})`];
  for (const s of comparison.shares.filter((x) => x.before.cohort > 0 && x.after.cohort > 0)) {
    const top = dataRow;
    c.row(dataRow++, CHART_DATA_COLUMN, [s.title, "On time", "Interval below", "Interval above"], HEADER);
    for (const [i, side] of [s.before, s.after].entries()) {
      const share = side.onTime / side.cohort;
      c.row(
        dataRow++,
        CHART_DATA_COLUMN,
        [
          labels[i] ?? "",
          share,
          share - (side.interval?.low ?? share),
          (side.interval?.high ?? share) - share,
        ],
        [undefined, PERCENT, PERCENT, PERCENT],
      );
    }
    charts.push({
      type: "columnClustered",
      title: `${s.title}: on time, with 95% interval`,
      dataRange: `${cellAddress(top, CHART_DATA_COLUMN)}:${cellAddress(top + 2, CHART_DATA_COLUMN + 1)}`,
      anchor: place(),
      errorBars: {
        minus: `${cellAddress(top + 1, CHART_DATA_COLUMN + 2)}:${cellAddress(top + 2, CHART_DATA_COLUMN + 2)}`,
        plus: `${cellAddress(top + 1, CHART_DATA_COLUMN + 3)}:${cellAddress(top + 2, CHART_DATA_COLUMN + 3)}`,
      },
    });
    dataRow += 1;
  }
  for (const m of comparison.measures.filter((x: MeasureComparison) => x.before.n > 0 && x.after.n > 0)) {
    const top = dataRow;
    c.row(dataRow++, CHART_DATA_COLUMN, [m.title, `Median ${m.unit}`], HEADER);
    c.row(dataRow++, CHART_DATA_COLUMN, [labels[0] ?? "", m.before.median]);
    c.row(dataRow++, CHART_DATA_COLUMN, [labels[1] ?? "", m.after.median]);
    charts.push({
      type: "columnClustered",
      title: `${m.title}: median ${m.unit}`,
      dataRange: `${cellAddress(top, CHART_DATA_COLUMN)}:${cellAddress(top + 2, CHART_DATA_COLUMN + 1)}`,
      anchor: place(),
    });
    dataRow += 1;
  }
  return charts;
}
