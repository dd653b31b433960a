import type { CellValue } from "../cells/CellValue";
import type { SheetInfo, SheetSnapshot } from "../port/WorkbookPort";
import { findTrackerSheet } from "../tables/findTrackerSheet";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import { DEFAULT_PROFILE } from "./defaultProfile";
import { aliasSheet, remapColumn, remapConflict } from "./remapColumn";
import { normaliseHeader, profileSheet, TrackerProfile, type SheetKey } from "./TrackerProfile";

const namesOf = (profile: TrackerProfile, sheet: SheetKey, key: string): string[] =>
  profileSheet(profile, sheet)?.columns.find((c) => c.key === key)?.aliases ?? [];

/** Columns of the joint tracker sheet whose aliases include the header (as headers are compared). */
const columnsNaming = (profile: TrackerProfile, header: string): string[] =>
  (profileSheet(profile, "jointTracker")?.columns ?? [])
    .filter((c) => c.aliases.some((a) => normaliseHeader(a) === normaliseHeader(header)))
    .map((c) => c.key);

const snapshot = (values: CellValue[][]): SheetSnapshot => ({
  name: "Joint Tracker",
  values,
  merges: [],
  protected: false,
});

const readAs = (profile: TrackerProfile, values: CellValue[][]): Record<string, string> => {
  const spec = profileSheet(profile, "jointTracker");
  if (!spec) throw new Error("no joint tracker sheet");
  const mapping = mapTrackerTable(snapshot(values), spec);
  return Object.fromEntries(mapping.mapped.map((m) => [m.header, m.key]));
};

describe("remapColumn", () => {
  it("adds the header as an alias of the chosen column and the result is a valid profile", () => {
    const remapped = remapColumn(DEFAULT_PROFILE, "jointTracker", "Allocated practitioner", "socialWorker");
    expect(TrackerProfile.safeParse(remapped).success).toBe(true);
    expect(namesOf(remapped, "jointTracker", "socialWorker")).toContain("Allocated practitioner");
    expect(namesOf(DEFAULT_PROFILE, "jointTracker", "socialWorker")).not.toContain("Allocated practitioner");
  });

  it("moves an alias two columns share to the chosen one only, leaving no duplicate", () => {
    // "Child" is an alias of the child's name and "CHILD" of the child's ID in the default profile.
    expect(columnsNaming(DEFAULT_PROFILE, "Child").sort()).toEqual(["childId", "childName"]);
    const remapped = remapColumn(DEFAULT_PROFILE, "jointTracker", "child", "childId");
    expect(columnsNaming(remapped, "Child")).toEqual(["childId"]);
    expect(
      namesOf(remapped, "jointTracker", "childId").filter((a) => normaliseHeader(a) === "child"),
    ).toHaveLength(1);
  });

  it("maps the header to the chosen column on the next read, whatever it was read as before", () => {
    const values: CellValue[][] = [
      ["Child ID", "Date became looked after", "Worker", "Key worker"],
      ["C1", "01/02/2025", "Ann Smith", "Bob Jones"],
    ];
    expect(readAs(DEFAULT_PROFILE, values)["Key worker"]).toBeUndefined();
    expect(readAs(DEFAULT_PROFILE, values).Worker).toBe("socialWorker");
    const remapped = remapColumn(
      remapColumn(DEFAULT_PROFILE, "jointTracker", "Worker", null),
      "jointTracker",
      "Key worker",
      "socialWorker",
    );
    const read = readAs(remapped, values);
    expect(read["Key worker"]).toBe("socialWorker");
    expect(read.Worker).toBeUndefined();
  });

  it("takes a header off every column of the sheet when it is to be read as nothing", () => {
    const remapped = remapColumn(DEFAULT_PROFILE, "jointTracker", "Child", null);
    expect(columnsNaming(remapped, "Child")).toEqual([]);
    expect(TrackerProfile.safeParse(remapped).success).toBe(true);
  });

  it("leaves the other sheets' aliases alone", () => {
    const remapped = remapColumn(DEFAULT_PROFILE, "jointTracker", "ID", null);
    expect(remapped.sheets.filter((s) => s.key !== "jointTracker")).toEqual(
      DEFAULT_PROFILE.sheets.filter((s) => s.key !== "jointTracker"),
    );
    expect(namesOf(remapped, "recruitment", "householdId").length).toBe(
      namesOf(DEFAULT_PROFILE, "recruitment", "householdId").length,
    );
  });

  it("does not add a column's own title as its alias, nor a header it already has", () => {
    const byTitle = remapColumn(DEFAULT_PROFILE, "jointTracker", "Social Worker", "socialWorker");
    // The title reads the column already: an alias repeating it (as the default's has) is dropped.
    expect(namesOf(byTitle, "jointTracker", "socialWorker")).toEqual(
      namesOf(DEFAULT_PROFILE, "jointTracker", "socialWorker").filter((a) => a !== "Social worker"),
    );
    const twice = remapColumn(
      remapColumn(DEFAULT_PROFILE, "jointTracker", "Key worker", "socialWorker"),
      "jointTracker",
      "KEY  WORKER",
      "socialWorker",
    );
    expect(columnsNaming(twice, "key worker")).toEqual(["socialWorker"]);
    expect(namesOf(twice, "jointTracker", "socialWorker").at(-1)).toBe("KEY WORKER");
  });

  it("refuses a column the sheet does not have", () => {
    expect(() => remapColumn(DEFAULT_PROFILE, "jointTracker", "X", "householdName")).toThrow(RangeError);
  });
});

describe("remapConflict", () => {
  it("says a header that is another column's title has to be renamed, and lets everything else through", () => {
    expect(remapConflict(DEFAULT_PROFILE, "jointTracker", "Key worker", "socialWorker")).toBeUndefined();
    expect(remapConflict(DEFAULT_PROFILE, "jointTracker", "Social worker", "socialWorker")).toBeUndefined();
    expect(remapConflict(DEFAULT_PROFILE, "jointTracker", "Social worker", "teamManager")).toBe(
      "“Social worker” is the add-in's own header for “Social worker”: rename it in the sheet for it to be read as “Team manager”.",
    );
    expect(remapConflict(DEFAULT_PROFILE, "jointTracker", "TEAM", null)).toMatch(/not to be read\.$/);
  });
});

describe("aliasSheet", () => {
  const sheets = (...names: string[]): SheetInfo[] =>
    names.map((name) => ({ name, visibility: "visible", protected: false }) as SheetInfo);

  it("makes the next read find a worksheet by its own name, and no other sheet claims it", () => {
    const spec = (p: TrackerProfile, key: SheetKey) => profileSheet(p, key) ?? DEFAULT_PROFILE.sheets[0]!;
    expect(findTrackerSheet(sheets("Kids 2026"), spec(DEFAULT_PROFILE, "jointTracker"))).toBeUndefined();
    const once = aliasSheet(DEFAULT_PROFILE, "ploTracker", "Kids 2026");
    const moved = aliasSheet(once, "jointTracker", "Kids 2026");
    expect(TrackerProfile.safeParse(moved).success).toBe(true);
    expect(findTrackerSheet(sheets("Kids 2026"), spec(moved, "jointTracker"))?.name).toBe("Kids 2026");
    expect(findTrackerSheet(sheets("Kids 2026"), spec(moved, "ploTracker"))).toBeUndefined();
  });
});
