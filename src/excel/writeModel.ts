import type { SheetModel } from "../engine/port/SheetModel";
import { uniqueSheetName } from "../engine/sheets/outputSheetName";
import type { ExcelContext, ExcelRunOptions, ExcelWorksheet } from "./OfficeApi";
import { problemOf, type OfficeProblem } from "./OfficeWorkbookError";
import {
  OWNED_SHEETS_NAMESPACE,
  ownedSheetsXml,
  registerAfterWrite,
  stampField,
  type OwnedSheet,
} from "../engine/port/ownedSheets";
import { writeSheetModel, type WriteFeatures } from "./writeSheetModel";
import type { OfficeAccess } from "./officeAccess";
import { planWrite, registerOwned, writeRegister, type WritePlanOk } from "./ownedRegister";

/**
 * Said after a hidden sheet (the tracker profile) that the user had shown is replaced where Excel
 * otherwise keeps undo history: Excel on Windows and Mac cannot undo hiding a sheet, so the add-in
 * writes it aside and swaps it in, and no Excel can undo deleting the old one, which clears it.
 */
const HIDDEN_SHEET_UNDO_NOTE = (name: string): string =>
  `Writing the hidden sheet “${name}” cleared Excel's undo history: Excel cannot undo replacing a hidden sheet.`;

/** A sheet written, and the name it was written under (another one when a user's sheet had it). */
export type SheetWriteOutcome =
  { ok: true; name: string; replaced: boolean; notes: string[] } | { ok: false; problem: OfficeProblem };

/**
 * Writes a sheet the add-in owns, as `writeSheet` does, returning the outcome as a value: the
 * name used (a user's sheet of the same name is never overwritten) and notes, or the problem.
 *
 * Where Excel can undo an add-in's changes (ExcelApi 1.20) the add-in's sheet is rewritten in place
 * (`writeModelInPlace`), as one undo step, so the user's own undo history survives. Elsewhere
 * (and for a sheet that must be hidden, which Excel on Windows cannot do undoably) the new content
 * goes to a new hidden sheet; only when it is complete is the old sheet renamed aside, the new one
 * given its name, place and visibility, the register of owned sheets updated and the old sheet
 * deleted, all in one sync. If anything fails, the new sheet is deleted and the old one keeps its
 * name, so the workbook is as it was. Deleting a sheet empties Excel's undo stack; before
 * ExcelApi 1.20 every add-in change does anyway.
 */
export async function writeModel(access: OfficeAccess, model: SheetModel): Promise<SheetWriteOutcome> {
  const minimum = access.minimumProblem();
  if (minimum) return { ok: false, problem: minimum };
  const features = access.writeFeatures();
  if (access.keepsUndo()) {
    const inPlace = await writeModelInPlace(access, model, features);
    if (inPlace !== "hide") return inPlace;
  }
  let written:
    { tempName: string; backupName?: string; originalName?: string; registry?: string } | undefined;
  try {
    return await access.host.run({}, async (context) => {
      const plan = await planWrite(context, model);
      if (!plan.ok) return plan;
      const { target, finalName, registry, entries, hostSheets, names, note } = plan;
      const tempName = uniqueSheetName(`${finalName.slice(0, 20)} new`, names);
      const backupName = uniqueSheetName(`${finalName.slice(0, 20)} old`, [...names, tempName]);
      written = { tempName, registry, ...(target ? { backupName, originalName: target.name } : {}) };

      const temp = context.workbook.worksheets.add(tempName);
      temp.visibility = "Hidden";
      temp.load("id");
      const flush = async (): Promise<void> => {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        await context.sync();
      };
      const notes = await writeSheetModel(temp, model, features, flush);
      if (target) target.name = backupName;
      temp.name = finalName;
      temp.visibility = officeVisibility[model.visibility ?? "visible"];
      if (target) temp.position = target.position;
      // temp.id was loaded by the syncs that wrote the model.
      const entry: OwnedSheet = {
        host: "office",
        key: temp.id,
        name: model.name,
        sheet: finalName,
        purpose: model.purpose,
        ...stampField(model),
      };
      const after = registerAfterWrite(entries, "office", hostSheets, entry, target?.id);
      writeRegister(context, plan.registerParts, ownedSheetsXml(after));
      target?.delete();
      await context.sync();
      if (note) notes.unshift(note);
      // Where Excel keeps undo history, deleting the hidden sheet this one replaces has cleared it.
      if (access.keepsUndo() && target) notes.push(HIDDEN_SHEET_UNDO_NOTE(finalName));
      return { ok: true, name: finalName, replaced: target !== undefined, notes };
    });
  } catch (error) {
    if (written) await undoWrite(access, written);
    return { ok: false, problem: problemOf(error, `write “${model.name}”`) };
  }
}

