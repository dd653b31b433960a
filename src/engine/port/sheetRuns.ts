import type { CellStyle, ModelLink, ModelRun, ModelValue } from "./SheetModel";

/**
 * A sheet model's `runs`, built a cell or a run at a time in writing order: a later write of the
 * same cell wins, as it would in Excel.
 */
export class SheetRuns {
  readonly runs: ModelRun[] = [];

  /** One cell; a link goes to a cell of the workbook (`sheet`!`cell`). */
  cell(row: number, column: number, value: ModelValue, style?: CellStyle, link?: ModelLink): void {
    const run: ModelRun = { row, column, values: [value] };
    if (style !== undefined) run.styles = [style];
    if (link !== undefined) run.link = { sheet: link.sheet, cell: link.cell, column };
    this.runs.push(run);
  }

  /**
   * Cells from `column` rightwards, all in one style or each in its own (`styles[i]` for
   * `values[i]`); the cell at `link.column` may link to a cell of the workbook.
   */
  row(
    row: number,
    column: number,
    values: readonly ModelValue[],
    style?: CellStyle | readonly (CellStyle | undefined)[],
    link?: ModelRun["link"],
  ): void {
    if (values.length === 0) return;
    const run: ModelRun = { row, column, values };
    if (isStyles(style)) run.styles = style;
    else if (style !== undefined) run.styles = values.map(() => style);
    if (link !== undefined) run.link = link;
    this.runs.push(run);
  }
}

function isStyles(
  style: CellStyle | readonly (CellStyle | undefined)[] | undefined,
): style is readonly (CellStyle | undefined)[] {
  return Array.isArray(style);
}
