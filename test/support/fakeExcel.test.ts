import { EXCEL_HOSTS, EXCEL_HOST_NAMES } from "./excelHostProfiles";
import { FakeExcel, FakeExcelError } from "./fakeExcel";

/*
 * The fake is the only Excel the tests have, so what it does that Excel documents is tested here:
 * a fake kinder than Excel lets the port pass tests it would fail in Excel.
 */

describe("The fake Excel's host profiles", () => {
  it("answers isSetSupported as each Excel version does", () => {
    const highest = (host: (typeof EXCEL_HOST_NAMES)[number]): number => {
      const excel = new FakeExcel({ host });
      let minor = 0;
      while (excel.isSetSupported("ExcelApi", `1.${minor + 1}`)) minor++;
      return minor;
    };
    expect(Object.fromEntries(EXCEL_HOST_NAMES.map((h) => [h, highest(h)]))).toEqual({
      excel2019: 7,
      excel2021: 14,
      excel2024: 17,
      microsoft365: 20,
      web: 20,
    });
    expect(new FakeExcel({ host: "microsoft365" }).isSetSupported("ExcelUndoApiAll", "1.0")).toBe(true);
    expect(new FakeExcel({ host: "excel2024" }).isSetSupported("ExcelUndoApiAll", "1.0")).toBe(false);
    expect(new FakeExcel({ host: "web" }).isSetSupported("WordApi", "1.1")).toBe(false);
    expect(EXCEL_HOSTS.microsoft365.label).toContain("2509");
  });
});

describe("The fake Excel's undo stack", () => {
  const withSheet = (host: "microsoft365" | "web" | "excel2021"): FakeExcel => {
    const excel = new FakeExcel({ host });
    excel.addSheet({ name: "Tracker", values: [["C001"]] });
    excel.addSheet({ name: "Old", values: [["x"]] });
    excel.userEdit("typed", (x) => ((x.sheets[0]?.values[0] ?? [])[1] = "note"));
    return excel;
  };

  it("adds an add-in's change as one step from ExcelApi 1.20, which Undo takes back", async () => {
    const excel = withSheet("microsoft365");
    const before = excel.state();
    await excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Tracker").getRange("A1").values = [["C002"]];
      await context.sync();
      context.workbook.worksheets.getItemOrNullObject("Tracker").getRange("A2").values = [["C003"]];
      await context.sync();
    });
    expect(excel.undoStack.map((s) => s.label)).toEqual(["typed", "add-in: Range"]);
    excel.undo();
    expect(excel.state()).toBe(before);
  });

  it("empties the stack when a sheet is deleted, and refuses the delete in a merged undo group", async () => {
    const excel = withSheet("microsoft365");
    await expect(
      excel.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Old").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(excel.sheet("Old")).toBeDefined();
    expect(excel.userUndoSteps()).toEqual(["typed"]);

    await excel.run({}, async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Old").delete();
      await context.sync();
    });
    expect(excel.undoStack).toEqual([]);
    expect(excel.undoCleared).toEqual(["Worksheet.delete"]);
  });

  it("undoes renaming a sheet on the web but not on Windows", async () => {
    const rename = async (excel: FakeExcel): Promise<void> =>
      excel.run({}, async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Old").name = "Older";
        await context.sync();
      });
    const web = withSheet("web");
    await rename(web);
    expect(web.undoStack.map((s) => s.label)).toEqual(["typed", "add-in: Worksheet.name"]);
    const windows = withSheet("microsoft365");
    await rename(windows);
    expect(windows.undoCleared).toEqual(["Worksheet.name"]);
    expect(windows.undoStack).toEqual([]);
  });

  it("empties the stack on any add-in change before ExcelApi 1.20, and ignores mergeUndoGroup there", async () => {
    const excel = withSheet("excel2021");
    await excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Tracker").getRange("A1").values = [["C002"]];
      await context.sync();
    });
    expect(excel.undoStack).toEqual([]);
    expect(excel.undoCleared).toEqual(["Range"]);
  });
});

describe("The fake Excel's co-authors", () => {
  it("keep their edits off this user's undo stack, and the fake will not undo past one", () => {
    const excel = new FakeExcel({ host: "web" });
    excel.addSheet({ name: "Tracker", values: [["C001"]] });
    excel.userEdit("typed", (x) => ((x.sheets[0]?.values[0] ?? [])[1] = "mine"));
    excel.coAuthorEdit((x) => ((x.sheets[0]?.values[0] ?? [])[2] = "theirs"));
    expect(excel.userUndoSteps()).toEqual(["typed"]);
    expect(() => excel.undo()).toThrow("past a co-author's edit");
  });
});

describe("The fake Excel's read limit", () => {
  it("refuses to read the values of a range of more than 5,000,000 cells", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "Big", values: [["x"]] });
    const read = (address: string): Promise<unknown> =>
      excel.run({}, async (context) => {
        const range = context.workbook.worksheets.getItemOrNullObject("Big").getRange(address);
        range.load("rowCount");
        await context.sync();
        range.load("values");
        await context.sync();
        return range.rowCount;
      });
    await expect(read("A1:E1000001")).rejects.toBeInstanceOf(FakeExcelError);
    await expect(read("A1:E1000001")).rejects.toMatchObject({
      message: expect.stringContaining("5,000,000"),
    });
    await expect(read("A1:E1000")).resolves.toBe(1000);
  });
});
