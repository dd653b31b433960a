import { OfficeWorkbook } from "../src/excel/OfficeWorkbook";
import { runChecks } from "../src/engine/checks/runChecks";
import { buildDataQualitySheet } from "../src/engine/fixes/buildDataQualitySheet";
import { DEFAULT_PROFILE } from "../src/engine/profile/defaultProfile";
import { generateSampleTracker } from "../src/engine/sample/generateSampleTracker";
import { createWorkingDayCalendar } from "../src/engine/calendar/WorkingDayCalendar";
import { readTracker } from "../src/jobs/readTracker";
import { fakeExcelOf, type FakeExcel } from "../test/support/fakeExcel";
import { engineInputOf, evaluateTables } from "./engineStages";
import { BENCH_AS_OF } from "./benchAsOf";
import { planSurgeryAgenda } from "../src/engine/agenda/planSurgeryAgenda";
import { buildAgendaSheet } from "../src/engine/agenda/buildAgendaSheet";
import { profileSheet } from "../src/engine/profile/TrackerProfile";
import { DEFAULT_STANDARDS } from "../src/engine/standards/defaultStandards";
import { formatIsoDate } from "../src/engine/dates/epochDay";
import type { SheetModel } from "../src/engine/port/SheetModel";

export interface OfficeRoundTrips {
  rows: number;
  /** Reading every tracker sheet through the Office port: `context.sync()` calls. */
  readSyncs: number;
  /** Writing the Data quality sheet (one row per issue) and the joint tracking agenda. */
  writeSyncs: number;
  /** The largest request or response of any sync, in bytes (target: none over 4 MB). */
  largestPayloadBytes: number;
  /** Writes the port refused (a request over Excel's 5 MB limit), in its own words. */
  failedWrites: string[];
}

function countFrom(excel: FakeExcel): () => { syncs: number; largest: number } {
  const syncsBefore = excel.syncs;
  const recordsBefore = excel.records.length;
  return () => ({
    syncs: excel.syncs - syncsBefore,
    largest: Math.max(
      0,
      ...excel.records.slice(recordsBefore).map((r) => Math.max(r.requestBytes, r.responseBytes)),
    ),
  });
}

/**
 * Office round trips at one size, through the counting fake of Excel (test/support/fakeExcel.ts):
 * the whole tracker read through OfficeWorkbook, then the two largest sheets the add-in writes.
 */
export async function measureOffice(rows: number): Promise<OfficeRoundTrips> {
  const sample = generateSampleTracker({ children: rows, seed: 1, asOf: BENCH_AS_OF, messy: true });
  const excel = fakeExcelOf(sample.sheets);
  const port = new OfficeWorkbook(excel);

  const reading = countFrom(excel);
  const read = await readTracker(port, DEFAULT_PROFILE);
  const readCounts = reading();

  const input = engineInputOf(sample, BENCH_AS_OF);
  const calendar = createWorkingDayCalendar();
  const issues = runChecks(read.tables, { asOf: BENCH_AS_OF, calendar, profile: DEFAULT_PROFILE });
  const evaluation = evaluateTables(input, read.tables);
  const table = read.tables.find((t) => t.sheetKey === "jointTracker");
  const sheet = profileSheet(DEFAULT_PROFILE, "jointTracker");
  const writing = countFrom(excel);
  const failedWrites: string[] = [];
  const write = async (model: SheetModel): Promise<void> => {
    // A refused write is a finding to report, not a reason to stop measuring.
    await port.writeSheet(model).catch((error: unknown) => {
      failedWrites.push(error instanceof Error ? error.message : String(error));
    });
  };
  await write(buildDataQualitySheet(issues, BENCH_AS_OF));
  if (table && sheet) {
    const agenda = planSurgeryAgenda(
      {
        surgery: "joint-tracking",
        date: BENCH_AS_OF,
        asOf: BENCH_AS_OF,
        names: false,
        all: false,
        generatedAt: formatIsoDate(BENCH_AS_OF),
      },
      { evaluation, table, sheet, standards: DEFAULT_STANDARDS },
    );
    await write(buildAgendaSheet(agenda, agenda.sheetName));
  }
  const writeCounts = writing();
  return {
    rows,
    readSyncs: readCounts.syncs,
    writeSyncs: writeCounts.syncs,
    largestPayloadBytes: Math.max(readCounts.largest, writeCounts.largest),
    failedWrites,
  };
}
