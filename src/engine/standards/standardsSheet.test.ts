import type { CellValue } from "../cells/CellValue";
import { MemoryWorkbook } from "../port/MemoryWorkbook";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { buildStandardsSheet } from "./buildStandardsSheet";
import { DEFAULT_STANDARDS } from "./defaultStandards";
import { readStandardsSheet } from "./readStandardsSheet";
import { STANDARDS_HEADER_ROW } from "./standardsSheetColumns";

async function writtenStandardsSheet(): Promise<SheetSnapshot> {
  const workbook = new MemoryWorkbook();
  await workbook.writeSheet(buildStandardsSheet(DEFAULT_STANDARDS));
  return workbook.readSheet("Standards");
}

/** Edits one cell of a snapshot by the row's ID and the column's header. */
function edit(snapshot: SheetSnapshot, id: string, header: string, value: CellValue): SheetSnapshot {
  const headers = snapshot.values[STANDARDS_HEADER_ROW - 1] ?? [];
  const column = headers.indexOf(header);
  const row = snapshot.values.find((r) => r[0] === id);
  if (column < 0 || !row) throw new Error(`no ${header} for ${id}`);
  row[column] = value;
  return snapshot;
}

function addRow(snapshot: SheetSnapshot, cells: Record<string, CellValue>): SheetSnapshot {
  const headers = snapshot.values[STANDARDS_HEADER_ROW - 1] ?? [];
  snapshot.values.push(headers.map((h) => cells[String(h)] ?? null));
  return snapshot;
}

