/*
 * The order of a worker's cases on an agenda: worst first (see rankOf), a sibling group (or an ID
 * that repeats) together at the place of its worst member, and cases as bad as each other by ID as
 * a person sorts them ("C9" before "C10": the en-GB numeric collator).
 */

/** A case with what orders it. */
export interface RankedCase<Case> {
  readonly case: Case;
  /** Lower first: see rankOf. */
  readonly rank: number;
  /** Lower-cased: the children of one sibling group sit together; null for a child in no group. */
  readonly group: string | null;
}

export type RankedCases<Case> = RankedCase<Case>[];

export function rankedCases<Case>(): RankedCases<Case> {
  return [];
}

export function addRankedCase<Case>(
  ranked: RankedCases<Case>,
  c: Case,
  rank: number,
  group: string | null,
): void {
  ranked.push({ case: c, rank, group });
}

/** Ranks in different tiers never meet: a weight is far less than this many working days. */
const TIER = 2 ** 40;

/**
 * Where a case stands, lower first: overdue (tier 0) by most working days first, then due soon
 * (tier 1) by fewest working days left, then dates to check (tier 2), then the rest (tier 3). The
 * tier and the weight within it as one number.
 */
export function rankOf(tier: 0 | 1 | 2 | 3, weight: number): number {
  return tier * TIER + weight;
}

/* One collator for every comparison: `localeCompare` with a locale and options builds one per call. */
const ID_ORDER = new Intl.Collator("en-GB", { numeric: true });

function compareCases<Case extends { readonly id: string }>(
  a: RankedCase<Case>,
  b: RankedCase<Case>,
): number {
  return a.rank - b.rank || ID_ORDER.compare(a.case.id, b.case.id);
}

/**
 * Worst first, each group sorted and placed by its first member; groups as good as each other keep
 * the order they first appear in (the sort is stable).
 */
export function orderCases<Case extends { readonly id: string }>(ranked: RankedCases<Case>): Case[] {
  const groups = new Map<string, RankedCase<Case>[]>();
  for (const c of ranked) {
    const key = c.group === null ? `id:${c.case.id}` : `group:${c.group}`;
    const members = groups.get(key);
    if (members) members.push(c);
    else groups.set(key, [c]);
  }
  const ordered = [...groups.values()].map((members) => members.sort(compareCases));
  ordered.sort((a, b) => compareCases(a[0] as RankedCase<Case>, b[0] as RankedCase<Case>));
  return ordered.flatMap((members) => members.map((m) => m.case));
}
