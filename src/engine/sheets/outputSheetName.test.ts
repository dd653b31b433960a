import { legalSheetName, uniqueSheetName } from "./outputSheetName";

describe("output sheet names", () => {
  it("replaces the characters Excel forbids", () => {
    expect(legalSheetName("Agenda JTM 24/11/2026 [Team: A?]")).toBe("Agenda JTM 24-11-2026 -Team- A-");
  });

  it("cuts a name to Excel's 31 characters", () => {
    const name = legalSheetName("Agenda Recruitment and Assessment 2026-11-24 Team Alpha");
    expect(name).toHaveLength(31);
    expect(name).toBe("Agenda Recruitment and Assessme");
  });

  it("never begins or ends with an apostrophe and is never empty", () => {
    expect(legalSheetName("'Summary'")).toBe("Summary");
    expect(legalSheetName("///")).toBe("---");
    expect(legalSheetName("   ")).toBe("Sheet");
  });

  it("adds a number when the name is taken, ignoring case, and stays within 31 characters", () => {
    expect(uniqueSheetName("Summary 2026-11", ["summary 2026-11"])).toBe("Summary 2026-11 (2)");
    const long = "x".repeat(40);
    const taken = [legalSheetName(long)];
    const next = uniqueSheetName(long, taken);
    expect(next).toHaveLength(31);
    expect(next.endsWith(" (2)")).toBe(true);
  });
});
