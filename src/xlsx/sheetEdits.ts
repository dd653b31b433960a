import type { CellValue } from "../engine/cells/CellValue";
import type { RangePosition } from "../engine/tables/cellAddress";

/*
 * What the add-in changes on one of the user's sheets before the copy is saved: confirmed fixes and
 * the status block. The sheet's part is not touched until the copy is written; then it is copied
 * through once, with these cells, widths and conditional formats changed (worksheetPatcher.ts).
 */

/** A cell's new value and the cell format it gets (0: none). */
export interface CellEdit {
  value: CellValue;
  format: number;
}

/** A text-equals conditional format the add-in adds: one rule per text, each with its own colours. */
export interface AddedConditionalFormat {
  sqref: string;
  rules: { text: string; differentialFormat: number }[];
}

export class SheetEdits {
  /** By row, then column (both 1-based). */
  readonly cells = new Map<number, Map<number, CellEdit>>();
  readonly columnWidths = new Map<number, number>();
  /** The loaded sheet's conditional formats whose range one of these takes are removed. */
  readonly removedFormats: ((sqref: string) => boolean)[] = [];
  addedFormats: AddedConditionalFormat[] = [];
  /** The relationship id of a legacy drawing (for notes) the sheet must now show, if one was added. */
  legacyDrawingRelationshipId: string | undefined;

  setCell(row: number, column: number, edit: CellEdit): void {
    let cells = this.cells.get(row);
    if (!cells) {
      cells = new Map();
      this.cells.set(row, cells);
    }
    cells.set(column, edit);
  }

  cellAt(row: number, column: number): CellEdit | undefined {
    return this.cells.get(row)?.get(column);
  }

  /** Removes the conditional formats (loaded or added) whose range `ours` claims. */
  removeFormats(ours: (sqref: string) => boolean): void {
    this.removedFormats.push(ours);
    this.addedFormats = this.addedFormats.filter((cf) => !ours(cf.sqref));
  }

  /** The rows and columns the edited cells cover, or undefined when no cell is edited. */
  bounds(): RangePosition | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [row, cells] of this.cells) {
      if (cells.size === 0) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      for (const column of cells.keys()) {
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
    }
    return bottom === 0 ? undefined : { top, left, bottom, right };
  }

  /** Whether the sheet's part must be rewritten when the copy is saved. */
  get touched(): boolean {
    return (
      this.cells.size > 0 ||
      this.columnWidths.size > 0 ||
      this.removedFormats.length > 0 ||
      this.addedFormats.length > 0 ||
      this.legacyDrawingRelationshipId !== undefined
    );
  }
}

/** Applies a sheet's edits to values read from its loaded part: what the sheet will hold once saved. */
export function withEdits(values: CellValue[][], edits: SheetEdits | undefined): CellValue[][] {
  if (!edits || edits.cells.size === 0) return values;
  for (const [row, cells] of edits.cells) {
    for (const [column, edit] of cells) {
      let line = values[row - 1];
      if (!line) {
        if (edit.value === null) continue;
        for (let r = values.length; r < row; r++) values[r] ??= [];
        line = values[row - 1] as CellValue[];
      }
      if (edit.value === null && column > line.length) continue;
      for (let c = line.length; c < column - 1; c++) line[c] = null;
      line[column - 1] = edit.value;
    }
  }
  // Trailing blanks go, as the reader leaves them out.
  for (const line of values) {
    let end = line.length;
    while (end > 0 && line[end - 1] === null) end--;
    line.length = end;
  }
  let last = values.length;
  while (last > 0 && (values[last - 1]?.length ?? 0) === 0) last--;
  values.length = last;
  return values;
}
