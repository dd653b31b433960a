import type { CellValue } from "../cells/CellValue";
import { EMPTY_CELL_DATE, type CellDate } from "../cells/coerceCellDate";
import { NO_DAY, type EpochDay } from "../dates/epochDay";
import type { ColumnKey, ColumnSpec, SheetSpec, TrackerProfile } from "../profile/TrackerProfile";
import type { MappedColumn, TrackerTable } from "../tables/TrackerTable";
import { columnLetters } from "../tables/cellAddress";
import { plainCellText } from "../cells/plainCellText";

/** One row of a typed table, for code that wants a row at a time (the checks read whole columns). */
export interface TypedRow {
  rowNumber: number;
  /** The raw cell by key (`null` when blank or not mapped). */
  value(key: ColumnKey): CellValue;
  /** The cell read as a date (only for the profile's date columns the table maps). */
  date(key: ColumnKey): CellDate;
  /** The day of a date cell, when it holds a valid date. */
  day(key: ColumnKey): EpochDay | undefined;
  /** The cell as trimmed text, or undefined when blank. Numbers are shown as Excel would. */
  text(key: ColumnKey): string | undefined;
}

/**
 * The days of a date column in row order, `NO_DAY` where a cell holds no valid date. Four bytes a
 * cell in one block: the date checks read these columns over and over, and at 100,000 rows how many
 * bytes they read is most of what they cost.
 */
export type DayColumn = Readonly<Int32Array>;

/**
 * A tracker table typed against its sheet of the profile, read column by column: every column
 * accessor returns an array in row order, index `i` being the row whose Excel number is
 * `rowNumber(i)`. Each column is built once per typed table and shared by every check, so a check
 * is a loop over arrays: no object per row, no lookup per cell.
 */
export interface TypedTable {
  table: TrackerTable;
  /** The profile's description of the sheet. */
  spec: SheetSpec;
  /** How many rows the table has: the length of every column. */
  size: number;
  /** The Excel row number of the row at an index. */
  rowNumber(index: number): number;
  /** Whether the sheet has a column with this key. */
  has(key: ColumnKey): boolean;
  /** The profile's columns the table maps, in profile order. */
  mappedColumns: readonly ColumnSpec[];
  /** The sheet's column for a key (its number and header as found), when the sheet maps it. */
  column(key: ColumnKey): MappedColumn | undefined;
  /** The raw cells of a column (`null` when blank or not mapped). */
  values(key: ColumnKey): readonly CellValue[];
  /** The cells read as dates; empty readings for a column that is not one of the profile's date columns. */
  dates(key: ColumnKey): readonly CellDate[];
  /** The day of each cell that holds a valid date; NO_DAY for the others. */
  days(key: ColumnKey): DayColumn;
  /**
   * The indexes, in row order, of a date column's cells that hold anything but a real date (a serial
   * or a `Date`) or nothing: dates typed as text, placeholders and problems. Every check of how a
   * date was written looks only at these, a few in a hundred.
   */
  irregularDates(key: ColumnKey): readonly number[];
  /** Each cell as trimmed text, undefined when blank; numbers and yes/no shown as Excel would. */
  texts(key: ColumnKey): readonly (string | undefined)[];
  /**
   * What `read` makes of a column, made once per table and column and then shared: how checks that
   * look at a column the same way (the duplicate IDs, the code cells) avoid doing it twice.
   */
  shared<T>(key: ColumnKey, read: (table: TypedTable, key: ColumnKey) => T): T;
  /** The index of the row with this Excel row number. */
  indexOf(rowNumber: number): number | undefined;
  /** The A1 address of a row's cell in a column (the header cell's column). */
  address(rowNumber: number, key: ColumnKey): string;
  /** The rows one at a time, made on first use. */
  rows(): readonly TypedRow[];
  /** The row with this Excel row number. */
  rowAt(rowNumber: number): TypedRow | undefined;
}

/** Types a table against its sheet of the profile; undefined when the profile does not know the sheet. */
export function typeTable(table: TrackerTable, profile: TrackerProfile): TypedTable | undefined {
  const spec = profile.sheets.find((s) => s.key === table.sheetKey);
  return spec ? columnTypedTable(table, spec) : undefined;
}

/** The text a cell shows once trimmed, as TypedRow.text reads it. */
export function cellText(value: CellValue): string | undefined {
  return plainCellText(value) || undefined;
}

interface DayReading {
  days: DayColumn;
  irregular: readonly number[];
}

type Reading = (table: TypedTable, key: ColumnKey) => unknown;

/*
 * An object literal over this function's state, not a class instance, so the code compiled for
 * the checks survives between runs (docs/performance.md, "Literals, not classes").
 */
