/**
 * Taking the user to a cell: in Excel the sheet is brought forward and the cell selected; in the
 * browser preview the grid scrolls to it. Jobs never need it; the pane does (click an issue → its cell).
 */
export interface WorkbookNavigator {
  /** Brings `sheet` forward and selects `cell` (A1 form, or a whole row such as "7:7"). */
  select(sheet: string, cell: string): Promise<void>;
}
