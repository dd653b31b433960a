import type { CellValue } from "../cells/CellValue";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { profileSheet, type SheetKey, type SheetSpec } from "../profile/TrackerProfile";
import { mapTrackerTable } from "./mapTrackerTable";
import { cellOf } from "./TrackerTable";

const spec = (key: SheetKey): SheetSpec => {
  const found = profileSheet(DEFAULT_PROFILE, key);
  if (!found) throw new Error(`default profile has no ${key}`);
  return found;
};
const joint = spec("jointTracker");

const snapshot = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name: "LAC tracker",
  values,
  merges: [],
  protected: false,
  ...extra,
});

const lacSheet = (): SheetSnapshot =>
  snapshot(
    [
      ["Looked after children: November 2025"],
      [],
      ["LAC ID", "D.O.B.", "Date became LAC", "1st LAC review", "Allocated SW", "Favourite team"],
      ["C001", new Date(Date.UTC(2015, 0, 2)), "03/04/2024", null, "Sam Jones", "Arsenal"],
      [],
      [null, "  ", null],
      ["C002", null, new Date(Date.UTC(2024, 5, 1)), { error: "#N/A" }, "Ali Khan", null],
      ["C003", null, "TBC"],
    ],
    { merges: ["A1:F1"], hiddenRows: [7] },
  );

