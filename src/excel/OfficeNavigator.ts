import type { WorkbookNavigator } from "../engine/port/WorkbookNavigator";
import type { OfficeHost } from "./OfficeApi";
import { OfficeWorkbookError, problemOf } from "./OfficeWorkbookError";

/** Taking the user to a cell: its sheet brought forward and the cell or row selected. */
export class OfficeNavigator implements WorkbookNavigator {
  constructor(private readonly host: OfficeHost) {}

  async select(sheetName: string, cell: string): Promise<void> {
    try {
      await this.host.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load("name,visibility");
        await context.sync();
        if (sheet.isNullObject) {
          throw new OfficeWorkbookError({
            code: "sheet-missing",
            message: `There is no sheet named “${sheetName}” any more: it may have been renamed or deleted. Run the check again.`,
          });
        }
        if (sheet.visibility !== "Visible") {
          throw new OfficeWorkbookError({
            code: "sheet-hidden",
            message: `The sheet “${sheet.name}” is hidden: unhide it (right-click a sheet tab › Unhide) to go to ${cell}.`,
          });
        }
        sheet.activate();
        sheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw error instanceof OfficeWorkbookError
        ? error
        : new OfficeWorkbookError(problemOf(error, `go to ${cell}`));
    }
  }
}
