import { cellsOf } from "../../../test/support/modelRuns";
import { MemoryWorkbook } from "../port/MemoryWorkbook";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { DEFAULT_PROFILE } from "./defaultProfile";
import {
  buildProfileSheet,
  PROFILE_CHUNK_LENGTH,
  PROFILE_SHEET_MARKER,
  PROFILE_SHEET_NAME,
  readProfileSheet,
} from "./profileSheet";
import { TrackerProfile } from "./TrackerProfile";

/** A profile far bigger than one cell holds: an authority with very many local aliases. */
function bigProfile(): TrackerProfile {
  const aliases = Array.from({ length: 4000 }, (_, i) => `Local child reference ${i}`);
  return TrackerProfile.parse({
    ...DEFAULT_PROFILE,
    name: "Anytown tracker",
    sheets: DEFAULT_PROFILE.sheets.map((s, i) =>
      i === 0 ? { ...s, columns: s.columns.map((c, j) => (j === 0 ? { ...c, aliases } : c)) } : s,
    ),
  });
}

const stored = (values: SheetSnapshot["values"]): SheetSnapshot => ({
  name: PROFILE_SHEET_NAME,
  values,
  merges: [],
  protected: false,
});

describe("the profile sheet", () => {
  it("is a very hidden sheet with a marker, a layout version and the JSON in chunks under Excel's cell limit", () => {
    const model = buildProfileSheet(bigProfile());
    expect(model).toMatchObject({ name: "TrackerProfile", purpose: "profile", visibility: "veryHidden" });
    expect(
      cellsOf(model)
        .slice(0, 2)
        .map((c) => c.value),
    ).toEqual([PROFILE_SHEET_MARKER, 1]);
    const chunks = cellsOf(model).slice(2);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.column).toBe(1);
      expect(String(chunk.value).length).toBeLessThanOrEqual(32_767);
      expect(String(chunk.value).length).toBeLessThanOrEqual(PROFILE_CHUNK_LENGTH + 5);
    }
  });

  it("reads back the profile it stored, through a workbook", async () => {
    const profile = bigProfile();
    const workbook = new MemoryWorkbook();
    await workbook.writeSheet(buildProfileSheet(profile));
    expect(readProfileSheet(await workbook.readSheet(PROFILE_SHEET_NAME))).toEqual({ profile });
  });

  it("refuses a sheet of that name the add-in did not write, or from a newer layout", () => {
    expect(readProfileSheet(stored([["My notes"]]))).toEqual({ error: "it was not written by the add-in" });
    expect(readProfileSheet(stored([[PROFILE_SHEET_MARKER, 2], ["json:{}"]]))).toEqual({
      error: "it was saved by a newer version of the add-in (layout 2)",
    });
    expect(readProfileSheet(stored([[PROFILE_SHEET_MARKER, 1]]))).toEqual({ error: "it holds no profile" });
  });

  it("returns an error, not a throw, for edited or truncated JSON and for an invalid profile", () => {
    const values = (cells: string[]): SheetSnapshot["values"] => [
      [PROFILE_SHEET_MARKER, 1],
      ...cells.map((c) => [c]),
    ];
    expect(readProfileSheet(stored(values(['json:{"version":1,'])))).toEqual({
      error: "its text is incomplete or has been edited",
    });
    expect(readProfileSheet(stored(values(["json:{", "oops"])))).toEqual({ error: "row 3 has been edited" });
    const broken = { ...DEFAULT_PROFILE, sheets: [{ ...DEFAULT_PROFILE.sheets[0], idColumn: "Child ID" }] };
    const result = readProfileSheet(stored(values([`json:${JSON.stringify(broken)}`])));
    expect(result).toEqual({
      error: expect.stringMatching(/^it does not describe a valid profile at sheets\.0\.idColumn: /),
    });
  });
});
