import { formatUkDate } from "../dates/epochDay";
import type { CellStyle, ChartModel, ModelValue, SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import { fitRowHeights } from "../sheets/fitRowHeights";
import { cellAddress } from "../tables/cellAddress";
import { compareSheetName } from "./compareSheetName";
import type { Interval } from "./Interval";
import { FEWEST_CASES, type Comparison, type MeasureComparison, type ShareComparison } from "./Comparison";

const HEADER: CellStyle = { bold: true, fill: "D9E1F2", border: true, wrap: true, vertical: "top" };
const SECTION: CellStyle = { bold: true, size: 12 };
const PERCENT: CellStyle = { numberFormat: "0%", horizontal: "right", vertical: "top" };
const POINTS: CellStyle = { numberFormat: '+0" pts";−0" pts";0" pts"', horizontal: "right", vertical: "top" };
const P_VALUE: CellStyle = { numberFormat: "0.000", horizontal: "right", vertical: "top" };
const NUMBER: CellStyle = { numberFormat: "0.0", horizontal: "right" };
const INTRO: CellStyle = { italic: true, wrap: true, vertical: "top" };
const WORDS: CellStyle = { wrap: true, vertical: "top" };
const TOP: CellStyle = { vertical: "top" };
/** Counts beside the words column, centred so they do not read as the start of its sentence. */
const COUNT: CellStyle = { vertical: "top", horizontal: "center" };
/** Charts sit below the tables, two a row, each 7 columns by 16 rows; the data they plot below them. */
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
  "Interval from",
  "Interval to",
  "p (Fisher's exact)",
  "No information: before",
  "No information: after",
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
  "No information: before",
  "No information: after",
  "What can be concluded",
];

/**
 * The "Compare <before> vs <after>" sheet: what can be concluded for each standard and measure, the
 * counts and tests behind it, and a native chart per standard and measure with cases in both
 * periods (before and after side by side; a share's columns carry its 95% Wilson interval as error
 * bars). Printed as the summaries are: landscape, one page wide.
 */
export function buildCompareSheet(comparison: Comparison): SheetModel {
  const c = new SheetRuns();
  const { before, after } = comparison;
  c.cell(1, 1, `Before and after: ${before.label} compared with ${after.label}`, { bold: true, size: 14 });
  c.cell(
    2,
    1,
    `As at ${formatUkDate(comparison.asOf)}. Each standard is counted in the period its deadline falls in, on or before the as-at date, as in the summary. ` +
      `95% intervals: Wilson for each period, Newcombe's hybrid score interval for the change. A change is called significant only with at least ${FEWEST_CASES} cases in each period, ` +
      "a p-value below 0.05, and when the cases with no information could not explain it on their own.",
    INTRO,
  );

  let r = 4;
  c.cell(r++, 1, "On time, by standard", SECTION);
  c.row(r++, 1, SHARE_HEADERS, HEADER);
  const shareRows: { share: ShareComparison; row: number }[] = [];
  for (const s of comparison.shares) {
    shareRows.push({ share: s, row: r });
    c.row(
      r++,
      1,
      [
        s.title,
        shownCount(s, "before", "onTime"),
        shownCount(s, "before", "cohort"),
        shownShare(s, "before"),
        shownCount(s, "after", "onTime"),
        shownCount(s, "after", "cohort"),
        shownShare(s, "after"),
        s.change === null ? "–" : Math.round(s.change.difference * 100),
        s.change === null ? "–" : Math.round(s.change.interval.low * 100),
        s.change === null ? "–" : Math.round(s.change.interval.high * 100),
        s.p === null ? "–" : s.p,
        shownCount(s, "before", "noInformation"),
        shownCount(s, "after", "noInformation"),
        s.words,
      ],
      [WORDS, TOP, TOP, PERCENT, TOP, TOP, PERCENT, POINTS, POINTS, POINTS, P_VALUE, COUNT, COUNT, WORDS],
    );
  }

  r += 1;
  c.cell(r++, 1, "Working days (lower is better)", SECTION);
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
      [
        WORDS,
        TOP,
        TOP,
        TOP,
        TOP,
        TOP,
        P_VALUE,
        undefined,
        undefined,
        undefined,
        undefined,
        COUNT,
        COUNT,
        WORDS,
      ],
    );
  }
  if (comparison.undated.length > 0) {
    r += 1;
    c.cell(
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
    c.cell(r++, 1, note, { italic: true });
  }

  const charts = chartBlocks(c, comparison, r + 1);
  // Every table and chart fits within columns A–N, so a page one wide stays readable.
  const merges = ["A2:N2"];
  return {
    name: compareSheetName(before, after),
    purpose: "comparison",
    runs: c.runs,
    merges,
    rowHeights: fitRowHeights(c.runs, COLUMN_WIDTHS, merges),
    columnWidths: COLUMN_WIDTHS,
    freeze: { rows: 2, columns: 0 },
    print: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
    charts,
  };
}

