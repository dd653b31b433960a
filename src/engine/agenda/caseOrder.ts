/**
 * Where a case stands on its worker's list: overdue by most working days first, then due soon by
 * fewest working days left, then dates to check, then the rest; ties by ID in natural order.
 */
export interface CaseRank {
  tier: number;
  weight: number;
  id: string;
}

/*
 * One collator for every comparison: `localeCompare` with a locale and options builds one per call,
 * which made ordering a 100,000-case agenda take seconds (issue 9).
 */
const ID_ORDER = new Intl.Collator("en-GB", { numeric: true });

/** The largest number of digits read as a number: any more could lose a digit to rounding. */
const MAX_DIGITS = 15;

/**
 * Compares IDs in the en-GB numeric collator's order, faster where that order is plain arithmetic.
 *
 * Trackers' IDs are nearly always one prefix of ASCII letters and a number ("C100002", "H20010").
 * Between two such IDs with the same prefix the collator compares the numbers by value, so when
 * every ID has one shared prefix the numbers order them, and the collator is asked only about IDs of
 * equal value written differently ("C01", "C1"). Collator comparisons were most of the time spent
 * ordering a 100,000-row agenda (issue 9). Any other ID sends every comparison to the collator.
 */
export class IdOrder {
  private readonly numbers = new Map<string, number>();
  private prefix: string | undefined;
  private numeric = true;

  /** Notes an ID that will be compared: before any comparison. */
  add(id: string): void {
    if (!this.numeric || this.numbers.has(id)) return;
    this.prefix ??= letterPrefixOf(id);
    const value = numberAfter(id, this.prefix);
    if (value === undefined) this.numeric = false;
    else this.numbers.set(id, value);
  }

  compare(a: string, b: string): number {
    if (a === b) return 0;
    if (this.numeric) {
      const difference = (this.numbers.get(a) as number) - (this.numbers.get(b) as number);
      if (difference !== 0) return difference;
    }
    return ID_ORDER.compare(a, b);
  }
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

/** A case as it is being ordered: its rank and, for sibling groups, the group it sits with. */
export interface RankedCase<Case> {
  case: Case;
  rank: CaseRank;
  /** Lower-cased: the children of one group sit together; null for a child in no group. */
  group: string | null;
}

/** Worst first; a sibling group sits together at the place of its worst member. */
export function orderCases<Case>(cases: readonly RankedCase<Case>[], ids: IdOrder): Case[] {
  const compare = (a: RankedCase<Case>, b: RankedCase<Case>): number =>
    a.rank.tier - b.rank.tier || a.rank.weight - b.rank.weight || ids.compare(a.rank.id, b.rank.id);
  // Cases with no group but one ID (a duplicated row) sit together as well.
  const byId = new Map<string, RankedCase<Case>[]>();
  const byGroup = new Map<string, RankedCase<Case>[]>();
  const groups: RankedCase<Case>[][] = [];
  for (const c of cases) {
    const index = c.group === null ? byId : byGroup;
    const key = c.group ?? c.rank.id;
    const members = index.get(key);
    if (members) members.push(c);
    else {
      const group = [c];
      index.set(key, group);
      groups.push(group);
    }
  }
  for (const members of groups) if (members.length > 1) members.sort(compare);
  groups.sort((a, b) => compare(a[0] as RankedCase<Case>, b[0] as RankedCase<Case>));
  const ordered: Case[] = [];
  for (const members of groups) for (const member of members) ordered.push(member.case);
  return ordered;
}
