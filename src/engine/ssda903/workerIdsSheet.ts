import { plainCellText } from "../cells/plainCellText";
import type { EpochDay } from "../dates/epochDay";
import type { SheetModel } from "../port/SheetModel";
import { SheetRuns } from "../port/sheetRuns";
import type { SheetSnapshot } from "../port/WorkbookPort";
import { normaliseHeader } from "../profile/TrackerProfile";
import type { SocialWorkerRecord } from "./ssda903Records";

/*
 * The Worker IDs sheet: the SSDA903 SocialWorker table (from the 2023-24 return) gives each child's
 * allocated worker as the case system's ID (SW_ID), never a name. The user writes each ID's name here
 * once; refresh then fills the tracker's Social worker column from it. An ID without a name fills
 * nothing: a name is never guessed.
 */

export const WORKER_IDS_SHEET_NAME = "Worker IDs";
const HEADER_ROW = 3;
const HEADER_STYLE = { bold: true, fill: "D9E1F2", border: true } as const;

/** A worker ID as written and the name the user gave it ("" until they do). */
export interface WorkerName {
  id: string;
  name: string;
}

/** The sheet with every ID known, named or not, in ID order; the names the user gave are kept. */
export function buildWorkerIdsSheet(
  names: ReadonlyMap<string, WorkerName>,
  ids: Iterable<string>,
): SheetModel {
  const all = new Map<string, WorkerName>(names);
  for (const id of ids) if (!all.has(workerKeyOf(id))) all.set(workerKeyOf(id), { id: id.trim(), name: "" });
  const c = new SheetRuns();
  c.cell(1, 1, "Worker IDs", { bold: true, size: 14 });
  c.cell(
    2,
    1,
    "The case system's SSDA903 extract names each child's social worker by ID. Write each worker's " +
      "name beside their ID, as the Joint Tracker writes it: refresh fills the Social worker column " +
      "from it. IDs without a name fill nothing.",
    { italic: true },
  );
  c.row(HEADER_ROW, 1, ["Worker ID", "Name"], HEADER_STYLE);
  [...all.values()]
    .sort((a, b) => a.id.localeCompare(b.id, "en-GB", { numeric: true }))
    .forEach(({ id, name }, i) => c.row(HEADER_ROW + 1 + i, 1, name === "" ? [id] : [id, name]));
  return {
    name: WORKER_IDS_SHEET_NAME,
    purpose: "workerIds",
    runs: c.runs,
    columnWidths: { 1: 16, 2: 32 },
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
}

const text = plainCellText;

/**
 * The names the user wrote, by worker key (`workerKeyOf`: trimmed, case aside), from the
 * rows under the "Worker ID" and "Name" headers. Rows without an ID are skipped; an ID without a
 * name is kept with an empty name, so the sheet is written back with it.
 */
export function readWorkerIdsSheet(snapshot: SheetSnapshot): Map<string, WorkerName> {
  const names = new Map<string, WorkerName>();
  let headerIndex = -1;
  let idColumn = 0;
  let nameColumn = 1;
  for (let r = 0; r < Math.min(snapshot.values.length, 20) && headerIndex < 0; r++) {
    const row = (snapshot.values[r] ?? []).map((v) => normaliseHeader(text(v)));
    const id = row.indexOf(normaliseHeader("Worker ID"));
    if (id >= 0) {
      headerIndex = r;
      idColumn = id;
      const name = row.indexOf(normaliseHeader("Name"));
      nameColumn = name >= 0 ? name : id + 1;
    }
  }
  if (headerIndex < 0) return names;
  for (let r = headerIndex + 1; r < snapshot.values.length; r++) {
    const id = text(snapshot.values[r]?.[idColumn]);
    if (id === "") continue;
    const name = text(snapshot.values[r]?.[nameColumn]);
    const key = workerKeyOf(id);
    if (!names.has(key) || name !== "") names.set(key, { id, name });
  }
  return names;
}

/** Worker IDs match trimmed and ignoring case, as child IDs do. */
export function workerKeyOf(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * The child's allocated worker on a day: the allocation running that day (SW_DECOM on or before it,
 * no SW_DEC or one on or after it), the latest begun if several are; undefined when none is.
 */
export function allocatedWorkerOn(
  allocations: readonly SocialWorkerRecord[],
  day: EpochDay,
): SocialWorkerRecord | undefined {
  let found: SocialWorkerRecord | undefined;
  for (const a of allocations) {
    if (a.start > day || (a.end !== undefined && a.end < day)) continue;
    if (!found || a.start > found.start) found = a;
  }
  return found;
}
