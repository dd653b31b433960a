import { parseRangeAddress } from "../engine/tables/cellAddress";

/** The A1 ranges in a (multi-area) address such as "'Joint Tracker'!A1:D1,'Joint Tracker'!F3". */
export function rangesIn(address: string): string[] {
  const ranges: string[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=,|$)/g)) {
    ranges.push((m[1] ?? "").replace(/\$/g, ""));
  }
  return ranges;
}

/** Rows first..last not covered by any visible area: hidden by the user or a filter. */
export function hiddenRowsOf(
  first: number,
  last: number,
  visible: { isNullObject: boolean; address: string } | undefined,
): number[] {
  if (!visible) return [];
  const shown = new Uint8Array(last + 1);
  if (!visible.isNullObject) {
    for (const range of rangesIn(visible.address)) {
      const at = parseRangeAddress(range);
      if (!at) continue;
      for (let r = at.top; r <= Math.min(at.bottom, last); r++) shown[r] = 1;
    }
  }
  const hidden: number[] = [];
  for (let r = first; r <= last; r++) if (shown[r] === 0) hidden.push(r);
  return hidden;
}
