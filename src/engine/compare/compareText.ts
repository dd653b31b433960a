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
  // Below 0.0995 three decimals would round up to "0.100": two then.
  const text = p < 0.0995 ? p.toFixed(3) : p.toFixed(2);
  if (text !== "0.050" || p === 0.05) return `p = ${text}`;
  // Either side of the line, as many decimals as say which side (0.049996 is not "0.0500").
  let decimals = 4;
  while (Number(p.toFixed(decimals)) === 0.05 && decimals < 12) decimals++;
  return `p = ${p.toFixed(decimals)}`;
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
