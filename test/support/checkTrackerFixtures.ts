import type { CellValue } from "../../src/engine/cells/CellValue";
import { MemoryWorkbook } from "../../src/engine/port/MemoryWorkbook";

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/**
 * A small tracker's rows with planted problems (made-up IDs and names): a text date, TBC, an
 * impossible date, a PPM before BLA, one worker written two ways, a household with more children
 * than places. The jobs' tests hold them in memory, the commands' tests in an .xlsx file.
 */
export const MESSY_JOINT_TRACKER: readonly (readonly CellValue[])[] = [
  ["Child ID", "Date of birth", "Date became looked after", "Social worker", "1st CLA review", "1st PPM"],
  ["C1", utc(2016, 5, 1), "3rd April 2024", "Jane Smith", utc(2024, 4, 30), "TBC"],
  ["C2", utc(2017, 6, 2), utc(2024, 6, 3), "Jane Smith", "31/02/2024", utc(2024, 5, 20)],
  ["C3", utc(2018, 7, 3), utc(2024, 9, 2), "jane smith ", null, null],
];
export const MESSY_FOSTERING_SUPPORT: readonly (readonly CellValue[])[] = [
  ["Household ID", "Supervising social worker", "Approval date", "Approved places", "Children placed"],
  ["H1", "Tom Green ", utc(2020, 1, 6), 2, 3],
];

/** The small tracker in memory, for the jobs' tests. */
export function smallTracker(options: { protectedTracker?: boolean } = {}): MemoryWorkbook {
  return new MemoryWorkbook([
    {
      name: "Joint Tracker",
      protected: options.protectedTracker ?? false,
      values: MESSY_JOINT_TRACKER.map((row) => [...row]),
    },
    { name: "Fostering Support", values: MESSY_FOSTERING_SUPPORT.map((row) => [...row]) },
  ]);
}
