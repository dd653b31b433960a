import type { CellValue } from "../../src/engine/cells/CellValue";
import { excelSerialFromEpochDay } from "../../src/engine/cells/coerceCellDate";
import { epochDayFromParts, type EpochDay } from "../../src/engine/dates/epochDay";
import { DEFAULT_PROFILE } from "../../src/engine/profile/defaultProfile";
import type { ColumnKey, ColumnSpec } from "../../src/engine/profile/TrackerProfile";
import type { TrackerTable } from "../../src/engine/tables/TrackerTable";
import { trackerTableOf } from "./trackerTableOf";
import { seededRandom, type RandomSource } from "../../src/engine/sample/seededRandom";

/*
 * Tables of every sheet filled with the cells that trip the checks (text and misread dates,
 * placeholders, errors, untidy and variant names, unknown codes, repeated IDs, dates out of order),
 * the same for the same seed. For tests that compare whole runs of the checks: a change in how the
 * checks read a table (issue 9) must leave what they find as it was. Made-up values, never real cases.
 */

/** Every sheet of the default profile, `rows` rows each, from a seed. */
export function messyTables(rows: number, seed: number): TrackerTable[] {
  const random = seededRandom(seed);
  return DEFAULT_PROFILE.sheets.map((sheet) =>
    trackerTableOf(
      sheet.key,
      Array.from({ length: rows }, () => messyRow(sheet.columns, random)),
    ),
  );
}

function messyRow(columns: readonly ColumnSpec[], random: RandomSource): Record<ColumnKey, CellValue> {
  const row: Record<ColumnKey, CellValue> = {};
  for (const column of columns) row[column.key] = messyCell(column, random);
  return row;
}

function messyCell(column: ColumnSpec, random: RandomSource): CellValue {
  if (random() < 0.15) return null;
  if (column.key === "childId" || column.key === "householdId") return pick(random, IDS);
  if (column.type === "date") return messyDate(random);
  if (column.type === "code") return pick(random, CODES);
  if (column.type === "integer") return pick(random, COUNTS);
  if (column.type === "personName") return pick(random, NAMES);
  return pick(random, TEXTS);
}

const FIRST_DAY = epochDayFromParts(1985, 1, 1) as EpochDay;
const LAST_DAY = epochDayFromParts(2028, 12, 31) as EpochDay;

function messyDate(random: RandomSource): CellValue {
  const day = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY));
  const roll = random();
  if (roll < 0.6) return excelSerialFromEpochDay(day);
  if (roll < 0.7) return new Date(day * 86_400_000);
  return pick(random, DATE_TEXTS);
}

const DATE_TEXTS: readonly CellValue[] = [
  "03/04/2019",
  "25/12/2024",
  "2019-04-03",
  "3rd April 2019",
  "12/31/2024",
  "31/02/2024",
  "45292",
  "TBC",
  "n/a",
  " ",
  "-",
  "soon",
  " #N/A ",
  "#ref!",
  { error: "#VALUE!" },
  true,
  2_000_000,
  excelSerialFromEpochDay(epochDayFromParts(2202, 1, 1) as EpochDay),
  new Date(Number.NaN),
];

const IDS: readonly CellValue[] = ["C1", "c1 ", "C2", "C3", "C3", "H1", "h1", "H2", " ", 7, "C4", "C5", "C6"];

const CODES: readonly CellValue[] = [
  "C2",
  "c2 ",
  "Full care order",
  "U4",
  "H5",
  "P2",
  "PR1",
  "XX",
  "LTF",
  "Long-term fostering",
  "ISSUE",
  "Stepped down",
  "APPROVED",
  "Refused",
  "MAINSTREAM",
  "Kinship",
  "unknown words",
  "#N/A",
  4,
];

const COUNTS: readonly CellValue[] = [0, 1, 2, 3, 1.5, -1, "2", " 3 ", "two", "", true, { error: "#DIV/0!" }];

const NAMES: readonly CellValue[] = [
  "Jane Smith",
  "Jane Smith",
  "jane smith ",
  "J Smith",
  "J. Smith",
  "Smith, Jane",
  "John Smith",
  "JANE SMITH",
  "Ann  Lee",
  "Ann Lee",
  "ann lee",
  "A Lee",
  "Tom Green\t",
  "Ravi Patel",
  "R Patel",
  // With John and Jane on the sheet "J Smith" has a group of its own, which "I Smith" may join.
  "I Smith",
  "Ian Smith",
  "\u00a0Ravi Patel",
  "#NAME?",
  "Single",
];

const TEXTS: readonly CellValue[] = [
  "Team A",
  "Team A ",
  " Team B",
  "Fostering",
  "Settled",
  "line one \nline two",
  42,
  "#N/A",
];

function pick<T>(random: RandomSource, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}
