import { testContext } from "../../../test/support/checkFixtures";
import { messyTables } from "../../../test/support/messyTables";
import { runChecks } from "./runChecks";

/*
 * The checks once read a table a row at a time; they now read it a column at a time. The
 * counts and digest below are what the row-at-a-time checks found on these tables, so any change in
 * what is found, where, in what order or in what words shows here. A change meant to alter the
 * issues updates them, and says so. Issue 20 did: the Family Finding sheet's new columns (plan,
 * should-be-placed decision, placement order, A10's foster placement...) are in the messy tables
 * too, and five family-finding checks read them.
 */
const FOUND_ROW_BY_ROW = {
  issues: 9501,
  digest: "9a3ba3560a848",
  byCode: {
    "CELL-FORMULA-ERROR": 774,
    "CODE-AS-WORDS": 5,
    "CODE-LEGACY": 25,
    "CODE-UNKNOWN": 1129,
    "CP-ADM-BEFORE-PANEL": 27,
    "DATE-AMBIGUOUS": 128,
    "DATE-AS-TEXT": 419,
    "DATE-BEFORE-1990": 560,
    "DATE-BEFORE-BIRTH": 443,
    "DATE-IN-FUTURE": 223,
    "DATE-INVALID": 476,
    "DATE-MONTH-FIRST": 103,
    "DATE-OUT-OF-RANGE": 228,
    "DATE-PLACEHOLDER": 449,
    "EVENT-AFTER-EXIT": 1395,
    "FF-ADM-BEFORE-PANEL": 33,
    "FF-DECISION-MADE-AGAIN": 44,
    "FF-DECISION-REVERSED": 10,
    "FF-ORDER-BEFORE-DECISION": 40,
    "FF-ORDER-ON-FOSTERING": 16,
    "FF-PLACED-BEFORE-MATCH": 36,
    "FS-PLACED-ABOVE-APPROVED": 10,
    "FS-PLACES-EXCEED-APPROVED": 29,
    "HOUSEHOLD-DUPLICATE-ID": 225,
    "JT-AGED-18-OPEN": 9,
    "JT-BLA-BEFORE-DOB": 33,
    "JT-CHILD-OPEN-TWICE": 11,
    "JT-DUPLICATE-EPISODE": 2,
    "JT-MATCH-ADM-BEFORE-PANEL": 31,
    "JT-PPM-BEFORE-BLA": 78,
    "JT-REVIEW-BEFORE-BLA": 110,
    "JT-REVIEW2-BEFORE-REVIEW1": 36,
    "NUMBER-NEGATIVE": 43,
    "NUMBER-NOT-WHOLE": 211,
    "RA-ADM-BEFORE-PANEL": 36,
    "RA-IHV-BEFORE-ENQUIRY": 32,
    "RA-PANEL-BEFORE-APPLICATION": 35,
    "REQUIRED-MISSING": 344,
    "TEXT-UNTRIMMED": 1239,
    "WORKER-NAME-VARIANTS": 424,
  },
};

describe("the checks reading tables column by column", () => {
  const issues = runChecks(messyTables(150, 9), testContext());

  it("find as many issues of each code as they did row by row, on messy tables of every sheet", () => {
    const byCode: Record<string, number> = {};
    for (const issue of issues) byCode[issue.code] = (byCode[issue.code] ?? 0) + 1;
    expect(byCode).toEqual(FOUND_ROW_BY_ROW.byCode);
  });

  it("find the very issues they found row by row: the same cells, order, words and fixes", () => {
    expect(issues).toHaveLength(FOUND_ROW_BY_ROW.issues);
    expect(digest(JSON.stringify(issues))).toBe(FOUND_ROW_BY_ROW.digest);
  });
});

/** A 53-bit digest of text (cyrb53): enough to tell two lists of thousands of issues apart. */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
