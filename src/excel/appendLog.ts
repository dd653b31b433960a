import type { LogAppend } from "../engine/port/ChangeSet";
import { modelCellsOf } from "../engine/port/modelCells";
import type { SheetModel } from "../engine/port/SheetModel";
import { columnLetters } from "../engine/tables/cellAddress";
import type { ExcelContext } from "./OfficeApi";
import { writeSheetModel, type WriteFeatures } from "./writeSheetModel";
import { planWrite } from "./ownedRegister";
import { writeIntoOwnSheet, type SheetWriteOutcome } from "./writeModel";

/** Where a fix's log rows went, so a failed fix can take them back. */
export interface LogWrite {
  sheet: string;
  /** The log sheet was added for these rows. */
  created?: boolean;
  /** The rows appended ("A12:H14"). */
  rows?: string;
}

/**
 * The Change log rows of a fix, in the fix's own run: below the last used row of the add-in's log
 * sheet (its autofilter widened to them), or the whole log on a sheet added where there is none.
 * A user's sheet named "Change log" is left alone, as `writeSheet` leaves it.
 */
export async function appendLog(
  context: ExcelContext,
  entry: LogAppend,
  features: WriteFeatures,
  logged: LogWrite,
): Promise<SheetWriteOutcome> {
  const plan = await planWrite(context, entry.model);
  if (!plan.ok) return plan;
  logged.sheet = plan.target?.name ?? plan.finalName;
  const used = plan.target?.getUsedRangeOrNullObject(true);
  used?.load("rowIndex,rowCount");
  if (used) await context.sync();
  const last = used && !used.isNullObject ? used.rowIndex + used.rowCount : 0;
  if (!plan.target || last === 0) {
    logged.created = !plan.target;
    const { notes } = await writeIntoOwnSheet(context, plan, entry.model, features);
    return {
      ok: true,
      name: logged.sheet,
      replaced: plan.target !== undefined,
      notes: [...(plan.note ? [plan.note] : []), ...notes],
    };
  }
  const cells = [...modelCellsOf(entry.model)];
  const lastModelRow = cells.reduce((max, c) => Math.max(max, c.row), 0);
  const firstNew = lastModelRow - entry.newRows + 1;
  const shift = last + 1 - firstNew;
  const added = entry.model.runs.filter((r) => r.row >= firstNew).map((r) => ({ ...r, row: r.row + shift }));
  const width = cells.reduce((max, c) => Math.max(max, c.column), 1);
  logged.rows = `A${last + 1}:${columnLetters(width)}${last + entry.newRows}`;
  const filter = entry.model.autoFilter ? `A1:${columnLetters(width)}${last + entry.newRows}` : undefined;
  if (filter && features.autoFilter) plan.target.autoFilter.remove();
  const rows: SheetModel = {
    name: entry.model.name,
    purpose: entry.model.purpose,
    runs: added,
    ...(filter ? { autoFilter: filter } : {}),
  };
  const notes = await writeSheetModel(plan.target, rows, features, async () => {
    await context.sync();
  });
  return { ok: true, name: logged.sheet, replaced: true, notes };
}
