import type { SheetInfo } from "../engine/port/WorkbookPort";
import { outputNamesByKey, parseOwnedSheets } from "../engine/port/ownedSheets";
import type { OfficeAccess } from "./officeAccess";
import { hostSheetsIn, readRegister } from "./ownedRegister";

/**
 * The workbook's sheets, each with the output the register of owned sheets names it as (when it is
 * the add-in's), in one `Excel.run`.
 */
export async function listSheets(access: OfficeAccess): Promise<SheetInfo[]> {
  access.requireMinimum();
  return access.host.run({}, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name,items/visibility,items/protection/protected");
    const entries = parseOwnedSheets((await readRegister(context)) ?? "");
    const outputs = outputNamesByKey(entries, "office", await hostSheetsIn(context, sheets.items, entries));
    return sheets.items.map((s) => {
      const output = outputs.get(s.id);
      return {
        name: s.name,
        visibility: visibilityOf(s.visibility),
        protected: s.protection.protected,
        ...(output === undefined ? {} : { output }),
      };
    });
  });
}

function visibilityOf(value: string): SheetInfo["visibility"] {
  if (value === "Hidden") return "hidden";
  if (value === "VeryHidden") return "veryHidden";
  return "visible";
}
