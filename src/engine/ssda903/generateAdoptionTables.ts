import type { CellValue } from "../cells/CellValue";
import { coerceCellDate } from "../cells/coerceCellDate";
import { epochDayFromParts, formatUkDate, partsFromEpochDay, type EpochDay } from "../dates/epochDay";
import { DEFAULT_PROFILE } from "../profile/defaultProfile";
import { matchCode, YES_NO } from "../profile/codeLists";
import { profileSheet, type SheetSpec } from "../profile/TrackerProfile";
import type { SampleSheet, SampleTracker } from "../sample/SampleTracker";
import { randomChance, randomItem, type RandomSource } from "../sample/seededRandom";
import { mapTrackerTable } from "../tables/mapTrackerTable";
import { cellOf, type TrackerRow } from "../tables/TrackerTable";
import { plainCellText } from "../cells/plainCellText";

/*
 * The SSDA903 return's adoption tables for a sample tracker, from its Family Finding sheet, with the
 * DfE's column names (liia-tools liiatools/spec/s903 SSDA903_schema_2024.yml):
 * - PlacedAdoption: CHILD, DOB, DATE_PLACED (the should-be-placed decision), DATE_PLACED_CEASED and
 *   REASON_PLACED_CEASED (RD1–RD4) when the decision was reversed;
 * - AD1, for children adopted in the collection year (1 April to the as-of date): CHILD, DOB,
 *   DATE_INT (equal to DATE_PLACED, as the DfE rules require), DATE_MATCH, FOSTER_CARE (1 adopted by
 *   the child's foster carers), NB_ADOPTR, SEX_ADOPTR (M1, F1, MM, FF, MF), LS_ADOPTR (L0 single,
 *   L11 and L12 married couples of different and the same gender, L3 and L2 civil partners of different
 *   and the same gender, L4 unmarried couple; the DfE rules 517 and 520 tie L3 and L11 to MF).
 * A child adopted is one whose adoption row closed on or after the placement date.
 */

const CRLF = "\r\n";
const REVERSAL_REASONS = ["RD1", "RD2", "RD3", "RD4"] as const;

function sheetRows(sample: SampleTracker, key: "jointTracker" | "familyFinding"): readonly TrackerRow[] {
  const spec = profileSheet(DEFAULT_PROFILE, key) as SheetSpec;
  const sheet: SampleSheet | undefined = sample.sheets.find((s) => s.name === spec.title);
  if (!sheet) return [];
  const snapshot = { name: sheet.name, values: sheet.values, merges: sheet.merges ?? [], protected: false };
  return mapTrackerTable(snapshot, spec).table?.rows ?? [];
}

const dayOf = (value: CellValue): EpochDay | undefined => {
  const read = coerceCellDate(value);
  return read.kind === "date" ? read.day : undefined;
};

/** The first day of the SSDA903 collection year holding the day (1 April). */
function collectionYearStart(day: EpochDay): EpochDay {
  const { year, month } = partsFromEpochDay(day);
  return epochDayFromParts(month >= 4 ? year : year - 1, 4, 1) as EpochDay;
}

/** PlacedAdoption and AD1 as CSV files, dates dd/mm/yyyy, CRLF line ends, as case systems export them. */
export function generateAdoptionTables(
  sample: SampleTracker,
  asOf: EpochDay,
  random: RandomSource,
): { name: string; text: string }[] {
  const births = new Map<string, EpochDay>();
  for (const row of sheetRows(sample, "jointTracker")) {
    const id = plainCellText(cellOf(row, "childId"));
    const dob = dayOf(cellOf(row, "dateOfBirth"));
    if (id !== "" && dob !== undefined && !births.has(id)) births.set(id, dob);
  }
  const placed = [["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]];
  const ad1 = [
    ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  ];
  const yearStart = collectionYearStart(asOf);
  const d = formatUkDate;
  for (const row of sheetRows(sample, "familyFinding")) {
    const id = plainCellText(cellOf(row, "childId"));
    const dob = births.get(id);
    const decided = dayOf(cellOf(row, "shouldBePlaced"));
    if (id === "" || dob === undefined || decided === undefined) continue;
    const reversed = dayOf(cellOf(row, "decisionReversed"));
    const ceased = reversed !== undefined && reversed >= decided ? reversed : undefined;
    placed.push([
      id,
      d(dob),
      d(decided),
      ceased === undefined ? "" : d(ceased),
      ceased === undefined ? "" : randomItem(random, REVERSAL_REASONS),
    ]);

    const match = dayOf(cellOf(row, "adm"));
    const placement = dayOf(cellOf(row, "placementDate"));
    const closed = dayOf(cellOf(row, "closedDate"));
    const adopted =
      ceased === undefined &&
      match !== undefined &&
      placement !== undefined &&
      closed !== undefined &&
      closed >= placement &&
      closed >= yearStart &&
      closed <= asOf;
    if (!adopted) continue;
    const fosterCarers = matchCode(YES_NO, plainCellText(cellOf(row, "adoptedByFosterCarers")));
    const couple = randomChance(random, 0.8);
    const sex = couple
      ? randomItem(random, ["MF", "MF", "MF", "MM", "FF"] as const)
      : randomItem(random, ["F1", "M1"] as const);
    const status = !couple
      ? "L0"
      : sex === "MF"
        ? randomItem(random, ["L11", "L11", "L3", "L4"] as const)
        : randomItem(random, ["L12", "L2", "L4"] as const);
    ad1.push([
      id,
      d(dob),
      d(decided),
      d(match),
      fosterCarers.kind === "code" && fosterCarers.code.code === "YES" ? "1" : "0",
      couple ? "2" : "1",
      sex,
      status,
    ]);
  }
  const csv = (rows: string[][]): string => rows.map((r) => r.join(",")).join(CRLF) + CRLF;
  return [
    { name: "placed_adoption.csv", text: csv(placed) },
    { name: "ad1.csv", text: csv(ad1) },
  ];
}
