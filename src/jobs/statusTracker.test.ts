import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { MemoryWorkbook } from "../engine/port/MemoryWorkbook";
import { buildStandardsSheet } from "../engine/standards/buildStandardsSheet";
import { DEFAULT_STANDARDS } from "../engine/standards/defaultStandards";
import { statusTracker } from "./statusTracker";

const asOf = parseIsoDate("2022-07-01") as EpochDay;

async function workbook(): Promise<MemoryWorkbook> {
  const port = new MemoryWorkbook([
    {
      name: "Joint Tracker",
      values: [
        ["Child ID", "Social worker", "Date became looked after", "1st CLA review"],
        ["C001", "Sam Patel", "27/05/2022", "29/06/2022"],
        ["C002", "Alex Jones", "20/06/2022", null],
      ],
    },
    {
      name: "PLO Tracker",
      values: [
        ["Child ID", "Social worker", "First LPM"],
        ["P001", "Sam Patel", "01/06/2022"],
      ],
    },
  ]);
  // A Standards sheet where a manager switched the 1st PPM target off.
  const standards = DEFAULT_STANDARDS.map((s) => (s.id === "ppm-first" ? { ...s, enabled: false } : s));
  await port.writeSheet(buildStandardsSheet(standards));
  return port;
}

describe("statusTracker", () => {
  it("evaluates the workbook's own standards on every tracker sheet", async () => {
    const status = await statusTracker(await workbook(), { asOf });
    expect(status.standardsSource).toBe("workbook");
    expect(status.rows.map((r) => `${r.sheetName}:${r.rowNumber}`)).toEqual([
      "Joint Tracker:2",
      "Joint Tracker:3",
      "PLO Tracker:2",
    ]);
    const ids = status.rows[0]?.results.map((r) => r.standardId);
    expect(ids).not.toContain("ppm-first");
    expect(status.rows[0]?.results.find((r) => r.standardId === "cla-review-1")?.status).toBe("met late");
  });

  it("keeps one sheet and one worker when asked", async () => {
    const status = await statusTracker(await workbook(), {
      asOf,
      sheet: "joint tracker",
      worker: "SAM PATEL",
    });
    expect(status.rows.map((r) => r.id)).toEqual(["C001"]);
  });

  it("says when the sheet asked for is not in the workbook", async () => {
    const status = await statusTracker(await workbook(), { asOf, sheet: "Family Finding" });
    expect(status.unknownSheet).toBe("Family Finding");
    expect(status.rows).toEqual([]);
  });

  it("uses the default standards when the workbook has no Standards sheet", async () => {
    const port = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: [
          ["Child ID", "Date became looked after"],
          ["C001", "27/05/2022"],
        ],
      },
    ]);
    const status = await statusTracker(port, { asOf });
    expect(status.standardsSource).toBe("default");
    expect(status.rows[0]?.results).toHaveLength(8);
  });
});

describe("statusTracker on a Family Finding sheet with no date became looked after", () => {
  it("reads each child's from the Joint Tracker, even when only the Family Finding sheet is asked for", async () => {
    const port = new MemoryWorkbook([
      {
        name: "Joint Tracker",
        values: [
          ["Child ID", "Date became looked after", "Date permanence achieved or ceased"],
          ["C001", "18/01/2023", null],
        ],
      },
      {
        name: "Family Finding",
        values: [
          ["Child ID", "Referral", "SHOBPA", "PO date", "Moved in"],
          ["C001", "01/06/2023", "01/06/2023", "01/08/2023", "20/03/2024"],
          ["C404", "01/06/2023", "01/06/2023", null, null],
        ],
      },
    ]);
    const status = await statusTracker(port, {
      asOf: parseIsoDate("2024-06-01") as EpochDay,
      sheet: "Family Finding",
    });
    const a1 = (id: string) =>
      status.rows.find((r) => r.id === id)?.results.find((r) => r.standardId === "ff-placed-a1");
    // 18/01/2023 + 426 days = 19/03/2024: moving in on the 20th is a day late.
    expect(a1("C001")).toMatchObject({ status: "met late", start: parseIsoDate("2023-01-18") });
    // No Joint Tracker row and no column of its own: cannot be assessed, and said why.
    expect(a1("C404")).toMatchObject({
      status: "cannot assess",
      reason: { code: "required-start-missing", column: "becameLookedAfter" },
    });
    expect(status.tables[0]?.borrowed?.[0]).toMatchObject({
      key: "becameLookedAfter",
      found: 1,
      notFound: [{ rowNumber: 3, id: "C404" }],
    });
  });
});
