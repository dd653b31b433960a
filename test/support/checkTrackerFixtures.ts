import { MemoryWorkbook } from "../../src/engine/port/MemoryWorkbook";

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** A small tracker with planted problems (made-up IDs and names), for the jobs' tests. */
export function smallTracker(options: { protectedTracker?: boolean } = {}): MemoryWorkbook {
  return new MemoryWorkbook([
    {
      name: "Joint Tracker",
      protected: options.protectedTracker ?? false,
      values: [
        [
          "Child ID",
          "Date of birth",
          "Date became looked after",
          "Social worker",
          "1st CLA review",
          "1st PPM",
        ],
        ["C1", utc(2016, 5, 1), "3rd April 2024", "Jane Smith", utc(2024, 4, 30), "TBC"],
        ["C2", utc(2017, 6, 2), utc(2024, 6, 3), "Jane Smith", "31/02/2024", utc(2024, 5, 20)],
        ["C3", utc(2018, 7, 3), utc(2024, 9, 2), "jane smith ", null, null],
      ],
    },
    {
      name: "Fostering Support",
      values: [
        ["Household ID", "Supervising social worker", "Approval date", "Approved places", "Children placed"],
        ["H1", "Tom Green ", utc(2020, 1, 6), 2, 3],
      ],
    },
  ]);
}