function columnTypedTable(table: TrackerTable, spec: SheetSpec): TypedTable {
  const byKey = new Map<ColumnKey, MappedColumn>();
  // The first mapping of a key wins, as `columns.find` does.
  for (const c of table.columns) if (!byKey.has(c.key)) byKey.set(c.key, c);
  // Addresses have always taken a key's last mapping; a mapped table never maps a key twice.
  const numberOf = new Map(table.columns.map((c) => [c.key, c.column]));
  const mappedColumns = spec.columns.filter((c) => byKey.has(c.key));
  const dateKeys = new Set(mappedColumns.filter((c) => c.type === "date").map((c) => c.key));
  const columns = table.byColumn;
  const size = table.rows.length;
  const letters = new Map<ColumnKey, string>();
  const dayReadings = new Map<ColumnKey, DayReading>();
  const textColumns = new Map<ColumnKey, readonly (string | undefined)[]>();
  const readings = new Map<Reading, Map<ColumnKey, unknown>>();
  let noDates: readonly CellDate[] | undefined;
  let rowIndex: ReadonlyMap<number, number> | undefined;
  let rows: readonly TypedRow[] | undefined;

  const dates = (key: ColumnKey): readonly CellDate[] => {
    if (dateKeys.has(key)) return columns.dates(key);
    noDates ??= new Array<CellDate>(size).fill(EMPTY_CELL_DATE);
    return noDates;
  };

  const dayReading = (key: ColumnKey): DayReading => {
    let reading = dayReadings.get(key);
    if (reading === undefined) {
      reading = readDays(dates(key));
      dayReadings.set(key, reading);
    }
    return reading;
  };

  const texts = (key: ColumnKey): readonly (string | undefined)[] => {
    let found = textColumns.get(key);
    if (found === undefined) {
      found = columns.values(key).map(cellText);
      textColumns.set(key, found);
    }
    return found;
  };

  const indexOf = (rowNumber: number): number | undefined => {
    // Rows come top to bottom, so a row is found by halving; a table whose rows do not (only one
    // built by hand could) is searched through a map of its row numbers, as it always was.
    const numbers = columns.rowNumbers();
    let low = 0;
    let high = size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = numbers[middle] as number;
      if (found === rowNumber) return middle;
      if (found < rowNumber) low = middle + 1;
      else high = middle - 1;
    }
    if (rowIndex === undefined) {
      const index = new Map<number, number>();
      for (let i = 0; i < size; i++) index.set(numbers[i] as number, i);
      rowIndex = index;
    }
    return rowIndex.get(rowNumber);
  };

  const typed: TypedTable = {
    table,
    spec,
    size,
    mappedColumns,
    rowNumber: (index) => columns.rowNumbers()[index] as number,
    has: (key) => byKey.has(key),
    column: (key) => byKey.get(key),
    values: (key) => columns.values(key),
    dates,
    days: (key) => dayReading(key).days,
    irregularDates: (key) => dayReading(key).irregular,
    texts,
    shared<T>(key: ColumnKey, read: (table: TypedTable, key: ColumnKey) => T): T {
      let byColumn = readings.get(read);
      if (byColumn === undefined) {
        byColumn = new Map();
        readings.set(read, byColumn);
      }
      if (!byColumn.has(key)) byColumn.set(key, read(typed, key));
      return byColumn.get(key) as T;
    },
    indexOf,
    address(rowNumber, key) {
      let found = letters.get(key);
      if (found === undefined) {
        const column = numberOf.get(key);
        if (column === undefined) throw new RangeError(`the sheet ${table.sheetName} has no column ${key}`);
        found = columnLetters(column);
        letters.set(key, found);
      }
      return found + String(rowNumber);
    },
    rows: () => {
      rows ??= table.rows.map((row, index) => new TypedTableRow(typed, row.rowNumber, index));
      return rows;
    },
    rowAt(rowNumber) {
      const index = indexOf(rowNumber);
      return index === undefined ? undefined : typed.rows()[index];
    },
  };
  return typed;
}

// One pass over a column's readings gives both: the readings are objects of several shapes,
// slower to visit than the numbers and indexes the checks then loop over.
function readDays(dates: readonly CellDate[]): DayReading {
  const days = new Int32Array(dates.length).fill(NO_DAY);
  const irregular: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const read = dates[i] as CellDate;
    // Blank cells share one reading: known without looking into it.
    if (read === EMPTY_CELL_DATE) continue;
    if (read.kind === "date") {
      days[i] = read.day;
      if (read.from === "text") irregular.push(i);
    } else if (read.kind === "problem" || read.placeholder !== undefined) irregular.push(i);
  }
  return { days, irregular };
}

/* A row is a view of the table's columns at one index: its cells are the columns' cells. */
class TypedTableRow implements TypedRow {
  constructor(
    private readonly table: TypedTable,
    readonly rowNumber: number,
    private readonly index: number,
  ) {}
  value(key: ColumnKey): CellValue {
    return this.table.values(key)[this.index] ?? null;
  }
  date(key: ColumnKey): CellDate {
    return this.table.dates(key)[this.index] ?? EMPTY_CELL_DATE;
  }
  day(key: ColumnKey): EpochDay | undefined {
    const day = this.table.days(key)[this.index] as number;
    return day === NO_DAY ? undefined : day;
  }
  text(key: ColumnKey): string | undefined {
    return this.table.texts(key)[this.index];
  }
}