const COLUMN_WIDTHS: Readonly<Record<number, number>> = {
  1: 40,
  2: 10,
  3: 10,
  4: 10,
  5: 10,
  6: 13,
  7: 10,
  8: 10,
  9: 10,
  10: 10,
  11: 10,
  12: 16,
  13: 16,
  14: 70,
};

/**
 * One chart per standard or measure with cases in both periods, below the tables, two a row: before
 * and after side by side, each with its 95% interval as error bars (Wilson for a share, the
 * order-statistic interval for a median). The data each plots (the value, and the distances down
 * and up to its interval) is listed below the charts, in the sheet's own columns.
 */
function chartBlocks(c: SheetRuns, comparison: Comparison, firstChartRow: number): ChartModel[] {
  const labels = [`Before (${comparison.before.label})`, `After (${comparison.after.label})`];
  const plotted: { title: string; header: string; style: CellStyle; sides: PlottedSide[] }[] = [
    ...comparison.shares
      .filter((x) => x.verdict !== "no history" && x.before.cohort > 0 && x.after.cohort > 0)
      .map((s) => ({
        title: `${s.title}: on time, with 95% interval`,
        header: "On time",
        style: PERCENT,
        sides: [s.before, s.after].map((side) => plottedSide(side.onTime / side.cohort, side.interval)),
      })),
    ...comparison.measures
      .filter((x: MeasureComparison) => x.before.n > 0 && x.after.n > 0)
      .map((m) => ({
        title: `${m.title}: median ${m.unit}, with 95% interval`,
        header: `Median ${m.unit}`,
        style: NUMBER,
        sides: [m.before, m.after].map((side) => plottedSide(side.median ?? 0, side.medianInterval)),
      })),
  ];
  let dataRow = firstChartRow + Math.ceil(plotted.length / 2) * CHART_HEIGHT + 1;
  if (plotted.length > 0) c.cell(dataRow++, 1, "The data the charts plot", SECTION);
  return plotted.map((p, at) => {
    const top = dataRow;
    c.row(dataRow++, 1, [p.title, p.header, "Interval below", "Interval above"], HEADER);
    p.sides.forEach((side, i) =>
      c.row(
        dataRow++,
        1,
        [labels[i] ?? "", side.value, side.below, side.above],
        [undefined, p.style, p.style, p.style],
      ),
    );
    dataRow += 1;
    const chartTop = firstChartRow + Math.floor(at / 2) * CHART_HEIGHT;
    const left = 1 + (at % 2) * (CHART_WIDTH + 1);
    return {
      type: "columnClustered",
      title: p.title,
      dataRange: `${cellAddress(top, 1)}:${cellAddress(top + 2, 2)}`,
      anchor: {
        from: cellAddress(chartTop, left),
        to: cellAddress(chartTop + CHART_HEIGHT - 1, left + CHART_WIDTH),
      },
      errorBars: {
        minus: `${cellAddress(top + 1, 3)}:${cellAddress(top + 2, 3)}`,
        plus: `${cellAddress(top + 1, 4)}:${cellAddress(top + 2, 4)}`,
      },
    };
  });
}

interface PlottedSide {
  value: number;
  /** Value minus the interval's low end; 0 when there is no interval (too few cases for one). */
  below: number;
  above: number;
}

function plottedSide(value: number, interval: Interval | null): PlottedSide {
  return {
    value,
    below: interval === null ? 0 : value - interval.low,
    above: interval === null ? 0 : interval.high - value,
  };
}

/** A period's on-time share: "no history" where the Tracker history does not cover it (never 0%), "–" with no cases. */
/** A count of one period; "–" where the Tracker history does not cover it, never a false 0 of n. */
function shownCount(
  s: ShareComparison,
  side: "before" | "after",
  count: "onTime" | "cohort" | "noInformation",
): ModelValue {
  return s.coverage?.[side] === false ? "–" : s[side][count];
}

function shownShare(s: ShareComparison, side: "before" | "after"): ModelValue {
  if (s.coverage?.[side] === false) return "no history";
  return s[side].cohort === 0 ? "–" : s[side].onTime / s[side].cohort;
}
