import * as fs from "node:fs";
import * as path from "node:path";
import {
  excelApiSets,
  loadRuleViolations,
  unguardedMembers,
  type CheckOptions,
} from "../../test/support/officeApiSets";
import { OPTIONAL_API, REQUIRED_API } from "./OfficeWorkbook";

/*
 * The manifest admits every Excel with ExcelApi 1.7 (Excel 2019 stops there), so every Office.js
 * member the port uses must be in 1.7 unless it is reached only through `supports(...)` for its set.
 * The sets come from the `[Api set: ExcelApi 1.x]` annotations of @types/office-js.
 */

const DTS = path.join(__dirname, "../../node_modules/@types/office-js/index.d.ts");
const PORT_FILES = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => path.join(__dirname, f));
const options: CheckOptions = { minimum: Number(REQUIRED_API.split(".")[1]), optional: OPTIONAL_API };
const shown = (v: { file: string; line: number; member: string; set: number }): string =>
  `${v.file}:${v.line} ${v.member} (ExcelApi 1.${v.set})`;

describe("The Office.js members the port uses", () => {
  it("reads each member's requirement set from the typings' annotations", () => {
    const sets = excelApiSets(fs.readFileSync(DTS, "utf8"));
    expect(sets.get("Range")?.get("getSpecialCellsOrNullObject")).toEqual({ set: 9, type: "RangeAreas" });
    expect(sets.get("Worksheet")?.get("autoFilter")).toEqual({ set: 9, type: "AutoFilter" });
    expect(sets.get("Worksheet")?.get("freezePanes")?.type).toBe("WorksheetFreezePanes");
    expect(sets.get("WorksheetCollection")?.get("items")?.type).toBe("Worksheet");
    expect(sets.get("RunOptions")?.get("mergeUndoGroup")?.set).toBe(20);
    expect(sets.get("CustomXmlPartCollection")?.get("add")?.set).toBe(5);
  });

  it("are all in ExcelApi 1.7 or reached only through a supports(...) guard for their set", () => {
    expect(unguardedMembers(PORT_FILES, DTS, options).map(shown)).toEqual([]);
  }, 60_000);

  it("finds a planted unguarded ExcelApi 1.9 call, and not the same call behind its guard", () => {
    const planted = path.join(__dirname, "planted.ts");
    const source = (guard: string): string => `
      import type { ExcelWorksheet } from "./OfficeApi";
      import type { WriteFeatures } from "./writeSheetModel";
      export function planted(sheet: ExcelWorksheet, features: WriteFeatures): void {
        ${guard} sheet.getRange("A1:B2").getSpecialCellsOrNullObject("Visible").load("address");
      }
    `;
    const check = (text: string): string[] =>
      unguardedMembers([planted], DTS, { ...options, overrides: new Map([[planted, text]]) })
        .map((v) => `${v.member} ${v.set} ${v.guarded}`)
        .sort();
    expect(check(source(""))).toEqual(["Range.getSpecialCellsOrNullObject 9 0", "RangeAreas.address 9 0"]);
    expect(check(source("if (features.autoFilter)"))).toEqual([]);
    // A guard for an older set than the member's does not do.
    expect(check(source("if (features.gridlines)"))).toEqual([
      "Range.getSpecialCellsOrNullObject 9 8",
      "RangeAreas.address 9 8",
    ]);
  }, 60_000);

  it("finds WriteFeatures flags set without their guard, which would reach newer members unguarded", () => {
    const planted = path.join(__dirname, "plantedFeatures.ts");
    const text = `
      import type { ExcelWorksheet, OfficeHost } from "./OfficeApi";
      import type { SheetModel } from "../engine/port/SheetModel";
      import { writeSheetModel, type WriteFeatures } from "./writeSheetModel";
      export async function planted(host: OfficeHost, sheet: ExcelWorksheet, model: SheetModel): Promise<void> {
        const charts = host.isSetSupported("ExcelApi", "1.1");
        const features: WriteFeatures = { gridlines: true, pageLayout: false, autoFilter: true, charts };
        await writeSheetModel(sheet, model, features, async () => undefined);
      }
    `;
    const found = unguardedMembers([planted], DTS, { ...options, overrides: new Map([[planted, text]]) });
    expect(found.map((v) => `${v.member} ${v.set} ${v.guarded}`).sort()).toEqual([
      "WriteFeatures.autoFilter 9 0",
      "WriteFeatures.gridlines 8 0",
    ]);
  }, 60_000);

  it("finds a member of a port type the map does not name, whose set could not be checked", () => {
    const api = path.join(__dirname, "OfficeApi.ts");
    const withPivots = fs
      .readFileSync(api, "utf8")
      .replace(
        "export interface ExcelWorksheet {",
        "export interface ExcelPivotTableCollection {\n  add(name: string, source: string, destination: string): unknown;\n}\n\n" +
          "export interface ExcelWorksheet {\n  readonly pivotTables: ExcelPivotTableCollection;",
      );
    const planted = path.join(__dirname, "plantedPivots.ts");
    const text = `
      import type { ExcelWorksheet } from "./OfficeApi";
      export function planted(sheet: ExcelWorksheet): void {
        sheet.pivotTables.add("Pivot", "A1:B2", "D1");
      }
    `;
    const found = unguardedMembers([planted], DTS, {
      ...options,
      overrides: new Map([
        [api, withPivots],
        [planted, text],
      ]),
    });
    expect(found.map((v) => `${v.member} ${v.set}`)).toEqual(["ExcelPivotTableCollection.add Infinity"]);
  }, 60_000);

  it("refuses TableRowCollection.add on any Excel: it makes merge conflicts between co-authors", () => {
    // The port's types have no table rows; a copy of them that had would be caught.
    const api = path.join(__dirname, "OfficeApi.ts");
    const withRows = fs
      .readFileSync(api, "utf8")
      .replace(
        "export interface ExcelTable {",
        "export interface ExcelTable {\n  readonly rows: { add(index?: number, values?: unknown[][]): void };",
      );
    const planted = path.join(__dirname, "plantedRows.ts");
    const text = `
      import type { ExcelTable } from "./OfficeApi";
      export function planted(table: ExcelTable): void {
        table.rows.add(undefined, [["C001"]]);
      }
    `;
    const found = unguardedMembers([planted], DTS, {
      ...options,
      overrides: new Map([
        [api, withRows],
        [planted, text],
      ]),
    });
    expect(found.map((v) => `${v.member} ${v.forbidden ?? ""}`)).toEqual([
      "TableRowCollection.add adding table rows makes merge conflicts between co-authors",
    ]);
  }, 60_000);

  it("sets each WriteFeatures flag from supports(...) for the set of the same name", () => {
    const text = fs.readFileSync(path.join(__dirname, "officeAccess.ts"), "utf8");
    const body = /writeFeatures\(\): WriteFeatures \{([\s\S]*?)\n {2}\}/.exec(text)?.[1] ?? "";
    const flags = [...body.matchAll(/(\w+): this\.supports\(OPTIONAL_API\.(\w+)\)/g)];
    expect(flags.length).toBe(4);
    for (const [, flag, set] of flags) expect(flag).toBe(set);
  });

  it("are loaded and tested as eslint-plugin-office-addins' load rules ask, which a planted call breaks", () => {
    expect(loadRuleViolations(PORT_FILES, DTS)).toEqual([]);
    const planted = path.join(__dirname, "plantedLoads.ts");
    const text = `
      import type { ExcelWorksheet } from "./OfficeApi";
      export function planted(sheet: ExcelWorksheet): boolean {
        sheet.load("");
        sheet.load("name,protection");
        return sheet.getUsedRangeOrNullObject() === null;
      }
    `;
    expect(loadRuleViolations([], DTS, new Map([[planted, text]]))).toEqual([
      "plantedLoads.ts:4 no-empty-load",
      "plantedLoads.ts:5 no-navigational-load protection",
      "plantedLoads.ts:6 test-for-null-using-isNullObject",
    ]);
  }, 60_000);
});
