import { parseCellAddress } from "../engine/tables/cellAddress";

/** What a selection highlights in the grid: one cell, or a whole row ("7:7"). 1-based. */
export type SelectionTarget = { kind: "cell"; row: number; column: number } | { kind: "row"; row: number };

/** Reads a navigator address as the grid highlights it; undefined for anything it cannot show. */
export function selectionTarget(address: string): SelectionTarget | undefined {
  const whole = /^(\d+):(\d+)$/.exec(address.trim());
  if (whole) return { kind: "row", row: Number(whole[1]) };
  const cell = parseCellAddress(address.trim().toUpperCase());
  return cell ? { kind: "cell", row: cell.row, column: cell.column } : undefined;
}
