import { z } from "zod";
import { ColumnKey, SheetKey } from "../profile/TrackerProfile";

/**
 * A standard is data, not code: one row of the Standards sheet, read by one evaluator
 * (evaluateStandard). Authorities change limits, switch local targets off and add their own, so
 * nothing here may need a function: conditions and limit variants are plain values.
 */

/** Where a standard comes from, shown beside every flag so a target is never mistaken for the law. */
export const StandardBasis = z.enum(["STAT", "SG", "NMS", "SCORECARD", "LOCAL"]);
export type StandardBasis = z.infer<typeof StandardBasis>;

export const LimitUnit = z.enum(["workingDays", "days", "weeks", "months"]);
export type LimitUnit = z.infer<typeof LimitUnit>;

/**
 * `start + n units`. Working days as Excel's WORKDAY (the start day not counted); days and weeks as
 * calendar days; months as calendar months clamped to the month's end.
 * "26 weeks beginning with issue" counts the issue day as day 1, so it is `{ n: 181, unit: "days" }`:
 * 26 × 7 = 182 days of which the first is the start day itself.
 */
export const Limit = z.object({ n: z.number().int().min(0).max(1200), unit: LimitUnit }).strict();
export type Limit = z.infer<typeof Limit>;

/**
 * A test on a row's cell. `in`: the cell holds one of the codes (or the words that mean one, as the
 * code lists define them; compared case-, space- and punctuation-insensitively). `present`: the
 * cell is not empty (placeholders such as "TBC" count as empty).
 */
export const Condition = z.union([
  z.object({ column: ColumnKey, in: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ column: ColumnKey, present: z.literal(true) }).strict(),
]);
export type Condition = z.infer<typeof Condition>;

/** A different limit for some rows, e.g. 18 months of TSD for family and friends carers. First match wins. */
export const LimitVariant = z.object({ when: Condition, limit: Limit }).strict();
export type LimitVariant = z.infer<typeof LimitVariant>;

/**
 * A different end column for some rows, e.g. adoption scorecard A10: for a child adopted by their
 * own foster carers the clock stops when that foster placement began, not at the adoption placement.
 * First match wins.
 */
export const EndVariant = z.object({ when: Condition, end: ColumnKey }).strict();
export type EndVariant = z.infer<typeof EndVariant>;

export const StandardId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case words joined by hyphens (cla-review-2)");
export type StandardId = z.infer<typeof StandardId>;

export const Standard = z
  .object({
    id: StandardId,
    title: z.string().trim().min(1),
    sheet: SheetKey,
    /** The start column, or several in order: the first that is not empty wins (latest review, else 2nd). */
    start: z
      .union([ColumnKey, z.array(ColumnKey).min(1)])
      .transform((s) => (typeof s === "string" ? [s] : s)),
    /**
     * `required`: every row must have the start (missing → cannot assess). `event`: it may not have
     * happened yet (missing → the clock has not started → not applicable).
     */
    startKind: z.enum(["required", "event"]),
    /** The column whose date meets the standard; absent for a recurring "next due" standard. */
    end: ColumnKey.optional(),
    endVariants: z.array(EndVariant).default([]),
    /**
     * An end dated before the start is `met` at 0 days rather than a data problem: a match made
     * before the placement order is early permanence (evaluation-semantics.md, status step 2).
     */
    earlyEndMet: z.boolean().default(false),
    /** `start + limit`; exactly one of `limit` and `by`. */
    limit: Limit.optional(),
    /** The deadline is the date another standard's end happened, or that standard's deadline. */
    by: StandardId.optional(),
    limitVariants: z.array(LimitVariant).default([]),
    /** Open rows this many working days or fewer before the deadline are "due soon". */
    amberWorkingDays: z.number().int().min(0).max(250).default(5),
    /** The rows the standard applies to; absent: every row of the sheet. */
    appliesWhen: Condition.optional(),
    /** The row's closure date: no clock runs after it. */
    exit: ColumnKey.optional(),
    basis: StandardBasis,
    /** The regulation, guidance or local decision, as the user is shown it. */
    source: z.string().trim().min(1),
    enabled: z.boolean().default(true),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.limit === undefined) === (s.by === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["limit"],
        message: "give either a limit or `by` another standard",
      });
    }
    if (s.by !== undefined && s.end === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["by"],
        message: "a standard due `by` another needs an end column",
      });
    }
    if (s.by !== undefined && s.limitVariants.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["limitVariants"],
        message: "limit variants need a limit, not `by`",
      });
    }
    if (s.end === undefined && s.endVariants.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["endVariants"],
        message: "end variants need an end column: a recurring standard has none",
      });
    }
    if (s.end === undefined && s.earlyEndMet) {
      ctx.addIssue({
        code: "custom",
        path: ["earlyEndMet"],
        message: "an early end needs an end column: a recurring standard has none",
      });
    }
    if (s.by === s.id) {
      ctx.addIssue({ code: "custom", path: ["by"], message: "a standard cannot be due by itself" });
    }
  });
export type Standard = z.infer<typeof Standard>;
export type StandardInput = z.input<typeof Standard>;

/** Whether the standard measures time since the latest event with no end column ("next due"). */
export function isRecurring(standard: Standard): boolean {
  return standard.end === undefined;
}

/**
 * Problems across a set of standards that no single row shows: duplicate ids, `by` naming a standard
 * that does not exist, is on another sheet or forms a loop. Returned as data, one per problem.
 */
export function findStandardSetProblems(standards: readonly Standard[]): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  const byId = new Map<string, Standard>();
  for (const s of standards) {
    if (byId.has(s.id)) problems.push({ id: s.id, message: `the id “${s.id}” is used twice` });
    else byId.set(s.id, s);
  }
  for (const s of standards) {
    if (s.by === undefined) continue;
    const target = byId.get(s.by);
    if (!target) {
      problems.push({ id: s.id, message: `it is due by “${s.by}”, which is not a standard` });
      continue;
    }
    if (target.sheet !== s.sheet) {
      problems.push({ id: s.id, message: `it is due by “${s.by}”, a standard of another sheet` });
      continue;
    }
    const seen = new Set([s.id]);
    let next: Standard | undefined = target;
    while (next?.by !== undefined) {
      if (seen.has(next.id)) {
        problems.push({ id: s.id, message: `its “by” standards form a loop through “${next.id}”` });
        break;
      }
      seen.add(next.id);
      next = byId.get(next.by);
    }
  }
  return problems;
}
