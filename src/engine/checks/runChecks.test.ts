import type { SheetKey } from "../profile/TrackerProfile";
import { ALL_CHECKS, registerChecks } from "./allChecks";
import { CHECK_MESSAGES } from "./checkMessages";
import { VALID_ROWS, tableWith, testContext } from "../../../test/support/checkFixtures";
import { DataQualityIssue } from "./DataQualityIssue";
import { dateInvalid } from "./dateInvalid";
import { defineCheck } from "./defineCheck";
import { duplicateEpisode } from "./duplicateEpisode";
import { runChecks, runChecksReporting } from "./runChecks";
import { trackerTableOf } from "../../../test/support/trackerTableOf";

/** A check with a bug: it throws whatever it is given. */
const broken = defineCheck({
  code: "TEST-BROKEN",
  severity: "error",
  title: "Broken on purpose",
  reads: [],
  check: () => {
    throw new Error("bug");
  },
});

describe("runChecks", () => {
  it("finds nothing on a valid row of every sheet", () => {
    const tables = (Object.keys(VALID_ROWS) as SheetKey[]).map((key) =>
      tableWith(key, {}, { ...VALID_ROWS[key], ...idOf(key) }),
    );
    expect(runChecks(tables, testContext())).toEqual([]);
  });

  it("locates, words and types an issue in full", () => {
    const issues = runChecks([tableWith("jointTracker", { firstReview: "31/02/2024" })], testContext(), [
      dateInvalid,
    ]);
    expect(issues).toEqual([
      {
        sheet: "Joint Tracker",
        cell: "K2",
        row: 2,
        column: "firstReview",
        severity: "error",
        code: "DATE-INVALID",
        message: "1st CLA review: “31/02/2024” is not a valid date: there is no 31 February 2024",
      },
    ]);
    expect(DataQualityIssue.array().safeParse(issues).success).toBe(true);
  });

  it("records a check that throws as one CHECK-FAILED issue and still runs the others", () => {
    const issues = runChecks([tableWith("jointTracker", { firstReview: "soon" })], testContext(), [
      broken,
      dateInvalid,
    ]);
    expect(issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["CHECK-FAILED", "A1", "warning"],
      ["DATE-INVALID", "K2", "error"],
    ]);
    expect(issues[0]?.message).toMatch(/“Broken on purpose” could not run/);
  });

  it("skips a check whose columns the sheet does not have", () => {
    const table = trackerTableOf(
      "jointTracker",
      [
        { childId: "C1", becameLookedAfter: 45000 },
        { childId: "C1", becameLookedAfter: 45000 },
      ],
      {
        columns: ["becameLookedAfter"],
      },
    );
    expect(runChecks([table], testContext(), [duplicateEpisode])).toEqual([]);
  });

  it("reports a skipped check with the title of each column its sheet lacks", () => {
    const table = trackerTableOf("jointTracker", [{ becameLookedAfter: 45000 }], {
      columns: ["becameLookedAfter"],
    });
    expect(runChecksReporting([table], testContext(), [duplicateEpisode, dateInvalid]).checks).toEqual({
      ran: [{ code: "DATE-INVALID", title: dateInvalid.title, sheet: "Joint Tracker", problems: 0 }],
      skipped: [
        {
          code: "JT-DUPLICATE-EPISODE",
          title: "Same child and episode on two rows",
          sheet: "Joint Tracker",
          missingColumns: ["Child ID"],
        },
      ],
      failed: [],
    });
  });

  it("reports a check that throws as failed, and how many problems each other check found", () => {
    const run = runChecksReporting(
      [tableWith("jointTracker", { firstReview: "soon" }, { latestPpm: "never" })],
      testContext(),
      [broken, dateInvalid],
    );
    expect(run.checks.failed).toEqual([
      { code: "TEST-BROKEN", title: "Broken on purpose", sheet: "Joint Tracker" },
    ]);
    expect(run.checks.ran).toEqual([
      { code: "DATE-INVALID", title: dateInvalid.title, sheet: "Joint Tracker", problems: 2 },
    ]);
    expect(run.issues.map((i) => i.code)).toEqual(["CHECK-FAILED", "DATE-INVALID", "DATE-INVALID"]);
  });

  it("reports every check of the registry as run, once a sheet it is meant for, on a tracker with every column", () => {
    const tables = (Object.keys(VALID_ROWS) as SheetKey[]).map((key) => tableWith(key, {}));
    const { checks } = runChecksReporting(tables, testContext());
    expect(checks.skipped).toEqual([]);
    expect(checks.failed).toEqual([]);
    const ranOn = checks.ran.map((r) => `${r.code} on ${r.sheet}`);
    expect(new Set(ranOn).size).toBe(ranOn.length);
    // A check reading a column a sheet is not meant to have is not for that sheet: neither run nor skipped.
    expect(ranOn.filter((r) => r.startsWith("DATE-BEFORE-BIRTH "))).toEqual([
      "DATE-BEFORE-BIRTH on Joint Tracker",
    ]);
    expect(new Set(checks.ran.map((r) => r.code))).toEqual(new Set(ALL_CHECKS.map((c) => c.code)));
  });

  it("sorts issues by row, then column", () => {
    const table = tableWith("jointTracker", { latestPpm: "x?", firstReview: "nope" }, { childId: null });
    expect(runChecks([table], testContext()).map((i) => i.cell)).toEqual(["K2", "O2", "A3"]);
  });
});

describe("the registry", () => {
  it("rejects two checks with one code", () => {
    expect(() => registerChecks([dateInvalid, dateInvalid])).toThrow(/share the code DATE-INVALID/);
  });

  it("has wording for every check's code", () => {
    expect(ALL_CHECKS.filter((c) => CHECK_MESSAGES[c.code] === undefined).map((c) => c.code)).toEqual([]);
  });
});

// A second valid row needs its own ID, or the duplicate checks would fire.
function idOf(key: SheetKey): Record<string, string> {
  return key === "recruitment" || key === "fosteringSupport"
    ? { householdId: `${key}-2` }
    : { childId: `${key}-2` };
}
