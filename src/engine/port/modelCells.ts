import type { ModelCell, ModelRow, ModelValue, SheetModel } from "./SheetModel";

/**
 * Every cell of a sheet model's runs, one at a time and in the runs' order (so where two runs write
 * one cell, the later comes later): for ports and checks that write or read cell by cell. Made one
 * at a time, so a port that writes as it goes never holds a long sheet as one object per cell.
 */
export function* modelCellsOf(model: SheetModel): Generator<ModelCell, void, undefined> {
  for (const run of model.rows) yield* cellsOfRun(run);
}

/** How many cells a model writes, counted without making them. */
export function modelCellCount(model: SheetModel): number {
  let count = 0;
  for (const run of model.rows) count += run.values.length;
  return count;
}

/** The cells of one run, left to right. */
export function* cellsOfRun(run: ModelRow): Generator<ModelCell, void, undefined> {
  const { values, styles, link } = run;
  for (let i = 0; i < values.length; i++) {
    const cell: ModelCell = { row: run.row, column: run.column + i, value: values[i] as ModelValue };
    const style = styles?.[i];
    if (style !== undefined) cell.style = style;
    if (link !== undefined && link.column === cell.column) cell.link = { sheet: link.sheet, cell: link.cell };
    yield cell;
  }
}