describe("mapTrackerTable", () => {
  it("finds LAC headers under a merged title and maps each to its key", () => {
    const { table, mapped } = mapTrackerTable(lacSheet(), joint);
    expect(table?.headerRow).toBe(3);
    expect(mapped).toEqual([
      { key: "childId", column: 1, header: "LAC ID" },
      { key: "dateOfBirth", column: 2, header: "D.O.B." },
      { key: "becameLookedAfter", column: 3, header: "Date became LAC" },
      { key: "firstReview", column: 4, header: "1st LAC review" },
      { key: "socialWorker", column: 5, header: "Allocated SW" },
    ]);
  });

  it("reads to the last used row, leaving out empty rows and keeping hidden ones", () => {
    const { table, findings } = mapTrackerTable(lacSheet(), joint);
    expect(table?.rows.map((r) => r.rowNumber)).toEqual([4, 7, 8]);
    const hidden = table?.rows[1];
    expect(hidden && cellOf(hidden, "firstReview")).toEqual({ error: "#N/A" });
    expect(hidden && cellOf(hidden, "permanencePlan")).toBeNull();
    expect(table?.rows[2]?.values).toEqual({
      childId: "C003",
      dateOfBirth: null,
      becameLookedAfter: "TBC",
      firstReview: null,
      socialWorker: null,
    });
    expect(findings.find((f) => f.code === "HIDDEN-ROWS-READ")?.message).toBe(
      '"LAC tracker" has 1 hidden row (7): they are read and checked like any other row.',
    );
  });

  it("keeps an unknown extra column and says it is not read", () => {
    const { unknownColumns, findings } = mapTrackerTable(lacSheet(), joint);
    expect(unknownColumns).toEqual([{ column: 6, header: "Favourite team" }]);
    expect(findings.filter((f) => f.code === "COLUMNS-NOT-READ")).toEqual([
      {
        code: "COLUMNS-NOT-READ",
        severity: "info",
        sheet: "LAC tracker",
        message:
          '"LAC tracker": 1 column is not used by the add-in and kept as they are: "Favourite team" (F).',
      },
    ]);
  });

  it("says which columns it read by their closest name", () => {
    const { findings } = mapTrackerTable(lacSheet(), joint);
    expect(findings.filter((f) => f.code === "COLUMN-GUESSED").map((f) => [f.cell, f.message])).toEqual([
      [
        "A3",
        '"LAC tracker": column A "LAC ID" is read as "Child ID" (closest match). Rename the header or remap the column in the pane if that is wrong.',
      ],
    ]);
  });

  it("suggests the closest header for a missing required column instead of guessing a misspelt one", () => {
    const sheet = snapshot([
      ["Child ID", "Name", "Date into kare", "Colour"],
      ["C001", "A.B.", "03/04/2024", "blue"],
    ]);
    const mapping = mapTrackerTable(sheet, joint);
    expect(mapping.missingRequired).toEqual([
      {
        key: "becameLookedAfter",
        title: "Date became looked after",
        suggestion: "Date into kare",
        suggestionColumn: 3,
      },
    ]);
    expect(mapping.unknownColumns.map((u) => u.header)).toEqual(["Date into kare", "Colour"]);
    expect(mapping.findings.find((f) => f.code === "REQUIRED-COLUMN-MISSING")).toEqual({
      code: "REQUIRED-COLUMN-MISSING",
      severity: "error",
      sheet: "LAC tracker",
      cell: "C1",
      message:
        '"LAC tracker" has no "Date became looked after" column, which every Joint Tracker row needs. ' +
        'The closest header is "Date into kare" in column C: rename it to "Date became looked after" or map it in the pane if it holds this.',
    });
    expect(mapping.table?.rows).toHaveLength(1);
  });

  it("offers no suggestion when no unread header is close", () => {
    const mapping = mapTrackerTable(snapshot([["Child ID", "Name", "Shoe size"]]), joint);
    expect(mapping.missingRequired).toEqual([
      { key: "becameLookedAfter", title: "Date became looked after" },
    ]);
  });

  it("reads the first of two identical headers and warns about the second", () => {
    const sheet = snapshot([
      ["Child ID", "BLA", "1st PPM", "1st PPM"],
      ["C001", "03/04/2024", "01/05/2024", "02/05/2024"],
    ]);
    const mapping = mapTrackerTable(sheet, joint);
    expect(mapping.mapped.map((m) => [m.key, m.column])).toEqual([
      ["childId", 1],
      ["becameLookedAfter", 2],
      ["firstPpm", 3],
    ]);
    expect(mapping.unknownColumns).toEqual([{ column: 4, header: "1st PPM" }]);
    expect(mapping.findings.find((f) => f.code === "DUPLICATE-HEADER")?.message).toBe(
      '"LAC tracker" has 2 columns headed "1st PPM" (C, D): only column C is read. Rename the others if they hold something else.',
    );
  });

  it("gives a header two columns share to the one the rest of the sheet leaves free", () => {
    // "Child" is an alias of both the child's ID (the SSDA903 field CHILD) and their name.
    const withId = mapTrackerTable(snapshot([["Child", "LCS ID", "BLA"]]), joint).mapped;
    expect(withId.map((m) => [m.header, m.key])).toEqual([
      ["Child", "childName"],
      ["LCS ID", "childId"],
      ["BLA", "becameLookedAfter"],
    ]);
  });

  it("reads a wordier header by the names it contains and leaves an ambiguous one unread", () => {
    const mapping = mapTrackerTable(
      snapshot([["Child ID", "Child name", "Date of 1st LAC review", "Date", "Review", "BLA"]]),
      joint,
    );
    expect(mapping.mapped.map((m) => [m.header, m.key])).toEqual([
      ["Child ID", "childId"],
      ["Child name", "childName"],
      ["Date of 1st LAC review", "firstReview"],
      ["BLA", "becameLookedAfter"],
    ]);
    expect(mapping.unknownColumns.map((u) => u.header)).toEqual(["Date", "Review"]);
  });

  it("reports a sheet with no header row, and one that is empty, without a table", () => {
    const noHeader = mapTrackerTable(
      snapshot([[], ["C001", "A.B.", "03/04/2024"], ["C002", "C.D.", "04/04/2024"]]),
      joint,
    );
    expect(noHeader.table).toBeUndefined();
    expect(noHeader.findings).toEqual([
      {
        code: "HEADER-NOT-FOUND",
        severity: "error",
        sheet: "LAC tracker",
        message:
          'No header row found in the first 20 rows of "LAC tracker": no row has two or more Joint Tracker headers such as "Child ID" and "Date became looked after". Add the headers or map the columns in the pane.',
      },
    ]);
    const empty = mapTrackerTable(snapshot([[], [null, ""]]), joint);
    expect(empty.table).toBeUndefined();
    expect(empty.findings.map((f) => f.code)).toEqual(["SHEET-EMPTY"]);
  });

  it("does not take a title merged across the columns for a header, even when it names a column", () => {
    const sheet = snapshot(
      [["Child ID"], ["Notes: team A"], ["Child ID", "BLA", "Team"], ["C001", "03/04/2024", "A"]],
      { merges: ["A1:C1"] },
    );
    expect(mapTrackerTable(sheet, joint).table?.headerRow).toBe(3);
  });

  it("warns about merged cells inside the table", () => {
    const sheet = snapshot(
      [
        ["Child ID", "BLA", "Team"],
        ["C001", "03/04/2024", "A"],
      ],
      { merges: ["B2:C2"] },
    );
    expect(mapTrackerTable(sheet, joint).findings.find((f) => f.code === "MERGED-CELLS-IN-TABLE")?.cell).toBe(
      "B2:C2",
    );
  });

  it("maps households on the recruitment sheet by the same rules", () => {
    const sheet = snapshot([
      ["Household ref", "Applicants", "Enquiry date", "IHV", "Stage 2"],
      ["H1", "Smith", "01/02/2025", "10/02/2025", null],
    ]);
    const mapping = mapTrackerTable(sheet, spec("recruitment"));
    expect(mapping.mapped.map((m) => m.key)).toEqual([
      "householdId",
      "householdName",
      "enquiry",
      "ihv",
      "stage2Start",
    ]);
    expect(mapping.missingRequired).toEqual([]);
  });
});
