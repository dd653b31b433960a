import { shownCellText } from "./shownCellText";

describe("shownCellText", () => {
  it("shows a date as dd/mm/yyyy and an error as Excel shows it", () => {
    expect(shownCellText(new Date(Date.UTC(2026, 10, 20)))).toBe("20/11/2026");
    expect(shownCellText({ error: "#REF!" })).toBe("#REF!");
  });

  it("trims text and shows numbers and booleans as they are", () => {
    expect(shownCellText("  Sam Jones ")).toBe("Sam Jones");
    expect(shownCellText(7)).toBe("7");
    expect(shownCellText(false)).toBe("false");
    expect(shownCellText(null)).toBe("");
  });
});
