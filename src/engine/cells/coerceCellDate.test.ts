import fc from "fast-check";
import { coerceCellDate, excelSerialFromEpochDay, type CellDate } from "./coerceCellDate";
import { epochDayFromParts, formatIsoDate, type EpochDay } from "../dates/epochDay";

const iso = (result: CellDate): string =>
  result.kind === "date"
    ? formatIsoDate(result.day)
    : result.kind === "empty"
      ? "empty"
      : `problem:${result.problem.code}`;
const read = (value: Parameters<typeof coerceCellDate>[0]): string => iso(coerceCellDate(value));
const messageOf = (value: string): string => {
  const result = coerceCellDate(value);
  if (result.kind !== "problem") throw new Error(`expected a problem for ${value}`);
  return result.problem.message;
};

describe("reading a cell as a date", () => {
  describe("Excel serial numbers", () => {
    it("reads 45292 as 01/01/2024", () => {
      expect(read(45292)).toBe("2024-01-01");
    });

    it("keeps the date of a serial with a time of day", () => {
      expect(read(45292.75)).toBe("2024-01-01");
    });

    it("handles Excel's 1900 leap-year quirk", () => {
      expect(read(59)).toBe("1900-02-28");
      expect(read(61)).toBe("1900-03-01");
      expect(read(1)).toBe("1900-01-01");
      expect(read(60)).toBe("problem:impossible-date");
    });

    it("rejects numbers far outside a plausible range", () => {
      expect(read(0)).toBe("problem:out-of-range");
      expect(read(-5)).toBe("problem:out-of-range");
      expect(read(3_000_000)).toBe("problem:out-of-range");
    });

    it("writes back the serial it read", () => {
      for (const serial of [1, 59, 61, 45292]) {
        const r = coerceCellDate(serial);
        expect(r.kind === "date" && excelSerialFromEpochDay(r.day)).toBe(serial);
      }
    });
  });

  describe("JS dates from exceljs", () => {
    it("reads a date typed in London in British Summer Time as that day, not the day before", () => {
      // exceljs builds dates at UTC midnight; in BST that is 01:00 local time on the same day.
      expect(read(new Date(Date.UTC(2019, 6, 15)))).toBe("2019-07-15");
    });

    it("keeps the date of a date-time", () => {
      expect(read(new Date(Date.UTC(2019, 6, 15, 23, 30)))).toBe("2019-07-15");
    });

    it("rejects an invalid Date object", () => {
      expect(read(new Date(Number.NaN))).toBe("problem:not-a-date");
    });
  });

  describe("text in the forms UK users type", () => {
    it.each([
      ["03/04/2019", "2019-04-03"],
      ["3/4/19", "2019-04-03"],
      ["03-04-2019", "2019-04-03"],
      ["03.04.2019", "2019-04-03"],
      ["2019-04-03", "2019-04-03"],
      ["3 April 2019", "2019-04-03"],
      ["03-Apr-2019", "2019-04-03"],
      ["3rd April 2019", "2019-04-03"],
      ["  03/04/2019  ", "2019-04-03"],
      ["3 Apr 19", "2019-04-03"],
      ["April 3, 2019", "2019-04-03"],
      ["Wednesday 3 April 2019", "2019-04-03"],
      ["22nd Sept 2021", "2021-09-22"],
      ["03/04/2019 14:30", "2019-04-03"],
      ["2019-04-03T10:00:00Z", "2019-04-03"],
    ])("reads %j as %s", (text, expected) => {
      expect(read(text)).toBe(expected);
    });

    it("reads two-digit years as Excel does: 29 is 2029 and 30 is 1930", () => {
      expect(read("1/1/29")).toBe("2029-01-01");
      expect(read("1/1/30")).toBe("1930-01-01");
    });

    it("always reads day first and marks a date that could be read either way", () => {
      const r = coerceCellDate("03/04/2019");
      expect(r.kind === "date" && r.ambiguous).toBe(true);
      const clear = coerceCellDate("13/04/2019");
      expect(clear.kind === "date" && clear.ambiguous).toBe(false);
    });
  });

  describe("placeholders", () => {
    it.each(["TBC", "n/a", "N/A", "-", "?", "none", "  ", "", " tbc "])("treats %j as empty", (text) => {
      const r = coerceCellDate(text);
      expect(r.kind).toBe("empty");
      expect(r.kind === "empty" && r.placeholder !== undefined).toBe(true);
    });

    it("treats an empty cell as empty without calling it a placeholder", () => {
      expect(coerceCellDate(null)).toEqual({ kind: "empty" });
    });
  });

  describe("impossible text", () => {
    it("says 12/31/2019 looks month-first and suggests 31/12/2019", () => {
      const r = coerceCellDate("12/31/2019");
      expect(r.kind === "problem" && r.problem.code).toBe("month-first");
      expect(messageOf("12/31/2019")).toBe(
        "“12/31/2019” is not a valid UK date: there is no month 31. It looks month-first (US style); did you mean 31/12/2019?",
      );
      expect(r.kind === "problem" && r.problem.suggestion).toBe(epochDayFromParts(2019, 12, 31));
    });

    it("says there is no 31 February 2020", () => {
      expect(messageOf("31/02/2020")).toBe("“31/02/2020” is not a valid date: there is no 31 February 2020");
    });

    it("names the text of something that is not a date at all", () => {
      expect(messageOf("unknown")).toBe("“unknown” is not a date (type it as dd/mm/yyyy)");
    });

    it("rejects years before 1900 and after 2100", () => {
      expect(read("01/01/1899")).toBe("problem:out-of-range");
      expect(read("01/01/2101")).toBe("problem:out-of-range");
    });

    it("reports formula errors by name", () => {
      expect(read({ error: "#N/A" })).toBe("problem:formula-error");
      expect(messageOf("#REF!")).toMatch(/Excel error #REF!/);
    });

    it("does not read yes/no values as dates", () => {
      expect(read(true)).toBe("problem:not-a-date-type");
    });
  });

  describe("every date from 1901 to 2099 reads back as itself", () => {
    const pad = (n: number): string => String(n).padStart(2, "0");
    const MONTHS = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    const ordinal = (d: number): string =>
      d % 10 === 1 && d !== 11
        ? "st"
        : d % 10 === 2 && d !== 12
          ? "nd"
          : d % 10 === 3 && d !== 13
            ? "rd"
            : "th";
    const dayArbitrary = fc.integer({
      min: epochDayFromParts(1901, 1, 1) as EpochDay,
      max: epochDayFromParts(2099, 12, 31) as EpochDay,
    });
    const forms: Record<string, (y: number, m: number, d: number) => string> = {
      "dd/mm/yyyy": (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
      "d/m/yyyy": (y, m, d) => `${d}/${m}/${y}`,
      "dd-mm-yyyy": (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
      "dd.mm.yyyy": (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
      "yyyy-mm-dd": (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
      "d MMMM yyyy": (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
      "dd-MMM-yyyy": (y, m, d) => `${pad(d)}-${(MONTHS[m - 1] as string).slice(0, 3)}-${y}`,
      "do MMMM yyyy": (y, m, d) => `${d}${ordinal(d)} ${MONTHS[m - 1]} ${y}`,
    };
    it.each(Object.keys(forms))("in the form %s", (form) => {
      const write = forms[form] as (y: number, m: number, d: number) => string;
      fc.assert(
        fc.property(dayArbitrary, (day) => {
          const date = new Date(day * 86_400_000);
          const text = write(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
          const r = coerceCellDate(text);
          return r.kind === "date" && r.day === day;
        }),
        { numRuns: 2000 },
      );
    });

    it("in the form d/m/yy for the years Excel reads from two digits (1930–2029)", () => {
      fc.assert(
        fc.property(
          fc.integer({
            min: epochDayFromParts(1930, 1, 1) as EpochDay,
            max: epochDayFromParts(2029, 12, 31) as EpochDay,
          }),
          (day) => {
            const date = new Date(day * 86_400_000);
            const text = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${pad(date.getUTCFullYear() % 100)}`;
            const r = coerceCellDate(text);
            return r.kind === "date" && r.day === day;
          },
        ),
        { numRuns: 2000 },
      );
    });

    it("as an Excel serial and as an exceljs Date", () => {
      fc.assert(
        fc.property(dayArbitrary, (day) => {
          const serial = coerceCellDate(excelSerialFromEpochDay(day));
          const jsDate = coerceCellDate(new Date(day * 86_400_000));
          return serial.kind === "date" && serial.day === day && jsDate.kind === "date" && jsDate.day === day;
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe("sharing readings", () => {
    it("hands out one frozen reading for a repeated serial, Date or text", () => {
      for (const value of [45_000, new Date(Date.UTC(2023, 2, 14)), "14/03/2023", "31/02/2024"]) {
        const first = coerceCellDate(value);
        expect(coerceCellDate(value)).toBe(first);
        expect(Object.isFrozen(first)).toBe(true);
      }
      expect(() => {
        (coerceCellDate("31/02/2024") as { kind: string }).kind = "date";
      }).toThrow(TypeError);
    });

    it("still reads every text right after its memo fills up and is emptied", () => {
      const wrong: string[] = [];
      for (let i = 0; i < 70_000; i++) {
        const day = 18_000 + (i % 20_000);
        const text = `${formatIsoDate(day)}${i >= 20_000 ? " ".repeat(Math.floor(i / 20_000)) : ""}`;
        const read = coerceCellDate(text);
        if (read.kind !== "date" || read.day !== day) wrong.push(text);
      }
      expect(wrong).toEqual([]);
    });
  });
});
