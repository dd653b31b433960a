import { coerceCellDate } from "../cells/coerceCellDate";
import { parseIsoDate, type EpochDay } from "../dates/epochDay";
import { generateSampleTracker } from "../sample/generateSampleTracker";
import { seededRandom } from "../sample/seededRandom";
import { generateAdoptionTables } from "./generateAdoptionTables";
import { readCsv } from "./readCsv";
import { recogniseSsda903Table } from "./ssda903Tables";

/* The sample's PlacedAdoption and AD1 tables: the DfE's columns, and the DfE's rules tying them together. */

const asOf = parseIsoDate("2026-11-24") as EpochDay;
const sample = generateSampleTracker({ children: 2000, seed: 3, asOf, messy: false });
const files = generateAdoptionTables(sample, asOf, seededRandom(9));

function tableOf(file: { name: string; text: string }) {
  const read = readCsv({ name: file.name, content: file.text });
  if (read.kind !== "table") throw new Error(`${file.name} does not read`);
  return read.table;
}

function records(name: string): Record<string, string>[] {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name}`);
  const table = tableOf(file);
  const headers = table.header.fields;
  return table.rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.fields[i] ?? ""])));
}

/** A dd/mm/yyyy text as a day. */
function ukDay(text: string | undefined): number {
  const read = coerceCellDate(text ?? "");
  if (read.kind !== "date") throw new Error(`not a date: ${text}`);
  return read.day;
}

describe("the sample's SSDA903 adoption tables", () => {
  it("are recognised as the return's PlacedAdoption and AD1 tables", () => {
    const kinds = files.map((f) => {
      const recognised = recogniseSsda903Table(tableOf(f));
      return recognised.kind === "table" ? recognised.spec.kind : recognised.kind;
    });
    expect(kinds).toEqual(["placedAdoption", "ad1"]);
  });

  it("give a reason for every reversed decision and none otherwise", () => {
    const placed = records("placed_adoption.csv");
    expect(placed.length).toBeGreaterThan(20);
    const reversed = placed.filter((r) => r.DATE_PLACED_CEASED !== "");
    expect(reversed.length).toBeGreaterThan(0);
    for (const r of placed) {
      expect(r.REASON_PLACED_CEASED === "").toBe(r.DATE_PLACED_CEASED === "");
      if (r.REASON_PLACED_CEASED !== "")
        expect(["RD1", "RD2", "RD3", "RD4"]).toContain(r.REASON_PLACED_CEASED);
    }
  });

  it("list adopted children with DATE_INT equal to DATE_PLACED and on or before DATE_MATCH, as the DfE rules require", () => {
    const placedOn = new Map(records("placed_adoption.csv").map((r) => [r.CHILD, r.DATE_PLACED]));
    const ad1 = records("ad1.csv");
    expect(ad1.length).toBeGreaterThan(0);
    for (const r of ad1) {
      expect(r.DATE_INT).toBe(placedOn.get(r.CHILD ?? ""));
      expect(ukDay(r.DATE_INT)).toBeLessThanOrEqual(ukDay(r.DATE_MATCH));
      expect(["0", "1"]).toContain(r.FOSTER_CARE);
      expect(r.NB_ADOPTR === "1").toBe(["M1", "F1"].includes(r.SEX_ADOPTR ?? ""));
      expect(r.NB_ADOPTR === "1").toBe(r.LS_ADOPTR === "L0");
      // DfE rules 517 and 520: civil partners L3 and married L11 are a male and female couple.
      if (r.LS_ADOPTR === "L3" || r.LS_ADOPTR === "L11") expect(r.SEX_ADOPTR).toBe("MF");
    }
  });
});
