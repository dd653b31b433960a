import { cellFormulaError } from "./cellFormulaError";
import { isoDay, serial, tableWith } from "../../../test/support/checkFixtures";
import { findingsOf } from "../../../test/support/checkFixtures";
import { dateAmbiguous } from "./dateAmbiguous";
import { dateAsText } from "./dateAsText";
import { dateBefore1990 } from "./dateBefore1990";
import { dateBeforeBirth } from "./dateBeforeBirth";
import { dateInFuture } from "./dateInFuture";
import { dateInvalid } from "./dateInvalid";
import { dateMonthFirst } from "./dateMonthFirst";
import { dateOutOfRange } from "./dateOutOfRange";
import { datePlaceholder } from "./datePlaceholder";
import { runChecks } from "./runChecks";
import { testContext } from "../../../test/support/checkFixtures";

const valid = tableWith("jointTracker", {});

describe("the date cell checks", () => {
  it("report text that is no date, naming the text", () => {
    expect(findingsOf(dateInvalid, tableWith("jointTracker", { firstPpm: "next week" }))).toEqual([
      ["DATE-INVALID", "N2", "1st PPM: “next week” is not a date (type it as dd/mm/yyyy)"],
    ]);
    expect(findingsOf(dateInvalid, tableWith("jointTracker", { firstPpm: true }))).toHaveLength(1);
    expect(findingsOf(dateInvalid, valid)).toEqual([]);
  });

  it("report month-first text with the date it probably meant, as a suggestion", () => {
    const issues = runChecks([tableWith("jointTracker", { firstReview: "12/31/2024" })], testContext(), [
      dateMonthFirst,
    ]);
    expect(issues.map((i) => [i.code, i.cell, i.message, i.suggestedFix?.text])).toEqual([
      [
        "DATE-MONTH-FIRST",
        "K2",
        "1st CLA review: “12/31/2024” looks month-first (US style); did you mean 31/12/2024? Check and retype it",
        "31/12/2024",
      ],
    ]);
    expect(findingsOf(dateMonthFirst, valid)).toEqual([]);
  });

  it("report a year outside 1900–2100", () => {
    expect(findingsOf(dateOutOfRange, tableWith("jointTracker", { firstReview: "03/04/2202" }))).toEqual([
      ["DATE-OUT-OF-RANGE", "K2", "1st CLA review: “03/04/2202” is outside 1900–2100: is the year right?"],
    ]);
    expect(findingsOf(dateOutOfRange, valid)).toEqual([]);
  });

  it("report Excel error values in any column", () => {
    expect(
      findingsOf(
        cellFormulaError,
        tableWith("jointTracker", { firstReview: { error: "#REF!" }, team: "#N/A" }),
      ),
    ).toEqual([
      ["CELL-FORMULA-ERROR", "H2", "Team shows the Excel error #N/A: correct the formula or type the value"],
      [
        "CELL-FORMULA-ERROR",
        "K2",
        "1st CLA review shows the Excel error #REF!: correct the formula or type the value",
      ],
    ]);
    expect(findingsOf(cellFormulaError, valid)).toEqual([]);
  });

  it("report an error typed or pasted as text, in a date column as in any other", () => {
    expect(
      findingsOf(
        cellFormulaError,
        tableWith("jointTracker", { firstReview: " #n/a ", secondReview: "#Value!", team: "\u00a0#DIV/0!" }),
      ).map(([, cell, message]) => [cell, message.replace(/: correct.*/, "")]),
    ).toEqual([
      ["H2", "Team shows the Excel error #DIV/0!"],
      ["K2", "1st CLA review shows the Excel error #N/A"],
      ["L2", "2nd CLA review shows the Excel error #VALUE!"],
    ]);
  });

  it("list placeholders as information, with empty as the fix", () => {
    const issues = runChecks([tableWith("jointTracker", { secondReview: "TBC" })], testContext(), [
      datePlaceholder,
    ]);
    expect(issues.map((i) => [i.severity, i.cell, i.message, i.suggestedFix])).toEqual([
      [
        "info",
        "L2",
        "2nd CLA review holds “TBC”, which counts as empty (no date yet)",
        { value: null, text: "(empty)" },
      ],
    ]);
    expect(findingsOf(datePlaceholder, tableWith("jointTracker", { secondReview: null }))).toEqual([]);
  });

  it("offer unambiguous text dates as real dates, and never ambiguous ones", () => {
    const issues = runChecks(
      [
        tableWith("jointTracker", {
          firstReview: "9th February 2024",
          secondReview: "03/05/2024",
          latestReview: "25/10/2024",
        }),
      ],
      testContext(),
      [dateAsText],
    );
    expect(issues.map((i) => [i.cell, i.suggestedFix])).toEqual([
      ["K2", { value: serial("2024-02-09"), numberFormat: "dd/mm/yyyy", text: "09/02/2024" }],
      ["M2", { value: serial("2024-10-25"), numberFormat: "dd/mm/yyyy", text: "25/10/2024" }],
    ]);
    expect(findingsOf(dateAsText, valid)).toEqual([]);
  });

  it("warn that text such as 03/05/2024 is read day first", () => {
    expect(findingsOf(dateAmbiguous, tableWith("jointTracker", { secondReview: "03/05/2024" }))).toEqual([
      [
        "DATE-AMBIGUOUS",
        "L2",
        "2nd CLA review: “03/05/2024” could be read two ways; it is read day first as 03/05/2024. Retype it as a real date to confirm",
      ],
    ]);
    expect(findingsOf(dateAmbiguous, tableWith("jointTracker", { secondReview: "13/05/2024" }))).toEqual([]);
  });

  it("report an event dated after the as-at day, but not a planned next PPM", () => {
    const table = tableWith("jointTracker", {
      latestReview: serial("2026-11-25"),
      nextPpm: serial("2027-01-05"),
    });
    expect(findingsOf(dateInFuture, table)).toEqual([
      [
        "DATE-IN-FUTURE",
        "M2",
        "Latest CLA review 25/11/2026 is after 24/11/2026, but the column records something that has happened",
      ],
    ]);
    expect(findingsOf(dateInFuture, table, isoDay("2026-11-25"))).toEqual([]);
  });

  it("warn of dates before 1990", () => {
    expect(
      findingsOf(dateBefore1990, tableWith("jointTracker", { placementStart: serial("1989-12-31") })),
    ).toEqual([
      ["DATE-BEFORE-1990", "X2", "Placement start 31/12/1989 is before 01/01/1990: is the year right?"],
    ]);
    expect(
      findingsOf(dateBefore1990, tableWith("jointTracker", { placementStart: serial("1990-01-01") })),
    ).toEqual([]);
  });

  it("report events before the child's date of birth", () => {
    expect(
      findingsOf(dateBeforeBirth, tableWith("jointTracker", { proceedingsIssued: serial("2015-03-09") })),
    ).toEqual([
      [
        "DATE-BEFORE-BIRTH",
        "Z2",
        "Care proceedings issued 09/03/2015 is before the child's date of birth 10/03/2015",
      ],
    ]);
    expect(
      findingsOf(dateBeforeBirth, tableWith("jointTracker", { proceedingsIssued: serial("2015-03-10") })),
    ).toEqual([]);
  });
});
