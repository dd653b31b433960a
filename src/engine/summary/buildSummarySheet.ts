import { formatUkDate } from "../dates/epochDay";
import { legalSheetName } from "../sheets/outputSheetName";
import type { CellStyle, ChartModel, ModelValue, SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import { cellAddress } from "../tables/cellAddress";
import { adoptionScorecardLines, matchesChartRows, scorecardChartRows } from "./adoptionScorecardSheet";
import {
  PPM_BAND_KEYS,
  PPM_BAND_TITLES,
  percentText,
  shareOf,
  type MedianOf,
  type OnTimeCount,
  type PeriodFigures,
  type SummaryFigures,
} from "./SummaryFigures";

const HEADER: CellStyle = { bold: true, fill: "D9E1F2", border: true, wrap: true };
const SECTION: CellStyle = { bold: true, size: 12 };
const PERCENT: CellStyle = { numberFormat: "0%", horizontal: "right" };
/** Chart data sits right of the 12-month trend (columns A–M); each chart is drawn beside its block. */
const CHART_DATA_COLUMN = 16;
const CHART_COLUMN = 20;

/** The summary sheet's name for its period: "Summary 2025-03", "Summary 2025-Q1", "Summary 2024-25". */
export function summarySheetName(figures: SummaryFigures): string {
  return legalSheetName(`Summary ${figures.current.period.key}`);
}

export function summaryDataSheetName(figures: SummaryFigures): string {
  return legalSheetName(`Summary data ${figures.current.period.key}`);
}

function share(c: OnTimeCount): string {
  return c.cohort === 0 ? "–" : `${percentText(c.onTime, c.cohort)} (${c.onTime} of ${c.cohort})`;
}

/** A recurring standard's share, or "no history" for a period the Tracker history does not cover. */
function recurringShare(p: PeriodFigures, standard: string): string | undefined {
  const r = p.recurring.find((x) => x.standard === standard);
  if (r === undefined) return undefined;
  return r.covered ? share(r) : "no history";
}

/** From when each recurring standard's history runs, in one sentence. */
function historyLine(figures: SummaryFigures): string | undefined {
  if (figures.historyFrom.length === 0) return undefined;
  const known = figures.historyFrom.filter((h) => h.from !== null);
  if (known.length === 0)
    return 'Recurring standards: no Tracker history yet, so they show "no history" (the add-in records the dates the tracker overwrites each time it runs).';
  const parts = figures.historyFrom.map(
    (h) => `${h.title} from ${h.from === null ? "(no history)" : formatUkDate(h.from)}`,
  );
  return `Recurring standards count every occurrence in the Tracker history, which covers: ${parts.join("; ")}. Earlier months show "no history".`;
}

function median(m: MedianOf): ModelValue {
  return m.median === null ? "–" : m.median;
}

function ppmWithin10(p: PeriodFigures): OnTimeCount {
  const b = p.ppmBands;
  const cohort = b.upTo10 + b.from11To30 + b.from31To60 + b.over60;
  return { cohort, onTime: b.upTo10, late: cohort - b.upTo10 };
}

/** The KPI rows: what a manager compares month on month, each percentage with its denominator. */
function kpis(p: PeriodFigures): [string, string | number | null][] {
  return [
    ...p.timeliness.map((t): [string, string] => [
      `${t.title} on time${t.recurring ? " (every occurrence, from the Tracker history)" : ""}`,
      (t.recurring ? recurringShare(p, t.standard) : undefined) ?? share(t),
    ]),
    ["1st PPM within 10 working days of becoming looked after", share(ppmWithin10(p))],
    ["2nd CLA review within 4 months of becoming looked after", share(p.secondReviewWithin4Months)],
    ["Permanence plan agreed by the 2nd CLA review", share(p.planAgreedBy2ndReview)],
    ["PPMs held (every PPM date in the tracker and its history)", p.ppmsHeld],
    ["Fostering enquiries", p.enquiries],
    [
      "Enquiry to initial home visit, median working days",
      median(p.enquiryToIhvWorkingDays) as string | number,
    ],
    ["Application to panel, median months", median(p.applicationToPanelMonths) as string | number],
    ["Households approved", p.approvals],
  ];
}

/**
 * The readable, print-ready summary sheet and the data sheet listing every row each figure counts.
 * Charts are ChartModels over numeric blocks of the summary sheet; a port that cannot draw charts
 * (exceljs) still writes the blocks, so the numbers are there either way.
 */
export function buildSummarySheets(figures: SummaryFigures): SheetModel[] {
  return [buildSummarySheet(figures), buildSummaryDataSheet(figures)];
}

export function buildSummarySheet(figures: SummaryFigures): SheetModel {
  const c = new SheetRuns();
  const { current, previous } = figures;
  const name = summarySheetName(figures);
  c.cell(1, 1, `Permanence tracker summary: ${current.period.label}`, { bold: true, size: 14 });
  c.cell(
    2,
    1,
    `As at ${formatUkDate(figures.asOf)}. A standard is counted in the period its deadline falls in, on or before the as-at date; "–" means no cases.`,
    { italic: true },
  );
  const history = historyLine(figures);
  if (history !== undefined) c.cell(3, 1, history, { italic: true });

  let r = 4;
  c.cell(r++, 1, `Key figures: ${current.period.label} compared with ${previous.period.label}`, SECTION);
  c.row(r++, 1, ["Measure", current.period.shortLabel, previous.period.shortLabel], HEADER);
  const now = kpis(current);
  const before = kpis(previous);
  now.forEach(([label, value], i) => {
    c.row(r++, 1, [label, value, before[i]?.[1] ?? "–"]);
  });

  r += 1;
  c.cell(r++, 1, "12-month trend: on time (on time of cohort)", SECTION);
  c.row(r++, 1, ["Standard", ...figures.months.map((m) => m.period.shortLabel)], HEADER);
  const standardIds = current.timeliness.map((t) => t.standard);
  for (const id of standardIds) {
    const title = current.timeliness.find((t) => t.standard === id)?.title ?? id;
    c.row(r++, 1, [
      title,
      ...figures.months.map(
        (m) =>
          recurringShare(m, id) ??
          share(m.timeliness.find((t) => t.standard === id) ?? { cohort: 0, onTime: 0, late: 0 }),
      ),
    ]);
  }
  c.row(r++, 1, ["1st PPM within 10 WD of BLA", ...figures.months.map((m) => share(ppmWithin10(m)))]);
  for (const key of PPM_BAND_KEYS) {
    c.row(r++, 1, [`BLA to 1st PPM: ${PPM_BAND_TITLES[key]}`, ...figures.months.map((m) => m.ppmBands[key])]);
  }
  c.row(r++, 1, ["PPMs held", ...figures.months.map((m) => m.ppmsHeld)]);
  c.row(r++, 1, ["Enquiries", ...figures.months.map((m) => m.enquiries)]);

  r += 1;
  const groupTable = (title: string, groups: SummaryFigures["byTeam"]): void => {
    c.cell(r++, 1, title, SECTION);
    c.row(r++, 1, ["Name", "Cohort", "On time", "Late", "On time %", "Overdue now"], HEADER);
    if (groups.length === 0) c.cell(r++, 1, "No cases in the period.", { italic: true });
    for (const g of groups)
      c.row(r++, 1, [g.name, g.cohort, g.onTime, g.late, percentText(g.onTime, g.cohort), g.overdueNow]);
    r += 1;
  };
  groupTable(`By team: ${current.period.label}`, figures.byTeam);
  groupTable(`By worker: ${current.period.label}`, figures.byWorker);

  c.cell(r++, 1, `As at ${formatUkDate(figures.asOf)}`, SECTION);
  const o = figures.occupancy;
  const f = figures.inHouseFostering;
  const snapshot: [string, string][] = [
    [
      "Fill rate (children placed / approved places)",
      `${percentText(o.childrenPlaced, o.approvedPlaces)} (${o.childrenPlaced} of ${o.approvedPlaces})`,
    ],
    [
      "Vacancy rate (vacant / approved places)",
      `${percentText(o.vacantPlaces, o.approvedPlaces)} (${o.vacantPlaces} of ${o.approvedPlaces})`,
    ],
    [
      "Not-available rate (not available / approved places)",
      `${percentText(o.notAvailablePlaces, o.approvedPlaces)} (${o.notAvailablePlaces} of ${o.approvedPlaces})`,
    ],
    [
      "Open approved households counted (left out: counts unreadable)",
      `${o.households} (left out: ${o.householdsLeftOut})`,
    ],
    [
      "Foster placements U4–U6 with in-house carers (PR1 of PR1, PR4, PR5)",
      `${percentText(f.inHouse, f.inHouse + f.external)} (${f.inHouse} of ${f.inHouse + f.external}; other or no provider: ${f.otherOrUnknown})`,
    ],
    [
      "Placements in the last 12 months, mean per child looked after",
      figures.placementsLast12Months.mean === null
        ? "–"
        : `${figures.placementsLast12Months.mean} (of ${figures.placementsLast12Months.n} children)`,
    ],
  ];
  for (const [label, value] of snapshot) c.row(r++, 1, [label, value]);

  r += 1;
  for (const line of adoptionScorecardLines(figures.adoption, figures.asOf)) {
    if (line.kind === "section") c.cell(r++, 1, line.text, SECTION);
    else if (line.kind === "note") c.cell(r++, 1, line.text, { italic: true, size: 9 });
    else c.row(r++, 1, line.values, line.kind === "header" ? HEADER : undefined);
  }

  r += 1;
  c.cell(r++, 1, "Data completeness of key date columns", SECTION);
  c.row(r++, 1, ["Sheet", "Column", "Valid date", "Blank", "Not a date", "Valid %"], HEADER);
  for (const col of figures.completeness) {
    const total = col.valid + col.blank + col.invalid;
    c.row(r++, 1, [
      col.sheetName,
      col.header,
      col.valid,
      col.blank,
      col.invalid,
      percentText(col.valid, total),
    ]);
  }
  r += 1;
  c.cell(r++, 1, "No information: rows that cannot be assessed (not counted as late or on time)", SECTION);
  c.row(r++, 1, ["Standard", "Rows"], HEADER);
  for (const n of figures.noInformation) c.row(r++, 1, [n.title, n.rows]);

  const charts = chartBlocks(c, figures);
  return {
    name,
    purpose: "summary",
    runs: c.runs,
    columnWidths: {
      1: 58,
      2: 16,
      3: 16,
      4: 12,
      5: 12,
      6: 12,
      7: 12,
      8: 12,
      9: 12,
      10: 12,
      11: 12,
      12: 12,
      13: 12,
      16: 24,
      17: 14,
      18: 14,
    },
    freeze: { rows: 2, columns: 0 },
    print: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
    charts,
  };
}

/** Numeric blocks (label column, then one column per series) each chart plots, and the charts. */
function chartBlocks(c: SheetRuns, figures: SummaryFigures): ChartModel[] {
  const charts: ChartModel[] = [];
  let r = 4;
  const block = (
    title: string,
    type: ChartModel["type"],
    headers: readonly string[],
    rows: readonly (readonly ModelValue[])[],
    styles: (CellStyle | undefined)[] = [],
  ): void => {
    const top = r;
    c.row(r++, CHART_DATA_COLUMN, headers, HEADER);
    for (const values of rows) {
      c.row(r++, CHART_DATA_COLUMN, values, styles);
    }
    const last = r - 1;
    charts.push({
      type,
      title,
      dataRange: `${cellAddress(top, CHART_DATA_COLUMN)}:${cellAddress(last, CHART_DATA_COLUMN + headers.length - 1)}`,
      anchor: { from: cellAddress(top, CHART_COLUMN), to: cellAddress(top + 14, CHART_COLUMN + 7) },
    });
    r = Math.max(r, top + 16);
  };
  const pct = [undefined, PERCENT];
  block(
    "PPMs held per quarter",
    "columnClustered",
    ["Quarter", "PPMs held"],
    figures.quarters.map((q) => [q.period.shortLabel, q.ppmsHeld]),
  );
  block(
    `BLA to 1st PPM (working days): ${figures.current.period.shortLabel} vs ${figures.yearEarlier.period.shortLabel}`,
    "columnClustered",
    ["Band", figures.current.period.shortLabel, figures.yearEarlier.period.shortLabel],
    PPM_BAND_KEYS.map((k) => [
      PPM_BAND_TITLES[k],
      figures.current.ppmBands[k],
      figures.yearEarlier.ppmBands[k],
    ]),
  );
  const monthly = (
    title: string,
    header: string,
    value: (m: PeriodFigures) => number | null,
    styles?: (CellStyle | undefined)[],
  ): void =>
    block(
      title,
      "line",
      ["Month", header],
      figures.months.map((m) => [m.period.shortLabel, value(m)]),
      styles,
    );
  monthly(
    "2nd CLA review within 4 months of BLA",
    "On time",
    (m) => shareOf(m.secondReviewWithin4Months.onTime, m.secondReviewWithin4Months.cohort),
    pct,
  );
  monthly(
    "Permanence plan agreed by the 2nd review",
    "On time",
    (m) => shareOf(m.planAgreedBy2ndReview.onTime, m.planAgreedBy2ndReview.cohort),
    pct,
  );
  monthly(
    "Enquiry to initial home visit (median working days)",
    "Median WD",
    (m) => m.enquiryToIhvWorkingDays.median,
  );
  monthly("Application to panel (median months)", "Median months", (m) => m.applicationToPanelMonths.median);
  block(
    "Households approved per financial year",
    "columnClustered",
    ["Financial year", "Approved"],
    figures.financialYears.map((y) => [y.period.shortLabel, y.approvals]),
  );
  const scorecard = scorecardChartRows(figures.adoption);
  block(
    "Adoption scorecard A1 and A2 by quarter (average days) against the thresholds",
    "line",
    scorecard.headers,
    scorecard.rows,
  );
  const matches = matchesChartRows(figures.adoption);
  block("Matches agreed by the ADM per month", "columnClustered", matches.headers, matches.rows);
  const o = figures.occupancy;
  block(
    "Approved places: filled, vacant, not available",
    "pie",
    ["Places", "Number"],
    [
      ["Filled", o.childrenPlaced],
      ["Vacant", o.vacantPlaces],
      ["Not available", o.notAvailablePlaces],
    ],
  );
  return charts;
}

/** Every row each figure counts: filterable, each row linked to its tracker row. */
export function buildSummaryDataSheet(figures: SummaryFigures): SheetModel {
  const c = new SheetRuns();
  c.cell(1, 1, `Rows counted by ${summarySheetName(figures)} (as at ${formatUkDate(figures.asOf)})`, {
    bold: true,
    size: 12,
  });
  const headers = ["Figure", "Month", "Sheet", "Row", "ID", "Standard", "Status / band", "Date"];
  c.row(3, 1, headers, HEADER);
  // One run per trace row, made from the trace's columns: about 473,000 rows at 100,000 tracker rows.
  const { trace } = figures;
  for (let i = 0; i < trace.length; i++) {
    const sheet = trace.sheetName[i] as string;
    const row = trace.row[i] as number;
    const date = trace.date[i] ?? null;
    c.runs.push({
      row: 4 + i,
      column: 1,
      values: [
        trace.figure[i] as string,
        trace.month[i] as string,
        sheet,
        row,
        trace.id[i] ?? null,
        trace.standard[i] ?? null,
        trace.outcome[i] as string,
        date === null ? null : { date },
      ],
      // The Row column links to the counted row's first cell on its tracker sheet.
      link: { sheet, cell: `A${row}`, column: 4 },
    });
  }
  const r = 4 + trace.length;
  return {
    name: summaryDataSheetName(figures),
    purpose: "summaryData",
    runs: c.runs,
    columnWidths: { 1: 34, 2: 10, 3: 26, 4: 8, 5: 14, 6: 24, 7: 26, 8: 12 },
    freeze: { rows: 3, columns: 0 },
    autoFilter: `A3:H${Math.max(r - 1, 3)}`,
    print: { orientation: "landscape", fitToWidth: true, repeatRows: { first: 3, last: 3 } },
  };
}
