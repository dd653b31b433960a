import type { WorkbookPort } from "../engine/port/WorkbookPort";
import type { SheetKey, TrackerProfile } from "../engine/profile/TrackerProfile";
import { findTrackerSheet } from "../engine/tables/findTrackerSheet";
import { mapTrackerTable, type TableMapping } from "../engine/tables/mapTrackerTable";
import type { TableFinding } from "../engine/tables/TableFinding";
import type { TrackerTable } from "../engine/tables/TrackerTable";

/** How one profile sheet was read: mapped from a worksheet, or missing from the workbook. */
export type SheetRead =
  { status: "read"; sheetName: string; mapping: TableMapping } | { status: "missing"; finding: TableFinding };

export interface TrackerRead {
  /** One table per profile sheet whose worksheet was found and whose header row was found. */
  tables: TrackerTable[];
  /** Per profile sheet, how it was read. */
  mappings: Partial<Record<SheetKey, SheetRead>>;
  /** Every finding about the workbook's shape, sheet by sheet in profile order. */
  findings: TableFinding[];
}

/** What a workbook without the sheet cannot have: said plainly, so nobody waits for an agenda. */
const SWITCHED_OFF: Record<SheetKey, string> = {
  jointTracker: "children's timeliness checks, statuses and joint tracking agendas are off",
  ploTracker: "pre-proceedings checks and PLO agendas are off",
  recruitment: "fostering recruitment and assessment checks and agendas are off",
  fosteringSupport: "approved household checks and fostering support agendas are off",
  familyFinding: "family-finding checks and agendas are off",
  connectedPersons: "connected persons checks and agendas are off",
};

/**
 * Reads every profile sheet the workbook has, in place: finds each worksheet by title or alias,
 * reads them all at once and maps their columns. A missing sheet is not an error: it switches off what needs
 * it, with a message that says so.
 */
export async function readTracker(port: WorkbookPort, profile: TrackerProfile): Promise<TrackerRead> {
  const sheets = await port.listSheets();
  const read: TrackerRead = { tables: [], mappings: {}, findings: [] };
  const found = profile.sheets.map((spec) => ({ spec, sheet: findTrackerSheet(sheets, spec) }));
  // Every sheet in one read where the port can (in Excel, one round trip for all of them rather
  // than two each); elsewhere one at a time, each let go once mapped.
  const toRead = found.flatMap(({ sheet }) => (sheet ? [sheet.name] : []));
  const together = port.readSheets
    ? new Map((await port.readSheets(toRead)).map((s, i) => [toRead[i], s] as const))
    : undefined;
  for (const { spec, sheet } of found) {
    if (!sheet) {
      const finding: TableFinding = {
        code: "SHEET-MISSING",
        severity: "info",
        sheet: spec.title,
        message: `No ${spec.title} sheet: ${SWITCHED_OFF[spec.key]}.`,
      };
      read.mappings[spec.key] = { status: "missing", finding };
      read.findings.push(finding);
      continue;
    }
    // Two tabs matching one profile sheet ("Joint Tracker" and "CLA tracker"): only the first is
    // read, so say which, rather than leave the other's rows silently out (issue 10).
    const others = sheets.filter((s) => s !== sheet && findTrackerSheet([s], spec) !== undefined);
    if (others.length > 0) {
      read.findings.push({
        code: "SHEET-AMBIGUOUS",
        severity: "warning",
        sheet: sheet.name,
        message:
          `${others.map((s) => `"${s.name}"`).join(", ")} also ${others.length === 1 ? "looks" : "look"} like the ` +
          `${spec.title} sheet: only "${sheet.name}" is read. Rename the other sheet if it holds ${spec.title} rows.`,
      });
    }
    const snapshot = together?.get(sheet.name) ?? (await port.readSheet(sheet.name));
    together?.delete(sheet.name);
    const mapping = mapTrackerTable(snapshot, spec);
    read.mappings[spec.key] = { status: "read", sheetName: sheet.name, mapping };
    if (mapping.table) read.tables.push(mapping.table);
    read.findings.push(...mapping.findings);
  }
  return read;
}
