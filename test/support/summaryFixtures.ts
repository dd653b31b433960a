import { createWorkingDayCalendar } from "../../src/engine/calendar/WorkingDayCalendar";
import type { CellValue } from "../../src/engine/cells/CellValue";
import { parseIsoDate, type EpochDay } from "../../src/engine/dates/epochDay";
import { evaluateTracker, type TrackerEvaluation } from "../../src/engine/evaluation/evaluateTracker";
import { DEFAULT_PROFILE } from "../../src/engine/profile/defaultProfile";
import type { SheetKey } from "../../src/engine/profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../../src/engine/standards/defaultStandards";
import type { Standard } from "../../src/engine/standards/Standard";
import type { TrackerTable } from "../../src/engine/tables/TrackerTable";
import { withColumns } from "../../src/engine/tables/tableColumns";

/* Small trackers built in code for the summary tests: dates typed as UK text, as users type them. */

export const calendar = createWorkingDayCalendar();

export function day(iso: string): EpochDay {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
}

/** A table whose columns are the keys used by any of its rows, rows numbered from 2 under a header in row 1. */
export function table(sheetKey: SheetKey, rows: Record<string, CellValue>[]): TrackerTable {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return withColumns({
    sheetKey,
    sheetName: `${sheetKey} sheet`,
    headerRow: 1,
    columns: keys.map((key, i) => ({ key, column: i + 1, header: key })),
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
  });
}

export function standards(...ids: string[]): Standard[] {
  return ids.map((id) => {
    const s = DEFAULT_STANDARDS.find((x) => x.id === id);
    if (!s) throw new Error(`no default standard ${id}`);
    return s;
  });
}

export function evaluate(
  tables: readonly TrackerTable[],
  asOf: string,
  with_: readonly Standard[] = DEFAULT_STANDARDS,
): TrackerEvaluation {
  return evaluateTracker(tables, with_, { asOf: day(asOf), calendar, profile: DEFAULT_PROFILE });
}
