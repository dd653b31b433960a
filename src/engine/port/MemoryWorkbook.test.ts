import { describeWorkbookPort } from "../../../test/contract/workbookPortContract";
import { runsOf } from "../../../test/support/modelRuns";
import { MemoryWorkbook } from "./MemoryWorkbook";

describeWorkbookPort("MemoryWorkbook", async (sheets) => new MemoryWorkbook(sheets));

describe("MemoryWorkbook", () => {
  it("keeps the models written so tests can inspect them", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.writeSheet({
      name: "Change log",
      purpose: "changeLog",
      runs: runsOf([{ row: 1, column: 1, value: "Cell" }]),
    });
    expect(workbook.sheetModel("Change log")?.purpose).toBe("changeLog");
    expect(workbook.sheetModel("Nowhere")).toBeUndefined();
    expect(workbook.snapshot()).toEqual({ "Change log": [["Cell"]] });
  });

  it("does not share its values with the arrays it was built from or hands out", async () => {
    const values = [["Child ID"], ["C001"]];
    const workbook = new MemoryWorkbook([{ name: "T", values }]);
    values[1]![0] = "changed";
    const read = await workbook.readSheet("T");
    read.values[1]![0] = "changed too";
    expect(workbook.snapshot()).toEqual({ T: [["Child ID"], ["C001"]] });
  });

  it("records the number format an applied change sets", async () => {
    const workbook = new MemoryWorkbook([{ name: "T", values: [["03/04/2024"]] }]);
    await workbook.applyChanges({
      id: "1",
      description: "",
      changes: [
        {
          sheet: "T",
          cell: "A1",
          old: "03/04/2024",
          new: new Date(Date.UTC(2024, 3, 3)),
          numberFormat: "dd/mm/yyyy",
          rule: "r",
        },
      ],
    });
    expect(workbook.numberFormat("T", "A1")).toBe("dd/mm/yyyy");
  });

  it("rejects reading a sheet it does not hold", async () => {
    await expect(new MemoryWorkbook().readSheet("Missing")).rejects.toThrow(
      'There is no sheet named "Missing"',
    );
  });
});
