import type { CellValue } from "../engine/cells/CellValue";
import type { SheetSnapshot } from "../engine/port/WorkbookPort";
import { parseRangeAddress } from "../engine/tables/cellAddress";
import { columnLetters } from "../engine/tables/cellAddress";
import { ChunkSizer, isPayloadTooLarge, jsonBytes, rowsPerChunk } from "./excelPayload";
import { cellValueFromOffice } from "./officeCellValue";
import type { OfficeAccess } from "./officeAccess";
import { OPTIONAL_API } from "./apiSetVersions";
import { hiddenRowsOf, rangesIn } from "./rangeAddresses";

export interface SheetTable {
  name: string;
  /** The table's range on its sheet, header row first ("B3:H120"). */
  range: string;
}

/** A sheet read with what the values alone do not say. */
export interface SheetReading {
  snapshot: SheetSnapshot;
  /** `numberFormats[r][c]` is the format of `snapshot.values[r][c]`. */
  numberFormats: string[][];
  /** Excel Tables (ListObjects) on the sheet; a tracker kept as a table is read through its range. */
  tables: SheetTable[];
}

/**
 * Reads sheets from A1 to the end of their used ranges (and of any Excel Table on them), all in
 * one `Excel.run`: one sync sizes every sheet, one more finds the tables' ranges when there are
 * tables, then each sync loads as many rows, of as many sheets, as fit the payload budget. A
 * tracker of six small sheets is read in two syncs; a large one in one sync per 4 MB of cells.
 *
 * The rows a sync can take are estimated from the bytes per cell measured so far; should a
 * response still pass Excel's limit (a column of long case notes further down), the same rows are
 * asked for again in halves.
 */
export async function readSheetsWithFormats(
  access: OfficeAccess,
  names: readonly string[],
): Promise<SheetReading[]> {
  access.requireMinimum();
  const canMerges = access.supports(OPTIONAL_API.mergedAreas);
  const canHidden = access.supports(OPTIONAL_API.hiddenRows);
  if (!canMerges || !canHidden) {
    access.note(
      "This version of Excel cannot report merged cells or hidden rows to add-ins; checks treat every row as visible.",
    );
  }
  return access.host.run({}, async (context) => {
    const sized = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name,protection/protected");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = canMerges ? used.getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      const visible = canHidden ? used.getSpecialCellsOrNullObject("Visible") : undefined;
      visible?.load("address");
      sheet.tables.load("items/name");
      return { name, sheet, used, merged, visible };
    });
    await context.sync();
    const missing = sized.find((s) => s.sheet.isNullObject);
    if (missing) throw new Error(`There is no sheet named "${missing.name}"`);

    const withTables = sized.map(({ sheet }) =>
      sheet.tables.items.map((t) => {
        const range = t.getRange();
        range.load("address");
        return { name: t.name, range };
      }),
    );
    if (withTables.some((ranges) => ranges.length > 0)) await context.sync();

    const readings = sized.map(({ sheet, used, merged, visible }, i) => {
      let bottom = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      let right = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
      const tables: SheetTable[] = [];
      for (const t of withTables[i] ?? []) {
        const range = rangesIn(t.range.address)[0] ?? "";
        const at = parseRangeAddress(range);
        if (!at) continue;
        tables.push({ name: t.name, range });
        bottom = Math.max(bottom, at.bottom);
        right = Math.max(right, at.right);
      }
      const reading: SheetReading = {
        snapshot: {
          name: sheet.name,
          values: [],
          merges: canMerges && merged && !merged.isNullObject ? rangesIn(merged.address) : [],
          protected: sheet.protection.protected,
          hiddenRows: canHidden && !used.isNullObject ? hiddenRowsOf(used.rowIndex + 1, bottom, visible) : [],
        },
        numberFormats: [],
        tables,
      };
      return { reading, sheet, bottom, right };
    });

    const chunks = new ChunkSizer();
    let next = 0;
    let top = 1;
    // Row blocks of one or more sheets per sync, in sheet order, each sheet's rows in order.
    while (next < readings.length) {
      const batch: { index: number; top: number; last: number }[] = [];
      let cells = chunks.cellsPerSync();
      for (let i = next, from = top; i < readings.length && cells > 0; i++, from = 1) {
        const { bottom, right } = readings[i] as (typeof readings)[number];
        if (from > bottom || right === 0) continue;
        const last = Math.min(bottom, from + rowsPerChunk(right, cells) - 1);
        batch.push({ index: i, top: from, last });
        cells -= (last - from + 1) * right;
        if (last < bottom) break; // this sheet's next rows come first in the next sync
      }
      if (batch.length === 0) break;
      const loaded = batch.map((block) => {
        const { sheet, right } = readings[block.index] as (typeof readings)[number];
        const range = sheet.getRange(`A${block.top}:${columnLetters(right)}${block.last}`);
        range.load("values,numberFormat");
        return { block, range, right };
      });
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || !chunks.halve()) throw error;
        continue; // the same rows again, in smaller syncs
      }
      let bytes = 0;
      let measured = 0;
      for (const { block, range, right } of loaded) {
        const { reading } = readings[block.index] as (typeof readings)[number];
        range.values.forEach((row, r) => {
          const formats = range.numberFormat[r] ?? [];
          const values = trimRow(row.map((v, c) => cellValueFromOffice(v, formats[c])));
          reading.snapshot.values.push(values);
          reading.numberFormats.push(formats.slice(0, values.length).map(String));
        });
        bytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
        measured += (block.last - block.top + 1) * right;
      }
      chunks.measured(measured, bytes);
      const end = batch[batch.length - 1] as (typeof batch)[number];
      const { bottom } = readings[end.index] as (typeof readings)[number];
      next = end.last >= bottom ? end.index + 1 : end.index;
      top = end.last >= bottom ? 1 : end.last + 1;
    }

    return readings.map(({ reading }) => {
      const { values } = reading.snapshot;
      while (values.length > 0 && values[values.length - 1]?.length === 0) {
        values.pop();
        reading.numberFormats.pop();
      }
      return reading;
    });
  });
}

function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return end === row.length ? row : row.slice(0, end);
}
