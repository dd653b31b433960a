import { normaliseHeader } from "../profile/TrackerProfile";
import {
  columnNameCoverage,
  editDistance,
  headerWordSet,
  headerWords,
  spellingSimilarity,
} from "./headerSimilarity";

describe("header similarity", () => {
  it("splits a header into words, making LAC and CLA, first and 1st one word, and dropping filler", () => {
    expect(headerWords("Date of 1st LAC review")).toEqual(["date", "1st", "cla", "review"]);
    expect(headerWords("First  review (CLA)")).toEqual(["1st", "review", "cla"]);
    expect(headerWords("Recruitment & Assessment")).toEqual(["recruitment", "and", "assessment"]);
  });

  it("gives each text the same words and normal form before and after thousands of other headers", () => {
    const words = headerWordSet("Date of 1st LAC review");
    expect([...words]).toEqual(["date", "1st", "cla", "review"]);
    for (let i = 0; i < 10_000; i++) {
      expect(normaliseHeader(`Header ${i} & more`)).toBe(`header${i}andmore`);
      expect([...headerWordSet(`Review ${i} of LAC`)]).toEqual(["review", String(i), "cla"]);
    }
    expect([...headerWordSet("Date of 1st LAC review")]).toEqual([...words]);
    expect(normaliseHeader("Date Became Looked-After")).toBe("datebecamelookedafter");
  });

  it("scores the share of a header its column's names explain", () => {
    expect(columnNameCoverage("LAC ID", ["Child ID", "ID"])).toBe(0.5);
    expect(columnNameCoverage("Child name", ["Name", "Child"])).toBe(1);
    expect(columnNameCoverage("Became LAC", ["Date became LAC"])).toBeCloseTo(2 / 3);
    expect(columnNameCoverage("Date", ["Date placed"])).toBe(0);
    expect(columnNameCoverage("Placement end date", ["Placement"])).toBeCloseTo(1 / 3);
  });

  it("measures spelling by edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(spellingSimilarity("dateintokare", "dateintocare")).toBeCloseTo(11 / 12);
    expect(spellingSimilarity("", "")).toBe(1);
  });
});
