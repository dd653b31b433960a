/**
 * Excel's rules for a worksheet name: at most 31 characters, none of `: \ / ? * [ ]`, not empty, not
 * beginning or ending with an apostrophe, and unique in the workbook ignoring case. Excel refuses
 * any other name, so every sheet the add-in writes is named through here.
 */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN = /[:\\/?*[\]]/g;

/** The name made legal: forbidden characters become "-", runs of spaces collapse, cut to 31. */
export function legalSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(FORBIDDEN, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * A legal name that clashes with none of `taken` (compared ignoring case, as Excel does), adding
 * " (2)", " (3)"… within the 31 characters when it must.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = legalSheetName(wanted);
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
