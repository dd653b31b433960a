import { parseIsoDate, utcDateFromEpochDay, type EpochDay } from "../dates/epochDay";
import { MemoryWorkbook } from "../port/MemoryWorkbook";
import { buildHolidaysSheet, readHolidaysSheet } from "./holidaysSheet";

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;

describe("the Holidays sheet", () => {
  it("reads back the days it was built with", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.writeSheet(
      buildHolidaysSheet([
        { day: day("2031-12-25"), name: "Christmas Day" },
        { day: day("2031-01-01"), name: "New Year's Day" },
      ]),
    );
    const read = readHolidaysSheet(await workbook.readSheet("Holidays"));
    expect(read).toEqual({ days: [day("2031-01-01"), day("2031-12-25")], findings: [] });
  });

  it("reads text and serial dates, reports a cell that is not a date and notes a weekend", () => {
    const read = readHolidaysSheet({
      name: "Holidays",
      values: [
        ["Closure days"],
        ["Date", "What"],
        ["29/12/2025", "Office closed"],
        [46022, "Office closed"], // serial of 31/12/2025
        ["next Friday", "?"],
        [utcDateFromEpochDay(day("2025-12-27")), "Saturday"],
        [null, "blank row"],
      ],
      merges: [],
      protected: false,
    });
    expect(read.days).toEqual([day("2025-12-27"), day("2025-12-29"), day("2025-12-31")]);
    expect(read.findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        row: 5,
        cell: "A5",
        message: expect.stringMatching(/^A5: “next Friday” is not a date/),
      }),
      expect.objectContaining({
        severity: "info",
        row: 6,
        cell: "A6",
        message: "A6: 27/12/2025 is a Saturday, already not a working day.",
      }),
    ]);
  });
});
