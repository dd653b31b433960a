/** The snapshot figures as at as-of: occupancy, in-house fostering, placement moves. */
import type { CellDate } from "../cells/coerceCellDate";
import { readCount, type CountReading } from "../checks/integerCells";
import type { EpochDay } from "../dates/epochDay";
import {
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  matchCode,
  type CodeList,
  type CodeMatch,
} from "../profile/codeLists";
import { profileSheet, type SheetKey, type TrackerProfile } from "../profile/TrackerProfile";
import type { TrackerTable } from "../tables/TrackerTable";
import { medianOf } from "./medianOf";
import type { InHouseFostering, MedianOf, Occupancy } from "./SummaryFigures";
import { plainCellTextOrNull } from "../cells/plainCellText";

const FOSTER_WITH_OTHER_CARER = new Set(["U4", "U5", "U6"]);
const EXTERNAL_PROVIDERS = new Set(["PR4", "PR5"]);

/** An open joint tracker row placed with foster carers other than relatives, and its type code. */
export interface FosteredRow {
  index: number;
  type: string;
}

/** The rows the snapshot figures count, found once: open children and open households as at as-of. */
export interface AsAt {
  joint?: { table: TrackerTable; open: Uint8Array; fostered: FosteredRow[] };
  support?: { table: TrackerTable; open: Uint8Array };
}

export function asAtOf(
  tableOf: (key: SheetKey) => TrackerTable | undefined,
  asOf: EpochDay,
  profile: TrackerProfile,
): AsAt {
  const asAt: AsAt = {};
  const joint = tableOf("jointTracker");
  if (joint) {
    const open = openRows(
      joint,
      "becameLookedAfter",
      profileSheet(profile, "jointTracker")?.exitColumn,
      asOf,
    );
    asAt.joint = { table: joint, open, fostered: fosteredRows(joint, open) };
  }
  const support = tableOf("fosteringSupport");
  if (support) {
    const exit = profileSheet(profile, "fosteringSupport")?.exitColumn ?? "deregistered";
    asAt.support = { table: support, open: openRows(support, "approvalDate", exit, asOf) };
  }
  return asAt;
}

/** Which rows of a table are open on the as-of date: started on or before it, no exit on or before it. */
function openRows(
  table: TrackerTable,
  startKey: string,
  exitKey: string | undefined,
  asOf: EpochDay,
): Uint8Array {
  const columns = table.byColumn;
  const starts = columns.dates(startKey);
  const exits = exitKey ? columns.dates(exitKey) : undefined;
  const open = new Uint8Array(table.rows.length);
  for (let i = 0; i < open.length; i++) {
    const start = starts[i] as CellDate;
    if (start.kind !== "date" || start.day > asOf) continue;
    const exit = exits?.[i];
    if (exit === undefined || exit.kind === "empty" || (exit.kind === "date" && exit.day > asOf)) open[i] = 1;
  }
  return open;
}

export function occupancyOf(asAt: AsAt): Occupancy {
  const result: Occupancy = {
    households: 0,
    approvedPlaces: 0,
    childrenPlaced: 0,
    vacantPlaces: 0,
    notAvailablePlaces: 0,
    householdsLeftOut: 0,
  };
  if (!asAt.support) return result;
  const { table, open } = asAt.support;
  const columns = table.byColumn;
  const approvedCells = columns.values("approvedPlaces");
  const placedCells = columns.values("childrenPlaced");
  const vacantCells = columns.values("vacantPlaces");
  const notAvailableCells = columns.values("notAvailablePlaces");
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const approved = readCount(approvedCells[i] ?? null);
    // Blank placed / vacant / not-available cells mean none; approved places must be recorded.
    const placed = readCount(placedCells[i] ?? null);
    const vacant = readCount(vacantCells[i] ?? null);
    const notAvailable = readCount(notAvailableCells[i] ?? null);
    if (
      approved.kind !== "number" ||
      approved.value <= 0 ||
      placed.kind === "notNumber" ||
      vacant.kind === "notNumber" ||
      notAvailable.kind === "notNumber"
    ) {
      result.householdsLeftOut += 1;
      continue;
    }
    result.households += 1;
    result.approvedPlaces += approved.value;
    result.childrenPlaced += countOf(placed);
    result.vacantPlaces += countOf(vacant);
    result.notAvailablePlaces += countOf(notAvailable);
  }
  return result;
}

/** A count read from a cell, a blank one as none. */
function countOf(count: CountReading): number {
  return count.kind === "number" ? count.value : 0;
}

/** A code list's reading of each distinct text, once: a code column repeats a few values. */
function codeReader(list: CodeList): (text: string | null) => CodeMatch {
  const read = new Map<string | null, CodeMatch>();
  return (text) => {
    let match = read.get(text);
    if (match === undefined) {
      match = matchCode(list, text ?? undefined);
      read.set(text, match);
    }
    return match;
  };
}

/** The open rows of the joint tracker placed with foster carers other than relatives: their type code. */
function fosteredRows(table: TrackerTable, open: Uint8Array): FosteredRow[] {
  const types = table.byColumn.values("placementType");
  const typeOf = codeReader(PLACEMENT_TYPE);
  const rows: FosteredRow[] = [];
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const type = typeOf(plainCellTextOrNull(types[i]));
    if (type.kind === "code" && FOSTER_WITH_OTHER_CARER.has(type.code.code))
      rows.push({ index: i, type: type.code.code });
  }
  return rows;
}

export function inHouseOf(asAt: AsAt): InHouseFostering {
  const result: InHouseFostering = { inHouse: 0, external: 0, otherOrUnknown: 0 };
  if (!asAt.joint) return result;
  const providers = asAt.joint.table.byColumn.values("placementProvider");
  const providerOf = codeReader(PLACEMENT_PROVIDER);
  const { fostered } = asAt.joint;
  for (let f = 0; f < fostered.length; f++) {
    const provider = providerOf(plainCellTextOrNull(providers[(fostered[f] as FosteredRow).index]));
    const code = provider.kind === "code" ? provider.code.code : null;
    if (code === "PR1") result.inHouse += 1;
    else if (code !== null && EXTERNAL_PROVIDERS.has(code)) result.external += 1;
    else result.otherOrUnknown += 1;
  }
  return result;
}

export function placementsOf(asAt: AsAt): MedianOf {
  if (!asAt.joint) return medianOf([]);
  const { table, open } = asAt.joint;
  const cells = table.byColumn.values("placementsLast12Months");
  const values: number[] = [];
  for (let i = 0; i < open.length; i++) {
    if (open[i] === 0) continue;
    const count = readCount(cells[i] ?? null);
    if (count.kind === "number" && count.value >= 0 && Number.isInteger(count.value))
      values.push(count.value);
  }
  return medianOf(values);
}
