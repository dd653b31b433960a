import { columnLetters } from "../tables/cellAddress";
import type { ColumnBlock, ModelCell, ModelRow, ModelValue, SheetModel } from "./SheetModel";

/**
 * Every cell of a sheet model, whatever form it is held in (`cells`, `rows`, `columnBlocks`), as
 * cells: for ports and checks that write or read cell by cell. Made one at a time, so a port that
 * writes as it goes never holds the long forms as objects.
 */
export function* modelCellsOf(model: SheetModel): Generator<ModelCell, void, undefined> {
  yield* model.cells;
  for (const row of model.rows ?? []) yield* cellsOfRow(row);
  for (const block of model.columnBlocks ?? []) yield* cellsOfBlock(block);
}

/** How many cells a model writes, counted without making them. */
export function modelCellCount(model: SheetModel): number {
  let count = model.cells.length;
  for (const row of model.rows ?? []) count += row.values.length;
  for (const block of model.columnBlocks ?? []) count += block.rowCount * block.columns.length;
  return count;
}

function* cellsOfRow(row: ModelRow): Generator<ModelCell, void, undefined> {
  const { values, styles, link } = row;
  for (let i = 0; i < values.length; i++) {
    const cell: ModelCell = { row: row.row, column: row.column + i, value: values[i] as ModelValue };
    const style = styles?.[i];
    if (style !== undefined) cell.style = style;
    if (link !== undefined && link.column === cell.column) cell.link = { sheet: link.sheet, cell: link.cell };
    yield cell;
  }
}

function* cellsOfBlock(block: ColumnBlock): Generator<ModelCell, void, undefined> {
  for (let r = 0; r < block.rowCount; r++) {
    for (let c = 0; c < block.columns.length; c++) {
      const column = block.columns[c] as ColumnBlock["columns"][number];
      const raw = column.values[r] ?? null;
      const value: ModelValue = column.dates === true && typeof raw === "number" ? { date: raw } : raw;
      const cell: ModelCell = { row: block.row + r, column: block.column + c, value };
      if (column.style !== undefined) cell.style = column.style;
      const links = column.links;
      if (links !== undefined) {
        const sheet = links.sheets[r];
        const target = links.rows[r];
        if (sheet !== undefined && target !== undefined)
          cell.link = { sheet, cell: `${columnLetters(links.column)}${target}` };
      }
      yield cell;
    }
  }
}
