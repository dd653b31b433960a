import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { ColumnSpec, ColumnType } from "../profile/TrackerProfile";
import { type DayColumn, type TypedTable } from "./TypedTable";

/**
 * The table's mapped columns of the given types, in profile order: what a check that visits every
 * cell of a kind loops over, reading each column's array with an index (a callback per cell made
 * the checks ten times slower on a 100,000-row tracker).
 */
export function columnsOfType(table: TypedTable, types: readonly ColumnType[]): readonly ColumnSpec[] {
  return table.mappedColumns.filter((c) => types.includes(c.type));
}

/** The table's mapped date columns, in profile order. */
export function dateColumnsOf(table: TypedTable): readonly ColumnSpec[] {
  return columnsOfType(table, ["date"]);
}

/*
 * The date checks compare whole day columns. Each comparison is a function of its own, called once
 * a column, so it is compiled once and stays compiled; a loop inside a check that runs once a table
 * was compiled afresh on every run. Each returns the indexes of the rows it holds for (few): the
 * check words only those.
 */

/** The rows whose day is after `limit`. */
export function rowsWithDayAfter(days: DayColumn, limit: EpochDay): number[] {
  const rows: number[] = [];
  // NO_DAY is below every day: never after.
  for (let i = 0; i < days.length; i++) if ((days[i] as number) > limit) rows.push(i);
  return rows;
}

/** The rows whose day is before `limit`. */
export function rowsWithDayBefore(days: DayColumn, limit: EpochDay): number[] {
  const rows: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day < limit && day !== NO_DAY) rows.push(i);
  }
  return rows;
}

/** The rows whose day in `days` is before their day in `other`, both being days. */
export function rowsWithDayBeforeOther(days: DayColumn, other: DayColumn): number[] {
  const rows: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    // Nothing is before NO_DAY, so only this row's own day needs testing.
    if (day < (other[i] as number) && day !== NO_DAY) rows.push(i);
  }
  return rows;
}

/** The rows whose day in `days` is after their day in `other`, both being days. */
export function rowsWithDayAfterOther(days: DayColumn, other: DayColumn): number[] {
  const rows: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const than = other[i] as number;
    if ((days[i] as number) > than && than !== NO_DAY) rows.push(i);
  }
  return rows;
}
