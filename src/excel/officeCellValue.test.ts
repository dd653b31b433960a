import { cellValueFromOffice, isDateFormat, officeValueOf } from "./officeCellValue";

describe("cellValueFromOffice", () => {
  it("reads a serial shown as a date as the day at UTC midnight, past Excel's 29/02/1900", () => {
    expect(cellValueFromOffice(45385, "dd/mm/yyyy")).toEqual(new Date(Date.UTC(2024, 3, 3)));
    expect(cellValueFromOffice(59, "dd/mm/yyyy")).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(cellValueFromOffice(61, "dd/mm/yyyy")).toEqual(new Date(Date.UTC(1900, 2, 1)));
  });

  it("gives every cell of one day the same date, and keeps a time of day", () => {
    const first = cellValueFromOffice(45385, "dd/mm/yyyy");
    expect(cellValueFromOffice(45385, "d mmm yyyy")).toBe(first);
    expect(cellValueFromOffice(45386, "dd/mm/yyyy")).not.toBe(first);
    expect(cellValueFromOffice(45385.5, "dd/mm/yyyy hh:mm")).toEqual(new Date(Date.UTC(2024, 3, 3, 12)));
  });

  it("reads a number in a format that is not a date as a number, however often the format is met", () => {
    for (let i = 0; i < 3; i++) {
      expect(cellValueFromOffice(45385, "0.00")).toBe(45385);
      expect(cellValueFromOffice(45385, "dd/mm/yyyy")).toBeInstanceOf(Date);
      expect(cellValueFromOffice(45385, '0 "days"')).toBe(45385);
    }
  });

  it("reads blanks, error text, yes/no and text as the engine's cell values", () => {
    expect(cellValueFromOffice("", "General")).toBeNull();
    expect(cellValueFromOffice("#N/A", "General")).toEqual({ error: "#N/A" });
    expect(cellValueFromOffice(true, "General")).toBe(true);
    expect(cellValueFromOffice("TBC", "dd/mm/yyyy")).toBe("TBC");
  });

  it("turns a date back into the serial it was read from", () => {
    for (const serial of [45385, 45385.25, 61, 59]) {
      expect(officeValueOf(cellValueFromOffice(serial, "dd/mm/yyyy"))).toBeCloseTo(serial, 9);
    }
  });
});

describe("isDateFormat", () => {
  it("sees day or year codes outside quotes, escapes and brackets", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("[$-809]dd mmmm yyyy")).toBe(true);
    expect(isDateFormat('0.0 "days"')).toBe(false);
    expect(isDateFormat("mmm")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });
});
