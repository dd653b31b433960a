import ExcelJS from "exceljs";
import { join } from "node:path";
import { AS_OF, fileHash, runEveryCommand, unhandled, type CommandRun } from "../support/hostileRun";
import { hostileFolder, structureCases } from "../support/hostileWorkbooks";

const folder = hostileFolder("structure");

interface Runs {
  check: CommandRun;
  checkOut: CommandRun;
  status: CommandRun;
  statusJson: CommandRun;
  agenda: CommandRun;
  summary: CommandRun;
}

/** Writes the case, runs every command over it and checks what holds for every workbook. */
async function runCase(name: keyof typeof structureCases): Promise<Runs> {
  const path = await structureCases[name](join(folder, `${name}.xlsx`));
  const before = fileHash(path);
  const list = await runEveryCommand(path, folder);
  expect(unhandled(list)).toEqual([]);
  expect(fileHash(path)).toBe(before);
  const [check, checkOut, status, statusJson, agenda, summary] = list as [
    CommandRun,
    CommandRun,
    CommandRun,
    CommandRun,
    CommandRun,
    CommandRun,
  ];
  return { check, checkOut, status, statusJson, agenda, summary };
}

/** The tracker rows status evaluated, by row number. */
function rowsRead(run: CommandRun): number[] {
  const items = JSON.parse(run.stdout) as { row: number }[];
  return [...new Set(items.map((i) => i.row))].sort((a, b) => a - b);
}

describe("workbooks without a tracker", () => {
  it.each(["emptyWorkbook", "noProfileSheets"] as const)(
    "%s: says each sheet is missing, writes no agenda and reports zero rows",
    async (name) => {
      const runs = await runCase(name);
      expect(runs.check.code).toBe(0);
      expect(runs.check.stdout).toMatch(/No Joint Tracker sheet: children's timeliness checks.*are off/);
      expect(runs.status.stdout).toMatch(/across 0 rows/);
      expect(runs.agenda.code).toBe(2);
      expect(runs.agenda.stderr).toMatch(/no Joint Tracker sheet with a header row/);
      expect(runs.agenda.out).toBeUndefined();
      expect(runs.summary.code).toBe(0);
    },
  );
});

describe("headers", () => {
  it("names the missing header row and exits 1 on check", async () => {
    const runs = await runCase("headerMissing");
    expect(runs.check.code).toBe(1);
    expect(runs.check.stdout).toMatch(/No header row found in the first 20 rows of "Joint Tracker"/);
    expect(runs.status.stderr).toMatch(/No header row found/);
    expect(runs.agenda.code).toBe(2);
  });

  it("leaves a repeated header row out of the data and says where it is", async () => {
    const runs = await runCase("headerRepeated");
    expect(runs.check.stdout).toMatch(/repeats its header row at row 5/);
    expect(runs.check.stdout).not.toMatch(/DATE-INVALID/);
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(runs.agenda.stdout).toMatch(/6 case\(s\) for 2 worker\(s\)/);
  });

  it("reads the first of two columns with one header and names both", async () => {
    const runs = await runCase("twoColumnsOneHeader");
    expect(runs.check.stdout).toMatch(
      /2 columns headed "Date became looked after" \(D, J\): only column D is read/,
    );
    const c1 = (
      JSON.parse(runs.statusJson.stdout) as { row: number; standard: string; deadline: string }[]
    ).find((i) => i.row === 2 && i.standard === "cla-review-1");
    // Row 2 became looked after on 05/04/2024 (column D), not 09/01/2023 (column J).
    expect(c1?.deadline).toBe("2024-05-03");
  });

  it("reads a header split over two merged rows as one header, and the rows below it", async () => {
    const runs = await runCase("headerOverTwoMergedRows");
    expect(runs.check.stdout).not.toMatch(/has no "Date became looked after" column/);
    expect(rowsRead(runs.statusJson)).toEqual([3, 4, 5, 6]);
  });
});

describe("tables, visibility and protection", () => {
  it("reads a tracker held in an Excel Table like any other range", async () => {
    const runs = await runCase("excelTable");
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5, 6]);
    expect(runs.agenda.code).toBe(0);
  });

  it("reads a hidden tracker sheet and ignores a very hidden one", async () => {
    const runs = await runCase("hiddenSheets");
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5]);
  });

  it("reads filtered and hidden rows and says so", async () => {
    const runs = await runCase("filteredAndHiddenRows");
    expect(runs.check.stdout).toMatch(/3 hidden rows \(3, 5, 6\): they are read and checked/);
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("reads a protected sheet and writes its agenda to a copy where the sheet stays protected", async () => {
    const runs = await runCase("protectedSheet");
    expect(runs.agenda.code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(runs.agenda.out ?? "");
    const sheet = copy.getWorksheet("Joint Tracker") as unknown as { sheetProtection?: { sheet?: boolean } };
    expect(sheet.sheetProtection?.sheet).toBe(true);
  });

  it("reads a workbook protected against new sheets but writes no copy, as Excel would refuse", async () => {
    const runs = await runCase("protectedWorkbook");
    expect(runs.check.code).toBe(0);
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5]);
    for (const run of [runs.checkOut, runs.agenda, runs.summary]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/protected against adding sheets.*nothing was written/);
      expect(run.out).toBeUndefined();
    }
  });
});

describe("names", () => {
  it("reads the sheet named by the profile's title and warns about the other match", async () => {
    const runs = await runCase("twoTrackerSheets");
    expect(runs.check.stdout).toMatch(
      /"CLA tracker" also looks like the Joint Tracker sheet: only "Joint Tracker" is read/,
    );
    expect(runs.status.stderr).toMatch(/"CLA tracker" also looks like/);
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5]);
  });

  it("reads a workbook with defined names and a validation list that uses one", async () => {
    const runs = await runCase("definedNames");
    expect(runs.check.code).toBe(0);
    expect(rowsRead(runs.statusJson)).toEqual([2, 3, 4, 5]);
    expect(runs.agenda.code).toBe(0);
  });
});

it("evaluates as at the corpus day", () => expect(AS_OF).toBe("2024-11-25"));
