import { lowerBound } from "../sorting/lowerBound";

/**
 * A worker's cases and what orders them, index by index (one array per measure rather than an
 * object per case): their ranks (see rankOf), then their IDs in natural order. A literal, as the
 * agenda's other helpers are (see numberMemo).
 */
export interface RankedCases<Case extends { readonly id: string }> {
  readonly cases: Case[];
  /** Lower first: see rankOf. */
  readonly ranks: number[];
  /** Each ID's number, from IdOrder.numberOf. */
  readonly idNumbers: number[];
  /** Lower-cased: the children of one sibling group sit together; null for a child in no group. */
  readonly groups: (string | null)[];
}

export function rankedCases<Case extends { readonly id: string }>(): RankedCases<Case> {
  return { cases: [], ranks: [], idNumbers: [], groups: [] };
}

export function addRankedCase<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  c: Case,
  rank: number,
  idNumber: number,
  group: string | null,
): void {
  ranked.cases.push(c);
  ranked.ranks.push(rank);
  ranked.idNumbers.push(idNumber);
  ranked.groups.push(group);
}

/*
 * One collator for every comparison: `localeCompare` with a locale and options builds one per call,
 * which made ordering a 100,000-case agenda take seconds (issue 9).
 */
const ID_ORDER = new Intl.Collator("en-GB", { numeric: true });

/** The largest number of digits read as a number: any more could lose a digit to rounding. */
const MAX_DIGITS = 15;

/**
 * Compares IDs in the en-GB numeric collator's order, by arithmetic where that is the same order.
 *
 * Trackers' IDs are nearly always one prefix of ASCII letters and a number ("C100002", "H20010").
 * Between two such IDs with the same prefix the collator compares the numbers by value, so when
 * every ID has one shared prefix the numbers order them, and the collator is asked only about IDs of
 * equal value written differently ("C01", "C1"). Collator comparisons were a large part of ordering
 * a 100,000-row agenda (issue 9). Any other ID sends every comparison to the collator.
 */
export interface IdOrder {
  /** The number an ID holds after the shared prefix; NaN, and the collator from then on, if none. */
  numberOf(id: string): number;
  /** Whether every ID so far had the shared prefix and a number: their numbers order them. */
  numbered(): boolean;
  compare(a: string, aNumber: number, b: string, bNumber: number): number;
}

export function idOrder(): IdOrder {
  let prefix: string | undefined;
  let allNumbered = true;
  return {
    numberOf(id) {
      if (!allNumbered) return Number.NaN;
      prefix ??= letterPrefixOf(id);
      const value = numberAfter(id, prefix);
      if (value === undefined) allNumbered = false;
      return value ?? Number.NaN;
    },
    numbered: () => allNumbered,
    compare(a, aNumber, b, bNumber) {
      if (a === b) return 0;
      if (allNumbered && aNumber !== bNumber) return aNumber - bNumber;
      return ID_ORDER.compare(a, b);
    },
  };
}

function letterPrefixOf(id: string): string {
  let end = 0;
  while (end < id.length && isAsciiLetter(id.charCodeAt(end))) end++;
  return id.slice(0, end);
}

/** The number `id` holds after `prefix`, when it is that prefix and 1 to 15 ASCII digits. */
function numberAfter(id: string, prefix: string): number | undefined {
  const digits = id.length - prefix.length;
  if (digits < 1 || digits > MAX_DIGITS || !id.startsWith(prefix)) return undefined;
  let value = 0;
  for (let i = prefix.length; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Worst first; a sibling group (or a duplicated ID) sits together at the place of its worst member,
 * and groups as good as each other keep the order they first appear in.
 *
 * Sorted once, by rank and then by each case's group leader (its group's first case) and its own
 * place; a group is written out where its first case falls. This is the order of sorting each group
 * and then the groups, without a list per case.
 */
export function orderCases<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  ids: IdOrder,
): Case[] {
  const { cases } = ranked;
  const leaders = groupLeaders(ranked, ids);
  const order =
    (ids.numbered() ? orderByNumbers(ranked, ids, leaders) : undefined) ??
    orderByComparing(ranked, ids, leaders);
  const sizes = groupSizes(leaders);
  const members = membersInOrder(order, leaders, sizes);
  const ordered = new Array<Case>(cases.length);
  let at = 0;
  for (let o = 0; o < order.length; o++) {
    const k = order[o] as number;
    const leader = leaders[k] as number;
    if ((sizes[leader] as number) < 2) {
      ordered[at++] = cases[k] as Case;
      continue;
    }
    // A group is written out where its first member in order falls.
    const group = members.get(leader) as number[];
    if (group[0] === k) for (const m of group) ordered[at++] = cases[m] as Case;
  }
  return ordered;
}

