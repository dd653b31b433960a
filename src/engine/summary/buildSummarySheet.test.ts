import { cellsOf } from "../../../test/support/modelRuns";
import { buildSummaryFigures } from "./buildSummaryFigures";
import { buildSummarySheets } from "./buildSummarySheet";
import { calendar, day, evaluate, table } from "../../../test/support/summaryFixtures";
import type { SheetModel } from "../port/SheetModel";
import { modelCellsOf } from "../port/modelCells";
import { parseRangeAddress } from "../tables/cellAddress";

const joint = table("jointTracker", [
  {
    childId: "A",
    becameLookedAfter: "03/03/2025",
    firstPpm: "14/03/2025",
    team: "North",
    socialWorker: "Ann",
  },
  { childId: "C", becameLookedAfter: "17/03/2025", team: "South", socialWorker: "Ann" },
]);

function sheets(period?: "month" | "quarter" | "financialYear"): SheetModel[] {
  const evaluation = evaluate([joint], "2025-04-10");
  const figures = buildSummaryFigures(evaluation, [joint], {
    month: "2025-03",
    asOf: day("2025-04-10"),
    calendar,
    period,
  });
  return buildSummarySheets(figures);
}

function textOf(model: SheetModel): string[] {
  return cellsOf(model).map((c) =>
    typeof c.value === "object" && c.value !== null ? `date:${c.value.date}` : String(c.value),
  );
}

describe("buildSummarySheets", () => {
  const [summary, data] = sheets() as [SheetModel, SheetModel];

  it("names the summary and data sheets by month, within Excel's rules", () => {
    expect(summary.name).toBe("Summary 2025-03");
    expect(summary.purpose).toBe("summary");
    expect(data.name).toBe("Summary data 2025-03");
    expect(data.purpose).toBe("summaryData");
    for (const kind of ["month", "quarter", "financialYear"] as const) {
      for (const model of sheets(kind)) {
        expect(model.name.length).toBeLessThanOrEqual(31);
        expect(model.name).not.toMatch(/[:\\/?*[\]]/);
      }
    }
    expect(sheets("financialYear")[0]?.name).toBe("Summary 2024-25");
  });

  it("writes UK dates, dashes for empty cohorts and nothing invalid", () => {
    const text = textOf(summary);
    expect(text.join("\n")).not.toMatch(/Invalid|NaN|undefined|\d{4}-\d{2}-\d{2}/);
    expect(text).toContain("Permanence tracker summary: March 2025");
    expect(text.some((t) => t.startsWith("As at 10/04/2025."))).toBe(true);
    // ppm-first in March 2025: A met (9 WD), C overdue (deadline 31/03): 1 of 2.
    expect(text).toContain("50% (1 of 2)");
    expect(text).toContain("–");
  });

  it("gives each chart a data range and anchor on the sheet, over cells that exist", () => {
    const charts = summary.charts ?? [];
    expect(charts.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        "PPMs held per quarter",
        "2nd CLA review within 4 months of BLA",
        "Permanence plan agreed by the 2nd review",
        "Enquiry to initial home visit (median working days)",
        "Application to panel (median months)",
        "Households approved per financial year",
        "Approved places: filled, vacant, not available",
      ]),
    );
    expect(charts.some((c) => c.title.startsWith("BLA to 1st PPM"))).toBe(true);
    for (const chart of charts) {
      const range = parseRangeAddress(chart.dataRange);
      expect(range).toBeDefined();
      if (!range) continue;
      const header = cellsOf(summary).find((c) => c.row === range.top && c.column === range.left);
      expect(typeof header?.value).toBe("string");
    }
    const quarters = charts[0];
    expect(quarters?.dataRange).toBe("P4:Q8");
  });

  it("lists every counted row on the data sheet with a link to its tracker row", () => {
    const cells = [...modelCellsOf(data)];
    const timeliness = cells.filter((c) => c.column === 1 && c.value === "Timeliness");
    expect(timeliness.length).toBeGreaterThanOrEqual(2);
    const link = cells.find((c) => c.column === 4 && c.link);
    expect(link?.link).toEqual({
      sheet: "jointTracker sheet",
      cell: expect.stringMatching(/^A\d+$/) as string,
    });
  });
});

describe("the summary sheet's adoption scorecard block", () => {
  const familyFinding = table("familyFinding", [
    {
      childId: "A",
      permanencePlan: "Adoption",
      referral: "01/04/2024",
      shouldBePlaced: "01/04/2024",
      placementOrder: "02/09/2024",
      adm: "02/12/2024",
      placementDate: "20/01/2025",
    },
  ]);
  const tables = [joint, familyFinding];
  const figures = buildSummaryFigures(evaluate(tables, "2025-04-10"), tables, {
    month: "2025-03",
    asOf: day("2025-04-10"),
    calendar,
  });
  const [summary] = buildSummarySheets(figures) as [SheetModel];
  const rowOf = (label: string) => {
    const cell = cellsOf(summary).find((c) => c.column === 1 && c.value === label);
    // The block's own columns: chart data sits further right on the same rows.
    return cellsOf(summary)
      .filter((c) => c.row === cell?.row && c.column <= 6)
      .map((c) => c.value);
  };

  it("shows A1 and A2 as numbers against their thresholds, and no A1 for a row without a date looked after", () => {
    // The summary reads the tables as given (the status job borrows the BLA from the Joint Tracker
    // before): this Family Finding row has none, so A1 counts no child.
    expect(rowOf("A1: looked after to moving in with the adoptive family")).toEqual([
      "A1: looked after to moving in with the adoptive family",
      "–",
      0,
      "–",
      0,
      426,
    ]);
    // 02/09/2024 → 02/12/2024: 91 days.
    expect(rowOf("A2: placement order to match (match before order = 0)")).toEqual([
      "A2: placement order to match (match before order = 0)",
      91,
      1,
      91,
      1,
      121,
    ]);
  });

  it("draws A1 and A2 by quarter against their thresholds, and the matches per month", () => {
    const titles = (summary.charts ?? []).map((c) => [c.title, c.type]);
    expect(titles).toContainEqual([
      "Adoption scorecard A1 and A2 by quarter (average days) against the thresholds",
      "line",
    ]);
    expect(titles).toContainEqual(["Matches agreed by the ADM per month", "columnClustered"]);
    const chart = summary.charts?.find((c) => c.title.startsWith("Adoption scorecard"));
    const range = parseRangeAddress(chart?.dataRange ?? "");
    expect(range).toBeDefined();
    const header = cellsOf(summary)
      .filter((c) => c.row === range?.top && c.column >= (range?.left ?? 0))
      .map((c) => c.value);
    expect(header).toEqual(["Quarter", "A1 average days", "A1 threshold", "A2 average days", "A2 threshold"]);
  });
});