/**
 * Rewrites the add-in's own sheet in place in one `Excel.run` merged into one undo step: its
 * charts deleted, its cells, formats, merges and links cleared, its freeze, filter, widths and
 * heights reset, then the model written (a new sheet is added where there is none). No sheet is
 * deleted, renamed, moved or hidden: those cannot be undone and would empty the user's undo stack
 * (Undo capabilities in Excel add-ins, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 * If Excel fails part-way the sheet may be half written; Undo takes the whole step back.
 */
async function writeModelInPlace(
  access: OfficeAccess,
  model: SheetModel,
  features: WriteFeatures,
): Promise<SheetWriteOutcome | "hide"> {
  let started = false;
  try {
    const options: ExcelRunOptions = access.keepsUndo() ? { mergeUndoGroup: true } : {};
    return await access.host.run(options, async (context): Promise<SheetWriteOutcome | "hide"> => {
      const plan = await planWrite(context, model);
      if (!plan.ok) return plan;
      // A sheet that must be hidden first (a new one, or ours shown by the user) cannot be, undoably,
      // on Windows or Mac: it goes the swap's way, having changed nothing here.
      const visibility = officeVisibility[model.visibility ?? "visible"];
      if (plan.target ? plan.target.visibility !== visibility : visibility !== "Visible") return "hide";
      const { notes } = await writeIntoOwnSheet(context, plan, model, features, () => (started = true));
      return {
        ok: true,
        name: plan.target?.name ?? plan.finalName,
        replaced: plan.target !== undefined,
        notes: [...(plan.note ? [plan.note] : []), ...notes],
      };
    });
  } catch (error) {
    const problem = problemOf(error, `write “${model.name}”`);
    if (!started) return { ok: false, problem };
    return {
      ok: false,
      problem: {
        ...problem,
        message: `Excel could not finish writing “${model.name}”, so it may be incomplete: Undo (Ctrl+Z) once puts back what it held, or run the job again.`,
      },
    };
  }
}

// Puts back what a failed write changed: the new sheet goes, the old one gets its name back.
async function undoWrite(
  access: OfficeAccess,
  written: {
    tempName: string;
    backupName?: string;
    originalName?: string;
    registry?: string;
  },
): Promise<void> {
  await access.host.run({}, async (context) => {
    const sheets = context.workbook.worksheets;
    const temp = sheets.getItemOrNullObject(written.tempName);
    temp.load("name");
    const backup = written.backupName ? sheets.getItemOrNullObject(written.backupName) : undefined;
    backup?.load("name");
    const parts = context.workbook.customXmlParts.getByNamespace(OWNED_SHEETS_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    if (!temp.isNullObject) temp.delete();
    if (backup && !backup.isNullObject && written.originalName) backup.name = written.originalName;
    if (written.registry === undefined) for (const part of parts.items) part.delete();
    else writeRegister(context, parts.items, written.registry);
    await context.sync();
  });
}

/**
 * Writes a model into the add-in's own sheet (the plan's target) in place, or into a sheet added
 * under the plan's name, and records it in the register of owned sheets: three syncs for a sheet
 * that fits one batch (clear or add, content, and the plan's before them).
 */
export async function writeIntoOwnSheet(
  context: ExcelContext,
  plan: WritePlanOk,
  model: SheetModel,
  features: WriteFeatures,
  begun: () => void = () => undefined,
): Promise<{ sheet: ExcelWorksheet; notes: string[] }> {
  const flush = async (): Promise<void> => {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
  };
  let sheet: ExcelWorksheet;
  if (plan.target) {
    sheet = plan.target;
    sheet.charts.load("items/name");
    await context.sync();
    for (const chart of sheet.charts.items) chart.delete();
    const all = sheet.getRange();
    all.clear("All");
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
    sheet.freezePanes.unfreeze();
    if (features.autoFilter) sheet.autoFilter.remove();
    if (features.gridlines) sheet.showGridlines = true;
    sheet.tabColor = "";
  } else {
    sheet = context.workbook.worksheets.add(plan.finalName);
  }
  sheet.load("id");
  // The sheet cleared or added on its own sync: from here on, the run has changed the workbook.
  await context.sync();
  begun();
  registerOwned(context, plan, { key: sheet.id, name: plan.target?.name ?? plan.finalName }, model);
  const notes = await writeSheetModel(sheet, model, features, flush);
  return { sheet, notes };
}

const officeVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;
