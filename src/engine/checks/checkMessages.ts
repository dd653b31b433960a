import { formatUkDate } from "../dates/epochDay";
import type { MessageParam, MessageParams } from "./defineCheck";

/**
 * The wording of every check, by code, apart from the checks themselves (as zod keeps its locales
 * apart from its issue codes). `{name}` is replaced by the problem's parameter; the runner adds
 * `{column}` (the header as in the sheet) and `{value}` (the cell as the user sees it). Days are
 * written dd/MM/yyyy.
 */
export const CHECK_MESSAGES: Readonly<Record<string, string>> = {
  "DATE-INVALID": "{column}: {detail}",
  "DATE-MONTH-FIRST":
    "{column}: “{value}” looks month-first (US style); did you mean {meant}? Check and retype it",
  "DATE-OUT-OF-RANGE": "{column}: {detail}",
  "CELL-FORMULA-ERROR": "{column} shows the Excel error {error}: correct the formula or type the value",
  "DATE-PLACEHOLDER": "{column} holds “{placeholder}”, which counts as empty (no date yet)",
  "DATE-AS-TEXT":
    "{column}: “{value}” is a date typed as text ({date}); Excel cannot sort or filter it as a date",
  "DATE-AMBIGUOUS":
    "{column}: “{value}” could be read two ways; it is read day first as {date}. Retype it as a real date to confirm",
  "DATE-IN-FUTURE": "{column} {date} is after {asOf}, but the column records something that has happened",
  "DATE-BEFORE-1990": "{column} {date} is before 01/01/1990: is the year right?",
  "DATE-BEFORE-BIRTH": "{column} {date} is before the child's date of birth {dateOfBirth}",
  "JT-BLA-BEFORE-DOB": "{column} {date} is before the child's date of birth {earlier}",
  "JT-REVIEW-BEFORE-BLA": "{column} {date} is before the child became looked after on {earlier}",
  "JT-PPM-BEFORE-BLA":
    "{column} {date} is before the child became looked after on {earlier} (early permanence planning?); it is left out of PPM timeliness",
  "JT-REVIEW2-BEFORE-REVIEW1": "{column} {date} is before the 1st CLA review on {earlier}",
  "JT-MATCH-ADM-BEFORE-PANEL": "{column} {date} is before the match was presented to panel on {earlier}",
  "RA-ADM-BEFORE-PANEL": "{column} {date} is before the panel on {earlier}",
  "FF-ADM-BEFORE-PANEL": "{column} {date} is before the matching panel on {earlier}",
  "FF-ORDER-BEFORE-DECISION":
    "{column} {date} is before the should-be-placed decision on {earlier}: the decision comes first (DfE SSDA903 rules)",
  "FF-PLACED-BEFORE-MATCH":
    "{column} {date} is before the ADM's match decision on {earlier}: a child is placed after the match (DfE SSDA903 rules)",
  "FF-ORDER-ON-FOSTERING":
    "{column} {date} is on a long-term fostering row: a placement order is for adoption; check the plan or the order",
  "FF-DECISION-REVERSED":
    "{column}: the should-be-placed decision of {earlier} was reversed on {date} and the row is still open: close it or record the new decision",
  "FF-FOSTER-START-MISSING":
    "{column} is empty for a child adopted by their foster carers: A1 stops when that foster placement began (A10), so record it",
  "FF-DECISION-MADE-AGAIN":
    "{column} {date} was made again after the decision was reversed on {earlier}: the new decision is the one that counts",
  "CP-ADM-BEFORE-PANEL": "{column} {date} is before the panel on {earlier}",
  "RA-IHV-BEFORE-ENQUIRY": "{column} {date} is before the enquiry on {earlier}",
  "RA-PANEL-BEFORE-APPLICATION": "{column} {date} is before the application on {earlier}",
  "EVENT-AFTER-EXIT": "{column} {date} is after the row's exit date {exit}",
  "REQUIRED-MISSING": "{column} is empty but every row needs it",
  "JT-DUPLICATE-EPISODE":
    "Child ID “{id}” with the same date became looked after ({started}) is already on row {firstRow}: one episode entered twice?",
  "JT-CHILD-OPEN-TWICE":
    "Child ID “{id}” is also open on row {firstRow}: a child is in one care episode at a time; record when the earlier one ended, or check the ID",
  "HOUSEHOLD-DUPLICATE-ID": "Household ID “{id}” is already on row {firstRow}",
  "JT-AGED-18-OPEN":
    "The child was born on {dateOfBirth} and turned 18 on {eighteenth}, but the row has no date ceased to be looked after",
  "CODE-UNKNOWN": "{column}: “{text}” is not in the {list} list",
  "CODE-LEGACY":
    "{column}: {code} ({label}) is from an earlier year's list; use a current code for new episodes",
  "CODE-AS-WORDS": "{column}: “{text}” is written as words; the code is {code} ({label})",
  "TEXT-UNTRIMMED": "{column}: “{text}” has extra spaces",
  "WORKER-NAME-VARIANTS":
    "{column}: “{name}” is probably “{canonical}” (the same person is written {variants} other way(s) on this sheet)",
  "NUMBER-NOT-WHOLE": "{column}: “{text}” is not a whole number",
  "NUMBER-NEGATIVE": "{column}: {number} is below zero",
  "FS-PLACED-ABOVE-APPROVED": "{column}: {placed} children placed but only {approved} approved place(s)",
  "FS-PLACES-EXCEED-APPROVED":
    "{column}: {placed} placed + {vacant} vacant + {notAvailable} not available = {total}, more than the {approved} approved place(s)",
  "CHECK-FAILED":
    "The check “{title}” could not run on this sheet (an internal error); its problems are not listed",
};

/**
 * Fills in a code's wording; an unknown code or parameter shows as itself rather than failing.
 * `shown` fills the names the problem's own parameters do not (the runner's column and value), so
 * an issue is worded without copying its parameters into one object first.
 */
export function describeProblem(
  code: string,
  params: MessageParams,
  shown?: Readonly<Record<string, MessageParam>>,
): string {
  const parts = wordingOf(code);
  let message = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = Object.hasOwn(params, name) ? params[name] : shown?.[name];
    message +=
      value === undefined ? `{${name}}` : typeof value === "object" ? formatUkDate(value.day) : String(value);
    message += parts[i + 1] as string;
  }
  return message;
}

/** Whether a code's wording names a parameter: the runner works out `{value}` only for those that do. */
export function wordingUses(code: string, name: string): boolean {
  const parts = wordingOf(code);
  for (let i = 1; i < parts.length; i += 2) if (parts[i] === name) return true;
  return false;
}

/*
 * A wording split once into text and parameter names (text, name, text, ... text), so the thousands
 * of messages of a large tracker are put together without a regular expression each.
 */
const WORDINGS = new Map<string, readonly string[]>();

function wordingOf(code: string): readonly string[] {
  let parts = WORDINGS.get(code);
  if (parts === undefined) {
    parts = (CHECK_MESSAGES[code] ?? code).split(/\{(\w+)\}/);
    WORDINGS.set(code, parts);
  }
  return parts;
}
