import type { ColumnType } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { columnsOfType } from "./eachCell";

const TEXT_TYPES: readonly ColumnType[] = ["text", "personName", "code"];

/**
 * Leading, trailing or doubled spaces are invisible in a cell but make "Jane Smith " a different
 * worker from "Jane Smith" in every filter and pivot table.
 */
export const textUntrimmed = defineCheck({
  code: "TEXT-UNTRIMMED",
  severity: "info",
  title: "Extra spaces in text",
  reads: [],
  check(table) {
    const found: Problem[] = [];
    for (const { key } of columnsOfType(table, TEXT_TYPES)) {
      const values = table.values(key);
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        // Tidy text needs no tidying whatever it holds; only the rest is trimmed and compared.
        if (typeof value !== "string" || !needsTidying(value) || value.trim() === "") continue;
        const tidy = tidyText(value);
        if (tidy !== value) {
          found.push(
            problem(table.rowNumbers[i] as number, key, { text: value }, { value: tidy, text: tidy }),
          );
        }
      }
    }
    return found;
  },
});

/** Trims and collapses runs of spaces (non-breaking spaces too) to one space; line breaks are kept. */
export function tidyText(value: string): string {
  if (!needsTidying(value)) return value;
  return value
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
}

/**
 * Whether tidyText could change the text: white space at either end, a tab or non-breaking space,
 * two spaces, or a space beside a line break. Most cells are tidy, so this is a scan of character
 * codes rather than a regular expression (a tenth of the cost on a tracker's million text cells);
 * it answers as /^\s|\s$|[\t\u00a0]| {2}| \n|\n /.test(text) does, which its test checks.
 */
export function needsTidying(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  if (isWhiteSpace(text.charCodeAt(0)) || isWhiteSpace(text.charCodeAt(last))) return true;
  for (let i = 0; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === TAB || c === NO_BREAK_SPACE) return true;
    const next = text.charCodeAt(i + 1);
    if ((c === SPACE && (next === SPACE || next === LINE_FEED)) || (c === LINE_FEED && next === SPACE))
      return true;
  }
  return false;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;

/** The characters of a regular expression's `\s`. */
function isWhiteSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= TAB && c <= 0x0d);
  if (c < NO_BREAK_SPACE) return false;
  return (
    c === NO_BREAK_SPACE ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
