import { parseIsoDate, type EpochDay } from "../../engine/dates/epochDay";
import { comparePeriodChoices, periodText } from "./comparePeriodChoices";

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;

describe("the pane's periods to compare", () => {
  it("starts from the six whole months before this one against the six before those", () => {
    const { defaults, months } = comparePeriodChoices(day("2026-01-15"));
    expect(defaults).toEqual({
      before: { first: "2025-01", last: "2025-06" },
      after: { first: "2025-07", last: "2025-12" },
    });
    expect(months).toHaveLength(36);
    expect(months[0]).toEqual({ value: "2026-01", label: "January 2026" });
  });

  it("writes a period as the compare job reads it, one month alone", () => {
    expect(periodText({ first: "2025-01", last: "2025-06" })).toBe("2025-01..2025-06");
    expect(periodText({ first: "2025-03", last: "2025-03" })).toBe("2025-03");
  });
});
