import type { SheetModel } from "../engine/port/SheetModel";
import type { ExcelContext, ExcelCustomXmlPart, ExcelWorksheet } from "./OfficeApi";
import { type OfficeProblem } from "./OfficeWorkbookError";
import {
  OWNED_SHEETS_NAMESPACE,
  ownedSheetsXml,
  mergedRegisters,
  parseOwnedSheets,
  planOwnedWrite,
  registerAfterWrite,
  sheetsToStamp,
  stampField,
  stampOfCell,
  type HostSheet,
  type OwnedSheet,
} from "../engine/port/ownedSheets";

/** Where a model goes: the sheet it replaces (if any), the name it gets, the register as found. */
export type WritePlan =
  | {
      ok: true;
      target?: ExcelWorksheet;
      finalName: string;
      registry?: string;
      /** The register's custom XML parts as found (none, one, or several written at once). */
      registerParts: ExcelCustomXmlPart[];
      entries: OwnedSheet[];
      hostSheets: HostSheet[];
      names: string[];
      note?: string;
    }
  | { ok: false; problem: OfficeProblem };

export async function planWrite(context: ExcelContext, model: SheetModel): Promise<WritePlan> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/position,items/visibility,items/protection/protected");
  workbook.protection.load("protected");
  const { xml: registry, parts: registerParts } = await readRegisterParts(context);
  if (workbook.protection.protected) {
    return {
      ok: false,
      problem: {
        code: "workbook-protected",
        message: `The workbook's structure is protected, so “${model.name}” could not be written: unprotect it (Review › Protect Workbook) and try again.`,
      },
    };
  }
  const items = sheets.items;
  const entries = parseOwnedSheets(registry ?? "");
  const hostSheets = await hostSheetsIn(context, items, entries);
  const plan = planOwnedWrite(entries, "office", hostSheets, model.name);
  const target = items.find((s) => s.id === plan.target?.key);

  if (target?.protection.protected) {
    return {
      ok: false,
      problem: {
        code: "sheet-protected",
        message: `The sheet “${target.name}” is protected, so the add-in did not replace it: unprotect it (Review › Unprotect Sheet) and try again.`,
      },
    };
  }
  return {
    ok: true,
    ...(target ? { target } : {}),
    finalName: plan.name,
    ...(registry !== undefined ? { registry } : {}),
    registerParts,
    entries,
    hostSheets,
    names: items.map((s) => s.name),
    ...(plan.note ? { note: plan.note } : {}),
  };
}

export type WritePlanOk = Extract<WritePlan, { ok: true }>;

/**
 * The register of owned sheets as its custom XML part holds it (undefined when there is none yet),
 * read in the sync that also brings whatever the caller queued before.
 */
export async function readRegister(context: ExcelContext): Promise<string | undefined> {
  return (await readRegisterParts(context)).xml;
}

/**
 * The register's parts and what they hold together. Two panes (or co-authors) that each found no
 * register and added one leave two parts of our namespace; Office's getOnlyItemOrNullObject then
 * answers null, which would make every output the user's. Their entries together are the register,
 * and the next write keeps it in the first part and deletes the others.
 */
export async function readRegisterParts(
  context: ExcelContext,
): Promise<{ xml?: string; parts: ExcelCustomXmlPart[] }> {
  const scoped = context.workbook.customXmlParts.getByNamespace(OWNED_SHEETS_NAMESPACE);
  scoped.load("items/id");
  await context.sync();
  const parts = scoped.items;
  if (parts.length === 0) return { parts };
  const xmls = parts.map((part) => part.getXml());
  await context.sync();
  return { xml: mergedRegisters(xmls.map((x) => x.value)), parts };
}

/** The register written into its first part, any further part deleted (or a part added for it). */
export function writeRegister(
  context: ExcelContext,
  parts: readonly ExcelCustomXmlPart[],
  xml: string,
): void {
  const [first, ...extra] = parts;
  if (first === undefined) {
    context.workbook.customXmlParts.add(xml);
    return;
  }
  first.setXml(xml);
  for (const part of extra) part.delete();
}

/**
 * The workbook's sheets by Office's ids, with A1 read (in one sync) from those that the command
 * line's entries of the register name: a sheet is theirs only if A1 still holds what they wrote.
 */
export async function hostSheetsIn(
  context: ExcelContext,
  items: readonly ExcelWorksheet[],
  entries: readonly OwnedSheet[],
): Promise<HostSheet[]> {
  const toStamp = new Set(sheetsToStamp(entries, "office").map((n) => n.toLocaleLowerCase("en-GB")));
  const firstCells = items.map((s) =>
    toStamp.has(s.name.toLocaleLowerCase("en-GB")) ? s.getRange("A1") : undefined,
  );
  for (const range of firstCells) range?.load("values");
  if (firstCells.some((range) => range !== undefined)) await context.sync();
  return items.map((s, i) => {
    const firstCell = stampOfCell(firstCells[i]?.values[0]?.[0]);
    return { key: s.id, name: s.name, ...(firstCell === undefined ? {} : { firstCell }) };
  });
}

/** The register of owned sheets with `sheet` as the model's (in place of the plan's target). */
export function registerOwned(
  context: ExcelContext,
  plan: WritePlanOk,
  sheet: HostSheet,
  model: SheetModel,
): void {
  const entry: OwnedSheet = {
    host: "office",
    key: sheet.key,
    name: model.name,
    sheet: sheet.name,
    purpose: model.purpose,
    ...stampField(model),
  };
  const xml = ownedSheetsXml(
    registerAfterWrite(plan.entries, "office", plan.hostSheets, entry, plan.target?.id),
  );
  writeRegister(context, plan.registerParts, xml);
}