describe("the Standards sheet", () => {
  it("reads back exactly the standards it was built from", async () => {
    const read = readStandardsSheet(await writtenStandardsSheet(), DEFAULT_STANDARDS);
    expect(read.findings).toEqual([]);
    expect(read.standards).toEqual(DEFAULT_STANDARDS);
  });

  it("shows one readable row per standard under the header", async () => {
    const snapshot = await writtenStandardsSheet();
    expect(snapshot.values[STANDARDS_HEADER_ROW - 1]?.slice(0, 8)).toEqual([
      "ID",
      "Title",
      "Sheet",
      "Start",
      "Start kind",
      "End",
      "Limit",
      "Unit",
    ]);
    const tsd = snapshot.values.find((r) => r[0] === "fc-tsd");
    expect(tsd).toContain("Fostering Support");
    expect(tsd).toContain("18 months when carerType in FAMILY_AND_FRIENDS");
    expect(tsd).toContain("months");
  });

  it("shows the adoption scorecard standards with their end variants, early end and basis", async () => {
    const snapshot = await writtenStandardsSheet();
    const header = snapshot.values[STANDARDS_HEADER_ROW - 1] ?? [];
    const a1 = snapshot.values.find((r) => r[0] === "ff-placed-a1") ?? [];
    const a2 = snapshot.values.find((r) => r[0] === "ff-match-a2") ?? [];
    expect(a1[header.indexOf("End")]).toBe(
      "placementDate; fosterPlacementStart when adoptedByFosterCarers in YES; fosterPlacementStart when placementType in A3, A5",
    );
    expect(a1[header.indexOf("Basis")]).toBe("SCORECARD");
    expect(a2[header.indexOf("End before start")]).toBe("met");
    expect(a1[header.indexOf("End before start")]).toBe("");
  });

  it("reads a manager's end variant and refuses an early end rule it cannot read", async () => {
    const snapshot = edit(
      await writtenStandardsSheet(),
      "ff-placed-a1",
      "End",
      "placementDate; fosterPlacementStart when adoptedByFosterCarers in YES",
    );
    edit(snapshot, "ff-profile", "End before start", "sometimes");
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    const a1 = read.standards.find((s) => s.id === "ff-placed-a1");
    expect(a1?.endVariants).toEqual([
      { end: "fosterPlacementStart", when: { column: "adoptedByFosterCarers", in: ["YES"] } },
    ]);
    expect(read.findings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /\(ff-profile\) cannot be read: End before start must be “met” or blank/,
        ),
      }),
    ]);
  });

  it("lets a manager change a limit and switch a local target off", async () => {
    const snapshot = edit(await writtenStandardsSheet(), "ppm-first", "Limit", 15);
    edit(snapshot, "fc-supervision", "On", "no");
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    expect(read.findings).toEqual([]);
    expect(read.standards.find((s) => s.id === "ppm-first")?.limit).toEqual({ n: 15, unit: "workingDays" });
    expect(read.standards.find((s) => s.id === "fc-supervision")?.enabled).toBe(false);
  });

  it("adds a local standard from a new row over mapped columns", async () => {
    const snapshot = addRow(await writtenStandardsSheet(), {
      ID: "placement-plan",
      Title: "Placement plan",
      Sheet: "Joint Tracker",
      Start: "placementStart",
      "Start kind": "event",
      End: "planAgreed",
      Limit: 5,
      Unit: "working days",
      Basis: "STAT",
      Source: "CPPCR 2010 reg 9",
      On: "yes",
    });
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    expect(read.findings).toEqual([]);
    expect(read.standards.find((s) => s.id === "placement-plan")).toMatchObject({
      sheet: "jointTracker",
      start: ["placementStart"],
      limit: { n: 5, unit: "workingDays" },
      amberWorkingDays: 5,
    });
  });

  it("reports a row it cannot read, says what is wrong and uses the default", async () => {
    const snapshot = edit(await writtenStandardsSheet(), "cla-review-1", "Unit", "fortnights");
    edit(snapshot, "cla-review-2", "Basis", "LAW");
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    expect(read.standards).toEqual(DEFAULT_STANDARDS);
    expect(read.findings).toEqual([
      expect.objectContaining({
        row: STANDARDS_HEADER_ROW + 1,
        message: expect.stringMatching(
          /^Row 5 \(cla-review-1\) cannot be read: “fortnights” is not a unit .*: the default is used\.$/,
        ),
      }),
      expect.objectContaining({
        row: STANDARDS_HEADER_ROW + 2,
        message: expect.stringMatching(
          /^Row 6 \(cla-review-2\) cannot be read: Basis \(STAT, SG, NMS, SCORECARD or LOCAL\): .*the default is used\.$/,
        ),
      }),
    ]);
  });

  it("does not use a new row naming a column the sheet does not have", async () => {
    const snapshot = addRow(await writtenStandardsSheet(), {
      ID: "local-visit",
      Title: "Visit",
      Sheet: "Joint Tracker",
      Start: "lastVisit",
      "Start kind": "event",
      Limit: 6,
      Unit: "weeks",
      Basis: "LOCAL",
      Source: "local",
    });
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    expect(read.standards.some((s) => s.id === "local-visit")).toBe(false);
    expect(read.findings[0]?.message).toMatch(
      /“lastVisit” is not a column of the Joint Tracker sheet: the row is not used\.$/,
    );
  });

  it("keeps a default that has no row and a row due by a standard that does not exist falls back", async () => {
    const snapshot = await writtenStandardsSheet();
    snapshot.values = snapshot.values.filter((r) => r[0] !== "fc-dbs");
    edit(snapshot, "permanence-plan", "Due by", "cla-review-9");
    const read = readStandardsSheet(snapshot, DEFAULT_STANDARDS);
    expect(read.standards.map((s) => s.id).sort()).toEqual(DEFAULT_STANDARDS.map((s) => s.id).sort());
    expect(read.standards.find((s) => s.id === "permanence-plan")?.by).toBe("cla-review-2");
    expect(read.findings.map((f) => f.severity)).toEqual(["info", "warning"]);
  });

  it("uses the defaults when the sheet has no header row", () => {
    const read = readStandardsSheet(
      { name: "Standards", values: [["nothing here"]], merges: [], protected: false },
      DEFAULT_STANDARDS,
    );
    expect(read.standards).toEqual(DEFAULT_STANDARDS);
    expect(read.findings).toHaveLength(1);
  });
});
