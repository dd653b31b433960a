import { FakeExcel, FakeExcelError } from "../../test/support/fakeExcel";
import { problemOf } from "./OfficeWorkbookError";

describe("the problem behind an Office.js error", () => {
  it("says plainly when Excel refuses a change it cannot undo inside one undo step", async () => {
    const excel = new FakeExcel({ host: "microsoft365" });
    excel.addSheet({ name: "Old", values: [["x"]] });
    const error = await excel
      .run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Old").delete();
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeExcelError);
    expect(problemOf(error, "write “Agenda”")).toEqual({
      code: "failed",
      message:
        "Excel refused to write “Agenda” as one step it can undo, so the add-in stopped. Try again; if it keeps happening, tell whoever supports the add-in.",
      detail: "UndoNotSupported",
    });
  });
});
