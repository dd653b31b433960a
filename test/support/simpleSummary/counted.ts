/*
 * A row a dated figure counts, as the summary's trace names it: the reference builds each figure as
 * the list of rows it counts, so the figure (how many, a median of their numbers) and its trace come
 * from the one list.
 */
export interface Counted {
  sheetName: string;
  row: number;
  id: string | null;
  standard: string | null;
  /** The status, band or outcome that decided how the row was counted. */
  outcome: string;
  /** The date that puts the row in its month. */
  date: number;
  /** The number a median is taken of (working days, months), when the figure has one. */
  value?: number;
}

/** How many of the counted rows have an outcome. */
export const countOutcome = (rows: readonly Counted[], outcome: string): number =>
  rows.filter((r) => r.outcome === outcome).length;

/** The numbers of the counted rows that have one. */
export const valuesOf = (rows: readonly Counted[]): number[] =>
  rows.flatMap((r) => (r.value === undefined ? [] : [r.value]));
