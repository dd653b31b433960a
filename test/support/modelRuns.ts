import { modelCellsOf } from "../../src/engine/port/modelCells";
import type { ModelCell, ModelRun, SheetModel } from "../../src/engine/port/SheetModel";

/** Each cell as a run of its own: for tests that lay a model out cell by cell. */
export function runsOf(cells: readonly ModelCell[]): ModelRun[] {
  return cells.map(({ row, column, value, style, link }) => ({
    row,
    column,
    values: [value],
    ...(style === undefined ? {} : { styles: [style] }),
    ...(link === undefined ? {} : { link: { ...link, column } }),
  }));
}

/** A model's cells in its runs' order: for tests that look cells up. */
export function cellsOf(model: SheetModel): ModelCell[] {
  return [...modelCellsOf(model)];
}
