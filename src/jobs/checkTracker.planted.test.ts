import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coerceCellDate } from "../engine/cells/coerceCellDate";
import { parseIsoDate, type EpochDay } from "../engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../engine/profile/defaultProfile";
import { generateSampleTracker } from "../engine/sample/generateSampleTracker";
import type { PlantedProblem } from "../engine/sample/SampleTracker";
import { parseCellAddress } from "../engine/tables/cellAddress";
import { XlsxWorkbook } from "../xlsx/XlsxWorkbook";
import { writeSampleWorkbook } from "../xlsx/writeSampleWorkbook";
import { checkTracker, type CheckTrackerResult } from "./checkTracker";

/*
 * The messy sample plants the problems real trackers have and says where. Checking the sample as a
 * user would (a real .xlsx through the .xlsx port) must find every one of them at its cell, and must
 * never call a valid date invalid.
 */

const AS_OF = parseIsoDate("2026-11-24") as EpochDay;
const sample = generateSampleTracker({ children: 400, seed: 11, asOf: AS_OF });
const input = join(mkdtempSync(join(tmpdir(), "planted-")), "messy.xlsx");
let result: CheckTrackerResult;

beforeAll(async () => {
  await writeSampleWorkbook(sample, input);
  result = await checkTracker(await XlsxWorkbook.load(input), { asOf: AS_OF });
});

/** The issue codes that report each kind of planted problem in its cell. */
const CODES_FOR: Record<PlantedProblem["kind"], readonly string[]> = {
  "text-date": ["DATE-AS-TEXT", "DATE-AMBIGUOUS"],
  placeholder: ["DATE-PLACEHOLDER"],
  "impossible-date": ["DATE-INVALID"],
  "month-first-date": ["DATE-MONTH-FIRST"],
  "worker-name-variant": ["WORKER-NAME-VARIANTS"],
  "ppm-before-bla": ["JT-PPM-BEFORE-BLA"],
  "second-review-before-first": ["JT-REVIEW2-BEFORE-REVIEW1"],
  "duplicate-child-id": ["JT-DUPLICATE-EPISODE", "JT-CHILD-OPEN-TWICE"],
  "event-after-exit": ["EVENT-AFTER-EXIT"],
  "placed-above-approved": ["FS-PLACED-ABOVE-APPROVED", "FS-PLACES-EXCEED-APPROVED"],
  "unknown-legal-status": ["CODE-UNKNOWN"],
  // Layout, not cells: the table is still found under the title row and its LAC headers mapped.
  "title-row": [],
  "lac-header": [],
};

const LAYOUT_KINDS = new Set<PlantedProblem["kind"]>(["title-row", "lac-header"]);

describe("checking the messy sample tracker", () => {
  it("plants every kind of problem (so this test means something)", () => {
    expect(new Set(sample.planted.map((p) => p.kind)).size).toBe(Object.keys(CODES_FOR).length);
  });

  it("finds every planted problem in its cell", () => {
    const missed = sample.planted
      .filter((p) => !LAYOUT_KINDS.has(p.kind))
      .filter(
        (p) =>
          !result.issues.some(
            (issue) =>
              issue.sheet === p.sheet &&
              issue.row === p.row &&
              (p.column === null || issue.column === p.column) &&
              CODES_FOR[p.kind].includes(issue.code),
          ),
      )
      .map((p) => `${p.sheet} row ${p.row} ${p.column ?? ""}: ${p.kind} “${p.text}”`);
    expect(missed).toEqual([]);
  });

  it("reads the tables under a title row and with LAC wording", () => {
    for (const p of sample.planted.filter((x) => LAYOUT_KINDS.has(x.kind))) {
      const table = result.tables.find((t) => t.sheetName === p.sheet);
      const spec = DEFAULT_PROFILE.sheets.find((s) => s.key === table?.sheetKey);
      const sheet = sample.sheets.find((s) => s.name === p.sheet);
      expect({ sheet: p.sheet, headerRow: table?.headerRow }).toEqual({
        sheet: p.sheet,
        headerRow: sheet?.headerRow,
      });
      const required = spec?.columns.filter((c) => c.required).map((c) => c.key) ?? [];
      expect(table?.columns.map((c) => c.key)).toEqual(expect.arrayContaining(required));
    }
  });

  it("never calls a valid date invalid", () => {
    const invalidCodes = new Set(["DATE-INVALID", "DATE-MONTH-FIRST", "DATE-OUT-OF-RANGE"]);
    const plantedCells = new Set(sample.planted.map((p) => `${p.sheet}!${p.row}!${p.column ?? ""}`));
    const wrongly = result.issues
      .filter((issue) => invalidCodes.has(issue.code))
      .filter((issue) => !plantedCells.has(`${issue.sheet}!${issue.row}!${issue.column ?? ""}`))
      .filter((issue) => {
        // A cell flagged invalid that is in fact a date is a false alarm.
        const sheet = sample.sheets.find((s) => s.name === issue.sheet);
        const column = parseCellAddress(issue.cell)?.column ?? 0;
        const value = sheet?.values[issue.row - 1]?.[column - 1] ?? null;
        return coerceCellDate(value).kind === "date";
      })
      .map((issue) => `${issue.sheet}!${issue.cell} ${issue.code}`);
    expect(wrongly).toEqual([]);
  });
});