/** The cases' places sorted by rank, then ID, then group leader and place. */
function orderByComparing<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  ids: IdOrder,
  leaders: Int32Array,
): number[] {
  const { cases, ranks } = ranked;
  const byIdThenLeader = idThenLeader(ranked, ids, leaders);
  const order = new Array<number>(cases.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || byIdThenLeader(a, b));
}

/** Compares two cases' places by ID text, then group leader, then place. */
function idThenLeader<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  ids: IdOrder,
  leaders: Int32Array,
): (a: number, b: number) => number {
  const { cases, idNumbers } = ranked;
  return (a, b) =>
    ids.compare(
      (cases[a] as Case).id,
      idNumbers[a] as number,
      (cases[b] as Case).id,
      idNumbers[b] as number,
    ) ||
    (leaders[a] as number) - (leaders[b] as number) ||
    a - b;
}

/**
 * The same order when every ID is numbered: rank and number order the cases. The cases are put in
 * ID-number order, then spread by rank (each rank's cases in that order), with no comparison
 * function: comparing case by case was most of the time spent ordering a long agenda (issue 9).
 * Cases that share an ID number are ordered among themselves as orderByComparing would: a block
 * with one duplicated ID was a third of a 100,000-row tracker's cases, all compared one by one.
 * Undefined for a block too long to order this way.
 */
function orderByNumbers<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  ids: IdOrder,
  leaders: Int32Array,
): Int32Array | undefined {
  const n = ranked.cases.length;
  if (n * n > Number.MAX_SAFE_INTEGER) return undefined;
  const byNumber = inNumberOrder(ranked.idNumbers);
  const order = spreadByRank(ranked.ranks, byNumber);
  if (sharesNumbers(ranked.idNumbers, byNumber)) orderAlike(order, ranked, ids, leaders);
  return order;
}

/**
 * The cases' places in ID-number order, cases of one number in their own order. Trackers are often
 * kept in ID order, and then that is the cases' own; otherwise each number and place is one number,
 * sorted as numbers, when that is exact (IDs of up to 15 digits might not be).
 */
function inNumberOrder(idNumbers: readonly number[]): Int32Array {
  const n = idNumbers.length;
  const order = new Int32Array(n);
  if (isAscending(idNumbers)) {
    for (let k = 0; k < n; k++) order[k] = k;
    return order;
  }
  let largest = 0;
  for (let k = 0; k < n; k++) largest = Math.max(largest, idNumbers[k] as number);
  if ((largest + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = (idNumbers[k] as number) * n + k;
    keys.sort();
    for (let d = 0; d < n; d++) order[d] = (keys[d] as number) % n;
    return order;
  }
  const numbers = Float64Array.from(idNumbers).sort();
  // How many cases have taken places from each number's first place on.
  const taken = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const first = lowerBound(numbers, idNumbers[k] as number);
    order[first + (taken[first] as number)++] = k;
  }
  return order;
}

/**
 * The places of `byNumber` spread by rank, lower first, each rank's in the order given: a counting
 * sort over the block's few different ranks (a few hundred among thousands of cases).
 */
function spreadByRank(ranks: readonly number[], byNumber: Int32Array): Int32Array {
  const n = ranks.length;
  const indexOf = new Map<number, number>();
  const distinct: number[] = [];
  const rankIndex = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const rank = ranks[k] as number;
    let index = indexOf.get(rank);
    if (index === undefined) {
      index = distinct.length;
      distinct.push(rank);
      indexOf.set(rank, index);
    }
    rankIndex[k] = index;
  }
  // Where each rank's cases start, by the rank's index.
  const sorted = Float64Array.from(distinct).sort();
  const counts = new Int32Array(distinct.length);
  for (let k = 0; k < n; k++) (counts[rankIndex[k] as number] as number)++;
  const starts = new Int32Array(distinct.length);
  let start = 0;
  for (let p = 0; p < sorted.length; p++) {
    const index = indexOf.get(sorted[p] as number) as number;
    starts[index] = start;
    start += counts[index] as number;
  }
  const order = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const k = byNumber[d] as number;
    const index = rankIndex[k] as number;
    order[(starts[index] as number)++] = k;
  }
  return order;
}

