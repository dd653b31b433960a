import { parseIsoDate, utcDateFromEpochDay, type EpochDay } from "../../engine/dates/epochDay";
import { MemoryWorkbook } from "../../engine/port/MemoryWorkbook";
import { recordHistoryAfterJob } from "./historyAfterJob";

const day = (iso: string): EpochDay => parseIsoDate(iso) as EpochDay;
const date = (iso: string): Date => utcDateFromEpochDay(day(iso));
const tracker = () =>
  new MemoryWorkbook([
    {
      name: "Joint Tracker",
      values: [
        ["Child ID", "Date became looked after", "1st PPM", "Latest PPM"],
        ["C1", date("2025-01-02"), date("2025-01-10"), date("2025-02-14")],
      ],
    },
  ]);
const sheetNames = async (port: MemoryWorkbook): Promise<string[]> =>
  (await port.listSheets()).map((s) => s.name);

describe("recording the Tracker history after a job in the pane", () => {
  it("records the tracker's dates after a job that ran, seen today", async () => {
    const port = tracker();
    await recordHistoryAfterJob(port, { ok: true }, day("2025-03-21"));
    expect(await sheetNames(port)).toEqual(["Joint Tracker", "Tracker history"]);
  });

  it("leaves the workbook as it was after a refused job, such as a compare of overlapping periods", async () => {
    const port = tracker();
    await recordHistoryAfterJob(port, { ok: false, message: "the periods overlap" }, day("2025-03-21"));
    expect(await sheetNames(port)).toEqual(["Joint Tracker"]);
  });

  it("records nothing without today's date", async () => {
    const port = tracker();
    await recordHistoryAfterJob(port, undefined, undefined);
    expect(await sheetNames(port)).toEqual(["Joint Tracker"]);
  });
});
