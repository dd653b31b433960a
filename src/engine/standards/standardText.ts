import { ColumnKey } from "../profile/TrackerProfile";
import { Condition, Limit, LimitUnit, LimitVariant, type EndVariant } from "./Standard";

/*
 * The text forms of a standard's parts, as the Standards sheet shows them and a manager types them:
 * "20 working days", "permanencePlan in LTF", "extension present",
 * "18 months when carerType in FAMILY_AND_FRIENDS". Each format has its parser; parsers return
 * errors as values so a sheet row can say what is wrong with it.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const UNIT_WORDS: Readonly<Record<LimitUnit, [singular: string, plural: string]>> = {
  workingDays: ["working day", "working days"],
  days: ["day", "days"],
  weeks: ["week", "weeks"],
  months: ["month", "months"],
};

/** "20 working days", "1 month", "181 days". */
export function formatLimit(limit: Limit): string {
  const [singular, plural] = UNIT_WORDS[limit.unit];
  return `${limit.n} ${limit.n === 1 ? singular : plural}`;
}

/** A unit as a key (`workingDays`) or in words ("working days", "month"). */
export function parseLimitUnit(text: string): Parsed<LimitUnit> {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  for (const unit of LimitUnit.options) {
    const [singular, plural] = UNIT_WORDS[unit];
    const forms = [unit.toLowerCase(), singular.replace(/ /g, ""), plural.replace(/ /g, "")];
    if (words === "wd" && unit === "workingDays") return { ok: true, value: unit };
    if (forms.includes(words)) return { ok: true, value: unit };
  }
  return { ok: false, error: `“${text.trim()}” is not a unit (working days, days, weeks or months)` };
}

/** "20 working days" → { n: 20, unit: "workingDays" }. */
export function parseLimit(text: string): Parsed<Limit> {
  const m = /^\s*(\d+)\s+(.+?)\s*$/.exec(text);
  if (!m) return { ok: false, error: `“${text.trim()}” is not a limit such as “18 months”` };
  const unit = parseLimitUnit(m[2] as string);
  if (!unit.ok) return unit;
  const limit = Limit.safeParse({ n: Number(m[1]), unit: unit.value });
  return limit.success
    ? { ok: true, value: limit.data }
    : { ok: false, error: `“${text.trim()}” is out of range` };
}

export function formatCondition(condition: Condition): string {
  return "present" in condition
    ? `${condition.column} present`
    : `${condition.column} in ${condition.in.join(", ")}`;
}

/** "permanencePlan in LTF, SGO" or "extension present". */
export function parseCondition(text: string): Parsed<Condition> {
  const present = /^\s*([A-Za-z][A-Za-z0-9]*)\s+present\s*$/i.exec(text);
  const oneOf = /^\s*([A-Za-z][A-Za-z0-9]*)\s+in\s+(.+?)\s*$/i.exec(text);
  const candidate = present
    ? { column: present[1], present: true }
    : oneOf
      ? {
          column: oneOf[1],
          in: (oneOf[2] as string)
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== ""),
        }
      : undefined;
  if (candidate === undefined) {
    return {
      ok: false,
      error: `“${text.trim()}” is not a condition such as “permanencePlan in LTF” or “extension present”`,
    };
  }
  if (!ColumnKey.safeParse(candidate.column).success) {
    return {
      ok: false,
      error: `“${String(candidate.column)}” is not a column key (camelCase, as the profile names it)`,
    };
  }
  const parsed = Condition.safeParse(candidate);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `“${text.trim()}” lists no codes` };
}

/** "18 months when carerType in FAMILY_AND_FRIENDS; 24 weeks when extension present". */
export function formatLimitVariants(variants: readonly LimitVariant[]): string {
  return variants.map((v) => `${formatLimit(v.limit)} when ${formatCondition(v.when)}`).join("; ");
}

export function parseLimitVariants(text: string): Parsed<LimitVariant[]> {
  const variants: LimitVariant[] = [];
  for (const part of text.split(";").map((s) => s.trim())) {
    if (part === "") continue;
    const m = /^(.+?)\s+when\s+(.+)$/i.exec(part);
    if (!m)
      return {
        ok: false,
        error: `“${part}” is not a variant such as “18 months when carerType in FAMILY_AND_FRIENDS”`,
      };
    const limit = parseLimit(m[1] as string);
    if (!limit.ok) return limit;
    const when = parseCondition(m[2] as string);
    if (!when.ok) return when;
    variants.push({ when: when.value, limit: limit.value });
  }
  return { ok: true, value: variants };
}

/**
 * The End cell: the end column, then any variants, "placementDate; fosterPlacementStart when
 * adoptedByFosterCarers in YES" (adoption scorecard A10).
 */
export function formatEnd(end: ColumnKey | undefined, variants: readonly EndVariant[]): string {
  if (end === undefined) return "";
  return [end, ...variants.map((v) => `${v.end} when ${formatCondition(v.when)}`)].join("; ");
}

export function parseEnd(text: string): Parsed<{ end?: ColumnKey; endVariants: EndVariant[] }> {
  const parts = text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const [first, ...rest] = parts;
  if (first === undefined) return { ok: true, value: { endVariants: [] } };
  const endVariants: EndVariant[] = [];
  for (const part of rest) {
    const m = /^([A-Za-z][A-Za-z0-9]*)\s+when\s+(.+)$/i.exec(part);
    if (!m)
      return {
        ok: false,
        error: `“${part}” is not an end variant such as “fosterPlacementStart when adoptedByFosterCarers in YES”`,
      };
    const when = parseCondition(m[2] as string);
    if (!when.ok) return when;
    endVariants.push({ end: m[1] as string, when: when.value });
  }
  return { ok: true, value: { end: first, endVariants } };
}