/** Whether two cases, next to each other in ID-number order, share a number. */
function sharesNumbers(idNumbers: readonly number[], byNumber: Int32Array): boolean {
  for (let d = 1; d < byNumber.length; d++)
    if (idNumbers[byNumber[d] as number] === idNumbers[byNumber[d - 1] as number]) return true;
  return false;
}

/**
 * Orders each run of cases of one rank and one ID number (in their own order so far) as
 * orderByComparing does: by ID text, then group leader, then place.
 */
function orderAlike<Case extends { readonly id: string }>(
  order: Int32Array,
  ranked: RankedCases<Case>,
  ids: IdOrder,
  leaders: Int32Array,
): void {
  const { ranks, idNumbers } = ranked;
  const byIdThenLeader = idThenLeader(ranked, ids, leaders);
  const alike = (a: number, b: number): boolean => ranks[a] === ranks[b] && idNumbers[a] === idNumbers[b];
  let first = 0;
  for (let o = 1; o <= order.length; o++) {
    if (o < order.length && alike(order[first] as number, order[o] as number)) continue;
    if (o - first > 1) order.subarray(first, o).sort(byIdThenLeader);
    first = o;
  }
}

/** Whether each number is greater than the one before. */
function isAscending(numbers: readonly number[]): boolean {
  for (let k = 1; k < numbers.length; k++)
    if ((numbers[k] as number) <= (numbers[k - 1] as number)) return false;
  return true;
}

/** How many cases each leader leads (0 for a case that is not a leader). */
function groupSizes(leaders: Int32Array): Int32Array {
  const sizes = new Int32Array(leaders.length);
  for (let k = 0; k < leaders.length; k++) {
    const leader = leaders[k] as number;
    sizes[leader] = (sizes[leader] as number) + 1;
  }
  return sizes;
}

/** The members of each group of more than one, by leader, in their order. */
function membersInOrder(
  order: ArrayLike<number>,
  leaders: Int32Array,
  sizes: Int32Array,
): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (let o = 0; o < order.length; o++) {
    const k = order[o] as number;
    const leader = leaders[k] as number;
    if ((sizes[leader] as number) < 2) continue;
    const group = members.get(leader);
    if (group) group.push(k);
    else members.set(leader, [k]);
  }
  return members;
}

/**
 * The first case of each case's group: its sibling group, or for a child in none its ID. Numbered
 * IDs that occur once need no look-up, so only the few duplicated ones go through a map.
 */
function groupLeaders<Case extends { readonly id: string }>(
  ranked: RankedCases<Case>,
  ids: IdOrder,
): Int32Array {
  const { cases, groups, idNumbers } = ranked;
  const leaders = new Int32Array(cases.length);
  const duplicated = ids.numbered() ? duplicatedNumbers(ranked) : undefined;
  const byGroup = new Map<string, number>();
  const byId = new Map<string, number>();
  for (let k = 0; k < cases.length; k++) {
    const group = groups[k] ?? null;
    let leader = k;
    if (group !== null) {
      leader = byGroup.get(group) ?? k;
      if (leader === k) byGroup.set(group, k);
    } else if (duplicated === undefined || duplicated.has(idNumbers[k] as number)) {
      const id = (cases[k] as Case).id;
      leader = byId.get(id) ?? k;
      if (leader === k) byId.set(id, k);
    }
    leaders[k] = leader;
  }
  return leaders;
}

/** The ID numbers that more than one case in no sibling group holds. */
function duplicatedNumbers<Case extends { readonly id: string }>(ranked: RankedCases<Case>): Set<number> {
  const numbers: number[] = [];
  for (let k = 0; k < ranked.cases.length; k++)
    if (ranked.groups[k] === null) numbers.push(ranked.idNumbers[k] as number);
  const sorted = Float64Array.from(numbers).sort();
  const duplicated = new Set<number>();
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k] === sorted[k - 1]) duplicated.add(sorted[k] as number);
  return duplicated;
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
