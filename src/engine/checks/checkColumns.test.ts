import {
  rowsWithDayAfter,
  rowsWithDayAfterOther,
  rowsWithDayBefore,
  rowsWithDayBeforeOther,
} from "./checkColumns";
import { NO_DAY } from "../dates/epochDay";

const days = (...values: number[]): Int32Array => Int32Array.from(values);

describe("comparing day columns", () => {
  it("finds the rows after or before a day, never a row with no day", () => {
    const column = days(10, NO_DAY, 30, 20);
    expect(rowsWithDayAfter(column, 15)).toEqual([2, 3]);
    expect(rowsWithDayBefore(column, 25)).toEqual([0, 3]);
  });

  it("finds the rows whose day is before or after the row's day in another column, both being days", () => {
    const column = days(10, NO_DAY, 30, 20, 5);
    const other = days(20, 10, NO_DAY, 10, 5);
    expect(rowsWithDayBeforeOther(column, other)).toEqual([0]);
    expect(rowsWithDayAfterOther(column, other)).toEqual([3]);
  });
});
