import type { ModelCell, ModelRun, SheetModel } from "./SheetModel";

/** Excel's grid: rows 1 to 1,048,576, columns A to XFD (16,384). */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/**
 * Throws for a run that is not on the sheet (row 0, a NaN row, past column XFD): a bug in the
 * builder that made it, which would otherwise be written as a part Excel must repair, or loop.
 */
export function checkRunOnSheet(run: ModelRun): void {
  const last = run.column + Math.max(run.values.length, 1) - 1;
  const onSheet =
    Number.isInteger(run.row) &&
    run.row >= 1 &&
    run.row <= LAST_ROW &&
    Number.isInteger(run.column) &&
    run.column >= 1 &&
    last <= LAST_COLUMN;
  if (!onSheet)
    throw new RangeError(`a sheet model's run at row ${run.row}, column ${run.column} is off the sheet`);
}

/**
 * The model's cells, each once: where runs overlap, the later run's cell, with its own style and
 * link and none of the earlier one's. For the ports that set values, formats and links in separate
 * passes (Excel's), where an overwritten cell's format or link would otherwise survive.
 */
export function resolvedCells(model: SheetModel): ModelCell[] {
  model.runs.forEach(checkRunOnSheet);
  const cells = [...modelCellsOf(model)];
  if (!runsOverlap(model.runs)) return cells;
  const last = new Map<number, ModelCell>();
  for (const cell of cells) last.set(cell.row * (LAST_COLUMN + 1) + cell.column, cell);
  return [...last.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * Whether two runs write one cell. One pass when the runs are in reading order (as every builder
 * makes them); otherwise the runs of each row are compared.
 */
function runsOverlap(runs: readonly ModelRun[]): boolean {
  let ordered = true;
  for (let i = 1; i < runs.length && ordered; i++) {
    const before = runs[i - 1] as ModelRun;
    const run = runs[i] as ModelRun;
    ordered =
      run.row > before.row || (run.row === before.row && run.column >= before.column + before.values.length);
  }
  if (ordered) return false;
  const byRow = new Map<number, ModelRun[]>();
  for (const run of runs) {
    const row = byRow.get(run.row);
    if (row) row.push(run);
    else byRow.set(run.row, [run]);
  }
  for (const row of byRow.values()) {
    const sorted = [...row].sort((a, b) => a.column - b.column);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1] as ModelRun;
      if ((sorted[i] as ModelRun).column < before.column + before.values.length) return true;
    }
  }
  return false;
}

/**
 * Every cell of a sheet model's runs, one at a time and in the runs' order (so where two runs write
 * one cell, the later comes later): for ports and checks that write or read cell by cell. Made one
 * at a time, so a port that writes as it goes never holds a long sheet as one object per cell.
 */
export function* modelCellsOf(model: SheetModel): Generator<ModelCell, void, undefined> {
  for (const run of model.runs) yield* cellsOfRun(run);
}

/** How many cells a model writes, counted without making them. */
export function modelCellCount(model: SheetModel): number {
  let count = 0;
  for (const run of model.runs) count += run.values.length;
  return count;
}

/** The cells of one run, left to right. */
export function* cellsOfRun(run: ModelRun): Generator<ModelCell, void, undefined> {
  const { values, styles, link } = run;
  for (let i = 0; i < values.length; i++) {
    const cell: ModelCell = { row: run.row, column: run.column + i, value: values[i] ?? null };
    const style = styles?.[i];
    if (style !== undefined) cell.style = style;
    if (link !== undefined && link.column === cell.column) cell.link = { sheet: link.sheet, cell: link.cell };
    yield cell;
  }
}
