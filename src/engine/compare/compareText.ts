/*
 * How the comparison's numbers are written, in the sheet, the CLI and the pane alike.
 */

/**
 * A p-value as a report gives it: "p < 0.001", "p = 0.009", "p = 0.62". Three decimals below 0.1,
 * and four next to 0.05 ("p = 0.0504"), so a p-value just above the line never reads as 0.05 beside
 * "no significant change", nor one just below it beside "significant".
 */
export function pText(p: number): string {
  if (p < 0.001) return "p < 0.001";
  const text = p < 0.1 ? p.toFixed(3) : p.toFixed(2);
  // Either side of the line, the fourth decimal says which side.
  return `p = ${text === "0.050" ? p.toFixed(4) : text}`;
}

/** A change of a share in percentage points, signed: "+21 points", "−4 points". */
export function pointsText(fraction: number): string {
  const points = Math.round(fraction * 100);
  return `${points > 0 ? "+" : points < 0 ? "−" : "±"}${Math.abs(points)} point${Math.abs(points) === 1 ? "" : "s"}`;
}

/** A signed whole number of points for an interval's bounds: "+6", "−4", "0". */
export function signedPoints(fraction: number): string {
  const points = Math.round(fraction * 100);
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0";
}
