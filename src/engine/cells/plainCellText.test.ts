import { plainCellText, plainCellTextOrNull } from "./plainCellText";

describe("plainCellText", () => {
  it("trims typed text and shows numbers and booleans as Excel does", () => {
    expect(plainCellText("  C0042 ")).toBe("C0042");
    expect(plainCellText(1042)).toBe("1042");
    expect(plainCellText(true)).toBe("true");
  });

  it("reads a date, an error, an empty or missing cell as no text", () => {
    expect(plainCellText(new Date(Date.UTC(2026, 10, 20)))).toBe("");
    expect(plainCellText({ error: "#N/A" })).toBe("");
    expect(plainCellText(null)).toBe("");
    expect(plainCellText(undefined)).toBe("");
  });

  it("gives null for a cell holding no text, spaces included", () => {
    expect(plainCellTextOrNull("   ")).toBeNull();
    expect(plainCellTextOrNull(null)).toBeNull();
    expect(plainCellTextOrNull(" Team A ")).toBe("Team A");
    expect(plainCellTextOrNull(0)).toBe("0");
  });
});
