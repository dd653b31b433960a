import { DEFAULT_PROFILE } from "./defaultProfile";
import { normaliseHeader } from "./TrackerProfile";
import { codeListNamed } from "./codeLists";
import { REFRESHED_COLUMNS } from "../ssda903/proposeRefresh";
import { profileSheet } from "./TrackerProfile";

describe("the default profile", () => {
  it("covers the six sheets of the joint tracker", () => {
    expect(DEFAULT_PROFILE.sheets.map((s) => s.title)).toEqual([
      "Joint Tracker",
      "PLO Tracker",
      "Recruitment & Assessment",
      "Fostering Support",
      "Family Finding",
      "Connected Persons",
    ]);
  });

  it.each(DEFAULT_PROFILE.sheets.map((s) => [s.title, s] as const))(
    "gives %s unique keys, unique headers and real id, worker and exit columns",
    (_title, sheet) => {
      const keys = sheet.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      const titles = sheet.columns.map((c) => normaliseHeader(c.title));
      expect(new Set(titles).size).toBe(titles.length);
      for (const key of [sheet.idColumn, sheet.workerColumn, sheet.exitColumn].filter(Boolean)) {
        expect(keys).toContain(key);
      }
      for (const column of sheet.columns.filter((c) => c.type === "code")) {
        expect(codeListNamed(column.codeList ?? "")).toBeDefined();
      }
    },
  );

  it("reads LAC wording and punctuation as the same header", () => {
    expect(normaliseHeader("D.O.B.")).toBe(normaliseHeader("dob"));
    expect(normaliseHeader(" Date Became Looked-After ")).toBe(normaliseHeader("date became looked after"));
  });

  it("marks as held by the case system every column the SSDA903 refresh fills", () => {
    const jointTracker = profileSheet(DEFAULT_PROFILE, "jointTracker");
    // The child ID comes from the system too, but refresh matches rows by it rather than filling it.
    const caseSystem =
      jointTracker?.columns
        .filter((c) => c.caseSystem && c.key !== jointTracker.idColumn)
        .map((c) => c.key) ?? [];
    expect(caseSystem.sort()).toEqual([...REFRESHED_COLUMNS].sort());
  });
});
