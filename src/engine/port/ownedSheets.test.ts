import {
  ownedSheetsIn,
  ownedSheetsXml,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  stampOf,
  type OwnedSheet,
} from "./ownedSheets";
import type { ModelRun, ModelValue } from "./SheetModel";

const fromCli = (sheet: string, stamp?: string): OwnedSheet => ({
  host: "xlsx",
  key: "7",
  name: sheet,
  sheet,
  purpose: "dataQuality",
  ...(stamp === undefined ? {} : { stamp }),
});

describe("the register of the add-in's sheets", () => {
  it("reads back what it writes, names and stamps escaped", () => {
    const entries: OwnedSheet[] = [
      {
        host: "office",
        key: "{A&B}",
        name: "Agenda <JTM>",
        sheet: 'Agenda "JTM"',
        purpose: "agenda",
        stamp: "A & B",
      },
      fromCli("Data quality"),
    ];
    expect(parseOwnedSheets(ownedSheetsXml(entries))).toEqual(entries);
  });

  it("reads an entry from before hosts were recorded as Office's, which no other host matches by name", () => {
    const legacy = parseOwnedSheets(
      '<ownedSheets xmlns="urn:permanence-tracker:owned-sheets:1"><sheet id="{1}" name="Data quality (2)" purpose="dataQuality"/></ownedSheets>',
    );
    expect(legacy).toEqual([
      { host: "office", key: "{1}", name: "Data quality (2)", sheet: "", purpose: "dataQuality" },
    ]);
    const sheets = [
      { key: "1", name: "Data quality", firstCell: "My notes" },
      { key: "2", name: "Data quality (2)", firstCell: "Data quality" },
    ];
    expect(ownedSheetsIn(legacy, "xlsx", sheets)).toEqual([]);
    expect(ownedSheetsIn(legacy, "office", [{ key: "{1}", name: "Renamed" }])).toHaveLength(1);
  });

  it("takes another host's sheet for ours only while A1 still holds what that host wrote there", () => {
    const entry = fromCli("Data quality", "Data quality: 24/11/2026");
    const ours = { key: "{9}", name: "data quality", firstCell: "Data quality: 24/11/2026" };
    const users = { key: "{9}", name: "Data quality", firstCell: "My own list" };
    expect(ownedSheetsIn([entry], "office", [ours])).toHaveLength(1);
    expect(ownedSheetsIn([entry], "office", [users])).toEqual([]);
    expect(ownedSheetsIn([fromCli("Data quality")], "office", [ours])).toEqual([]);
  });

  it("keeps another host's entries it cannot match, and drops its own for sheets that are gone", () => {
    const renamedInExcel: OwnedSheet = {
      host: "office",
      key: "{5}",
      name: "Data quality",
      sheet: "Data quality",
      purpose: "dataQuality",
      stamp: "x",
    };
    const goneHere: OwnedSheet = {
      host: "xlsx",
      key: "3",
      name: "Change log",
      sheet: "Change log",
      purpose: "changeLog",
    };
    const written: OwnedSheet = {
      host: "xlsx",
      key: "4",
      name: "Data quality",
      sheet: "Data quality",
      purpose: "dataQuality",
    };
    const after = registerAfterWrite(
      [renamedInExcel, goneHere],
      "xlsx",
      [{ key: "1", name: "Joint Tracker" }],
      written,
    );
    expect(after).toEqual([renamedInExcel, written]);
  });

  it("writes beside a user's sheet once, with a note, then over its own sheet there without one", () => {
    const sheets = [
      { key: "1", name: "Summary 2026-10" },
      { key: "2", name: "Summary 2026-10 (2)" },
    ];
    expect(planOwnedWrite([], "memory", sheets.slice(0, 1), "Summary 2026-10")).toEqual({
      name: "Summary 2026-10 (2)",
      note: "A sheet named “Summary 2026-10” is already in the workbook and is not the add-in's, so it was left alone and the new one is called “Summary 2026-10 (2)”.",
    });
    const entry: OwnedSheet = {
      host: "memory",
      key: "2",
      name: "Summary 2026-10",
      sheet: "Summary 2026-10 (2)",
      purpose: "summary",
    };
    expect(planOwnedWrite([entry], "memory", sheets, "Summary 2026-10")).toEqual({
      target: sheets[1],
      name: "Summary 2026-10 (2)",
    });
  });

  it("stamps a model by the text of its A1, the last run to write it winning", () => {
    const a1 = (...values: ModelValue[]): ModelRun[] =>
      values.map((v) => ({ row: 1, column: 1, values: [v] }));
    expect(stampOf({ name: "x", purpose: "agenda", runs: a1("Agenda") })).toBe("Agenda");
    expect(stampOf({ name: "x", purpose: "agenda", runs: a1("Agenda", 3) })).toBe("3");
    expect(stampOf({ name: "x", purpose: "agenda", runs: a1({ date: 1 }) })).toBeUndefined();
    expect(
      stampOf({ name: "x", purpose: "agenda", runs: [{ row: 1, column: 2, values: ["B1"] }] }),
    ).toBeUndefined();
  });
});
