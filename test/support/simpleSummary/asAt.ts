import type { CellValue } from "../../../src/engine/cells/CellValue";
import { matchCode, PLACEMENT_PROVIDER, PLACEMENT_TYPE } from "../../../src/engine/profile/codeLists";
import type { InHouseFostering, MedianOf, Occupancy } from "../../../src/engine/summary/SummaryFigures";
import type { TrackerRow, TrackerTable } from "../../../src/engine/tables/TrackerTable";
import { readDate, simpleMedian, textIn } from "./common";
import type { Counted } from "./counted";

/*
 * The snapshot figures, as at the as-of date whatever the month (SummaryFigures.ts): occupancy of
 * the open fostering households, where the children looked after in foster care with other carers
 * are placed, and their placement moves in the last 12 months.
 */

/**
 * Open on the as-of date: the row started (BLA, approval) on or before it and has no exit (permanence
 * achieved, deregistered) on or before it; a row with an unreadable start or exit is not open.
 */
export function isOpen(row: TrackerRow, startKey: string, exitKey: string, asOf: number): boolean {
  const start = readDate(row, startKey);
  const exit = readDate(row, exitKey);
  return (
    start.kind === "date" &&
    start.day <= asOf &&
    (exit.kind === "empty" || (exit.kind === "date" && exit.day > asOf))
  );
}

/** A count cell: a number (or a number typed as text), blank, or something else. */
function countIn(value: CellValue | undefined): number | "blank" | "not a number" {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") return value;
  if (typeof value !== "string") return "not a number";
  if (value.trim() === "") return "blank";
  return /^[+-]?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : "not a number";
}

const COUNT_KEYS = ["approvedPlaces", "childrenPlaced", "vacantPlaces", "notAvailablePlaces"] as const;

/**
 * Approved places over the open households: a household counts when its approved places are a
 * number above 0 and its other counts are numbers or blank (none); the rest are left out. Each open
 * household is traced with its four cells as typed.
 */
export function simpleOccupancy(
  support: TrackerTable,
  asOf: number,
): { occupancy: Occupancy; trace: Omit<Counted, "date">[] } {
  const occupancy: Occupancy = {
    households: 0,
    approvedPlaces: 0,
    childrenPlaced: 0,
    vacantPlaces: 0,
    notAvailablePlaces: 0,
    householdsLeftOut: 0,
  };
  const trace: Omit<Counted, "date">[] = [];
  for (const row of support.rows) {
    if (!isOpen(row, "approvalDate", "deregistered", asOf)) continue;
    const [approved, placed, vacant, notAvailable] = COUNT_KEYS.map((key) => countIn(row.values[key]));
    const cells = COUNT_KEYS.map((key) => textIn(row.values[key]) ?? "blank");
    trace.push({
      sheetName: support.sheetName,
      row: row.rowNumber,
      id: textIn(row.values["householdId"]),
      standard: null,
      outcome: `approved ${cells[0]}, placed ${cells[1]}, vacant ${cells[2]}, not available ${cells[3]}`,
    });
    const others = [placed, vacant, notAvailable];
    if (typeof approved !== "number" || approved <= 0 || others.includes("not a number")) {
      occupancy.householdsLeftOut += 1;
      continue;
    }
    const none = (count: typeof placed): number => (typeof count === "number" ? count : 0);
    occupancy.households += 1;
    occupancy.approvedPlaces += approved;
    occupancy.childrenPlaced += none(placed);
    occupancy.vacantPlaces += none(vacant);
    occupancy.notAvailablePlaces += none(notAvailable);
  }
  return { occupancy, trace };
}

/**
 * Children looked after on the as-of date in a foster placement with another carer (U4–U6), by
 * provider: PR1 the authority's own carers, PR4 and PR5 agencies, anything else outside the share.
 */
export function simpleInHouse(
  joint: TrackerTable,
  exitKey: string,
  asOf: number,
): { inHouse: InHouseFostering; trace: Omit<Counted, "date">[] } {
  const inHouse: InHouseFostering = { inHouse: 0, external: 0, otherOrUnknown: 0 };
  const trace: Omit<Counted, "date">[] = [];
  for (const row of joint.rows) {
    if (!isOpen(row, "becameLookedAfter", exitKey, asOf)) continue;
    const type = matchCode(PLACEMENT_TYPE, textIn(row.values["placementType"]) ?? undefined);
    if (type.kind !== "code" || !["U4", "U5", "U6"].includes(type.code.code)) continue;
    const providerText = textIn(row.values["placementProvider"]);
    const provider = matchCode(PLACEMENT_PROVIDER, providerText ?? undefined);
    const code = provider.kind === "code" ? provider.code.code : null;
    if (code === "PR1") inHouse.inHouse += 1;
    else if (code === "PR4" || code === "PR5") inHouse.external += 1;
    else inHouse.otherOrUnknown += 1;
    trace.push({
      sheetName: joint.sheetName,
      row: row.rowNumber,
      id: textIn(row.values["childId"]),
      standard: null,
      outcome: `${type.code.code} ${providerText ?? "(no provider)"}`,
    });
  }
  return { inHouse, trace };
}

/** Placement moves in the last 12 months of the children looked after on the as-of date: whole numbers from 0. */
export function simplePlacements(joint: TrackerTable, exitKey: string, asOf: number): MedianOf {
  const counts: number[] = [];
  for (const row of joint.rows) {
    if (!isOpen(row, "becameLookedAfter", exitKey, asOf)) continue;
    const count = countIn(row.values["placementsLast12Months"]);
    if (typeof count === "number" && Number.isInteger(count) && count >= 0) counts.push(count);
  }
  return simpleMedian(counts);
}
