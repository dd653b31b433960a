import ExcelJS from "exceljs";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { saveWorkbook } from "../../src/cli/commands/checkCommandFiles";
import { parseRangeAddress, parseCellAddress } from "../../src/engine/tables/cellAddress";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { AS_OF, runCommand } from "../support/hostileRun";
import { hostileFolder, structureCases } from "../support/hostileWorkbooks";

const folder = hostileFolder("lost");

/** exceljs keeps a sheet's conditional formats and validations at run time but leaves them out of its types. */
interface SheetInternals {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
}

/** A sheet's parts, as data to compare. */
interface SheetData {
  cells: unknown[];
  merges: unknown;
  widths: unknown;
  names: unknown;
  tables: unknown;
  /** The sheet's conditional formats: range, rule type, formulas, colours, priority. */
  conditionalFormats: ExcelJS.ConditionalFormattingOptions[];
  /** Data validation by address (exceljs keeps one entry per cell or range). */
  validations: [string, ExcelJS.DataValidation][];
}

/**
 * A sheet as data: every cell's value, formula, number format, style and validation, merges, widths,
 * tables, defined names, conditional formats and validations. With `columns`, only what lies in the
 * first `columns` columns: the user's part of a sheet the add-in writes status columns beside.
 */
async function sheetAsData(path: string, name: string, columns = Infinity): Promise<SheetData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${path}`);
  const internals = ws as unknown as SheetInternals;
  const within = (ref: string): boolean => (parseRangeAddress(ref.split(" ")[0] ?? "")?.left ?? 0) <= columns;
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // A blank unstyled cell is there or not depending on what else its row holds; its
      // validation is compared below either way.
      const blank = cell.value === null && Object.keys(cell.style).length === 0;
      if (column <= columns && !blank)
        cells.push([cell.address, cell.value, cell.numFmt, cell.style, cell.dataValidation]);
    }),
  );
  return {
    cells,
    merges: ws.model.merges,
    widths: ws.columns?.slice(0, Math.min(columns, ws.columns.length)).map((c) => c.width),
    names: wb.definedNames.model,
    // exceljs types getTables() as [Table, void][], but it returns the Table objects themselves.
    tables: (ws.getTables() as unknown as { table: { name: string } }[]).map((t) => t.table.name),
    conditionalFormats: (internals.conditionalFormattings ?? []).filter((cf) => within(cf.ref)),
    validations: Object.entries(internals.dataValidations.model)
      .filter((entry): entry is [string, ExcelJS.DataValidation] => entry[1] !== undefined)
      .filter(([address]) => within(address))
      .sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** The commands that write a copy of the workbook, each to its own file. */
function writingCommands(input: string, stem: string): { what: string; argv: string[]; out: string }[] {
  const out = (what: string): string => join(folder, `${stem}-${what}.xlsx`);
  return [
    { what: "check", argv: ["check", input, "--as-of", AS_OF, "--out", out("check")], out: out("check") },
    {
      what: "agenda",
      argv: ["agenda", input, "--surgery", "joint-tracking", "--date", AS_OF, "--out", out("agenda")],
      out: out("agenda"),
    },
    {
      what: "summary",
      argv: ["summary", input, "--month", "2024-10", "--as-of", AS_OF, "--out", out("summary")],
      out: out("summary"),
    },
  ];
}

const CASES = [
  "definedNames",
  "excelTable",
  "filteredAndHiddenRows",
  "protectedSheet",
  "formatsAndValidation",
] as const;

describe("nothing lost", () => {
  it("has a tracker in the corpus with the user's own conditional formats and data validation to lose", async () => {
    const input = await structureCases.formatsAndValidation(join(folder, "corpus-formats.xlsx"));
    const data = await sheetAsData(input, "Joint Tracker");
    expect(data.conditionalFormats.map((cf) => [cf.ref, cf.rules[0]?.type])).toEqual([
      ["H2:H50", "containsText"],
      ["A2:I50", "expression"],
      ["D2:D50", "colorScale"],
    ]);
    expect(data.validations.map(([, v]) => v.type).sort()).toEqual(
      expect.arrayContaining(["date", "list", "textLength"]),
    );
    // F50 is far below the last tracker row: validation on rows still empty is compared too.
    expect(
      data.validations.some(([address]) => parseCellAddress(address.split(":")[0] ?? "")?.row === 50),
    ).toBe(true);
  });

  it.each(CASES)(
    "%s: the agenda copy keeps the tracker sheet exactly, and a second run gives the same agenda",
    async (name) => {
      const input = await structureCases[name](join(folder, `${name}.xlsx`));
      const once = join(folder, `${name}-once.xlsx`);
      const twice = join(folder, `${name}-twice.xlsx`);
      const agenda = ["--surgery", "joint-tracking", "--date", AS_OF];
      expect((await runCommand(["agenda", input, ...agenda, "--out", once])).code).toBe(0);
      expect((await runCommand(["agenda", once, ...agenda, "--out", twice])).code).toBe(0);
      expect(await sheetAsData(once, "Joint Tracker")).toEqual(await sheetAsData(input, "Joint Tracker"));
      expect(await sheetAsData(twice, "Agenda JTM 2024-11-25")).toEqual(
        await sheetAsData(once, "Agenda JTM 2024-11-25"),
      );
    },
  );

  it.each(["formatsAndValidation", "definedNames", "excelTable"] as const)(
    "%s: every copy a command writes (check, agenda, summary) keeps each of the user's sheets exactly",
    async (name) => {
      const input = await structureCases[name](join(folder, `${name}-all.xlsx`));
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(input);
      const sheets = original.worksheets.map((ws) => ws.name);
      for (const command of writingCommands(input, `${name}-all`)) {
        const run = await runCommand(command.argv);
        // check exits 1 when it finds problems in the tracker; the copy is written either way.
        expect([command.what, [0, 1].includes(run.code)]).toEqual([command.what, true]);
        for (const sheet of sheets)
          expect([command.what, sheet, await sheetAsData(command.out, sheet)]).toEqual([
            command.what,
            sheet,
            await sheetAsData(input, sheet),
          ]);
      }
    },
  );

  it("status columns keep the user's conditional formats, validation and cells left of the block", async () => {
    const input = await structureCases.formatsAndValidation(join(folder, "formats-status.xlsx"));
    const once = join(folder, "formats-status-once.xlsx");
    const twice = join(folder, "formats-status-twice.xlsx");
    const columns = ["--as-of", AS_OF, "--status-columns"];
    expect((await runCommand(["status", input, ...columns, "--out", once])).code).toBe(0);
    expect((await runCommand(["status", once, ...columns, "--out", twice])).code).toBe(0);
    // The tracker's nine columns are the user's; the block starts in column J.
    const users = await sheetAsData(input, "Joint Tracker", 9);
    expect(await sheetAsData(once, "Joint Tracker", 9)).toEqual(users);
    expect(await sheetAsData(twice, "Joint Tracker", 9)).toEqual(users);
    expect(await sheetAsData(twice, "Joint Tracker")).toEqual(await sheetAsData(once, "Joint Tracker"));
  });

  it("writes nothing when a save fails, replaces an existing file whole, and leaves no temporary file", async () => {
    const target = join(folder, "missing-folder", "copy.xlsx");
    await expect(saveWorkbook(XlsxWorkbook.create(), target)).rejects.toThrow(/cannot write/);
    const existing = join(folder, "existing.xlsx");
    writeFileSync(existing, "old");
    await saveWorkbook(XlsxWorkbook.create(), existing);
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
