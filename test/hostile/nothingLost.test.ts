import ExcelJS from "exceljs";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { saveWorkbook } from "../../src/cli/commands/checkCommandFiles";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { AS_OF, runCommand } from "../support/hostileRun";
import { hostileFolder, structureCases } from "../support/hostileWorkbooks";

const folder = hostileFolder("lost");

/** A sheet as data: every cell's value, formula, number format and style, merges, widths, validation. */
async function sheetAsData(path: string, name: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  const cells: unknown[] = [];
  ws?.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) =>
      cells.push([cell.address, cell.value, cell.numFmt, cell.style, cell.dataValidation]),
    ),
  );
  return {
    cells,
    merges: ws?.model.merges,
    widths: ws?.columns.map((c) => c.width),
    names: wb.definedNames.model,
    // exceljs types getTables() as [Table, void][], but it returns the Table objects themselves.
    tables: (ws?.getTables() as unknown as { table: { name: string } }[] | undefined)?.map(
      (t) => t.table.name,
    ),
  };
}

describe("nothing lost", () => {
  it.each(["definedNames", "excelTable", "filteredAndHiddenRows", "protectedSheet"] as const)(
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

  it("writes nothing when a save fails, replaces an existing file whole, and leaves no temporary file", async () => {
    const target = join(folder, "missing-folder", "copy.xlsx");
    await expect(saveWorkbook(XlsxWorkbook.create(), target)).rejects.toThrow(/cannot write/);
    const existing = join(folder, "existing.xlsx");
    writeFileSync(existing, "old");
    await saveWorkbook(XlsxWorkbook.create(), existing);
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
