import { epochDayFromParts, partsFromEpochDay } from "./epochDay";

const MS_PER_DAY = 86_400_000;

/** The reference: JavaScript's own UTC calendar, which the arithmetic replaced for speed. */
function partsByDate(day: number): [number, number, number] {
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

describe("day numbers and calendar dates", () => {
  it("agree with JavaScript's UTC calendar in both directions for every day from 1800 to 2200", () => {
    const first = Math.round(Date.UTC(1800, 0, 1) / MS_PER_DAY);
    const last = Math.round(Date.UTC(2200, 11, 31) / MS_PER_DAY);
    const wrong: number[] = [];
    for (let day = first; day <= last; day++) {
      const [year, month, dayOfMonth] = partsByDate(day);
      const parts = partsFromEpochDay(day);
      if (parts.year !== year || parts.month !== month || parts.day !== dayOfMonth) wrong.push(day);
      if (epochDayFromParts(year, month, dayOfMonth) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it("reads 03/04/2019 as day 17989 and back", () => {
    expect(epochDayFromParts(2019, 4, 3)).toBe(17989);
    expect(partsFromEpochDay(17989)).toEqual({ year: 2019, month: 4, day: 3 });
  });

  it("knows 29 February only in leap years, 1900 and 2100 not among them", () => {
    expect(epochDayFromParts(2024, 2, 29)).toBe(19782);
    expect(epochDayFromParts(2024, 3, 1)).toBe(19783);
    expect(epochDayFromParts(2000, 2, 29)).toBe(11016);
    expect(epochDayFromParts(1900, 2, 29)).toBeUndefined();
    expect(epochDayFromParts(2100, 2, 29)).toBeUndefined();
  });

  it("refuses days that do not exist and parts that are not whole numbers", () => {
    expect(epochDayFromParts(2025, 2, 31)).toBeUndefined();
    expect(epochDayFromParts(2025, 13, 1)).toBeUndefined();
    expect(epochDayFromParts(2025, 0, 1)).toBeUndefined();
    expect(epochDayFromParts(2025, 1, 0)).toBeUndefined();
    expect(epochDayFromParts(2025, 1.5, 1)).toBeUndefined();
  });

  it("keeps years before 100 as they are, not as 1900s", () => {
    expect(partsFromEpochDay(epochDayFromParts(19, 4, 3) as number)).toEqual({ year: 19, month: 4, day: 3 });
  });
});
