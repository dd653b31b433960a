import { formatUkDate } from "../dates/epochDay";
import type { ExtractProblem } from "./ExtractProblem";
import type { Episode, ExtractSource } from "./ssda903Records";

/** A record as read, with what says how late its return is. */
export interface Ranked<T> {
  record: T;
  /** The return year (YEAR, else the year the file's dates fall in); undefined when unknown. */
  year: number | undefined;
  /** The file's place in the list given: a later file is a later return when years say nothing. */
  fileIndex: number;
  source: ExtractSource;
}

export interface MergeTable<T> {
  /** The table, as messages name it ("Episodes"). */
  title: string;
  keyOf(record: T): string;
  /** What the key means, for a message: "from 01/02/2020". */
  describe(record: T): string;
  /** Whether two versions say the same for what refresh uses (a repeat, not a change). */
  same(a: T, b: T): boolean;
  /**
   * Of two versions in the same return and file, the one to keep without a word (an episode closed
   * in one and open in the other: the closed one); undefined when they truly disagree.
   */
  settle?(a: T, b: T): T | undefined;
}

/**
 * The same record in several returns is one record, and the latest return wins: the higher YEAR,
 * else the later file given, as the practitioners' own pipelines deduplicate (liia-tools
 * `la-agg.yml`: Episodes by CHILD and DECOM, Reviews by CHILD and REVIEW, Header by CHILD). A
 * repeat is never a problem; a change between returns is the caller's to judge (see `changed`).
 * Two files of the same return that disagree are reported once per pair of files, the later file
 * used; two disagreeing rows of one file and return are reported each, the first used.
 */
export function latestOfEach<T>(
  table: MergeTable<T>,
  versions: readonly Ranked<T>[],
  problems: ExtractProblem[],
  changed?: (older: Ranked<T>, newer: Ranked<T>) => void,
): Ranked<T>[] {
  const byKey = new Map<string, Ranked<T>[]>();
  for (const version of versions) {
    const key = table.keyOf(version.record);
    const list = byKey.get(key);
    if (list) list.push(version);
    else byKey.set(key, [version]);
  }
  const fileDisagreements = new Map<string, { count: number; first: Ranked<T>; older: Ranked<T> }>();
  const kept: Ranked<T>[] = [];
  for (const list of byKey.values()) {
    let held = list[0] as Ranked<T>;
    for (const next of list.slice(1)) {
      const order = compareReturns(held, next);
      if (order !== 0) {
        const [older, newer] = order < 0 ? [held, next] : [next, held];
        if (!table.same(older.record, newer.record)) changed?.(older, newer);
        held = newer;
        continue;
      }
      if (table.same(held.record, next.record)) continue;
      if (held.fileIndex !== next.fileIndex) {
        const [older, newer] = held.fileIndex < next.fileIndex ? [held, next] : [next, held];
        const pair = `${older.source.file}\u0000${newer.source.file}`;
        const seen = fileDisagreements.get(pair);
        if (seen) seen.count++;
        else fileDisagreements.set(pair, { count: 1, first: newer, older });
        held = newer;
        continue;
      }
      const settled = table.settle?.(held.record, next.record);
      if (settled !== undefined) {
        held = settled === held.record ? held : next;
        continue;
      }
      problems.push({
        code: "RECORD-DUPLICATE",
        severity: "warning",
        ...next.source,
        value: table.describe(next.record),
        message: `${next.source.file} line ${next.source.line}: a second ${table.title} record of ${table.describe(next.record)} in the same return (first at line ${held.source.line}) says otherwise; the first is used`,
      });
    }
    kept.push(held);
  }
  for (const { count, first, older } of fileDisagreements.values()) {
    const year = first.year === undefined ? "" : ` ${first.year}`;
    problems.push({
      code: "RETURN-FILES-DIFFER",
      severity: "warning",
      ...first.source,
      value: table.describe(first.record),
      message: `${older.source.file} and ${first.source.file} both hold the${year} ${table.title} return and disagree on ${count} record${count === 1 ? "" : "s"} (first: ${table.describe(first.record)}, line ${first.source.line}); the later file, ${first.source.file}, is used`,
    });
  }
  return kept.sort((a, b) => a.fileIndex - b.fileIndex || a.source.line - b.source.line);
}

/** Negative when `a` is an earlier return than `b`, positive when later, 0 for the same return. */
function compareReturns(a: Ranked<unknown>, b: Ranked<unknown>): number {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return a.year - b.year;
  if (a.year !== undefined && b.year !== undefined) return 0;
  return a.fileIndex - b.fileIndex;
}

/**
 * Each return holds every episode open at any time in its year, so an episode still open at the
 * end of its latest return must be in the next return the extract holds. When it is not:
 * - and the child has other episodes in that return, the episode was changed there (its DECOM
 *   moved, or it was recorded again): the later return's episodes are used, and this one dropped;
 * - and the child is in no episode of that return, the child was no longer looked after by then,
 *   on a day the extract does not give: the episode is kept, marked, and never read as in care.
 * Either is reported once per child.
 */
export function settleOpenEpisodes(
  episodes: readonly Ranked<Episode>[],
  allVersions: readonly Ranked<Episode>[],
  problems: ExtractProblem[],
): Episode[] {
  const years = [...new Set(allVersions.map((v) => v.year).filter((y): y is number => y !== undefined))].sort(
    (a, b) => a - b,
  );
  const yearsOfChild = new Map<string, Set<number>>();
  for (const v of allVersions) {
    if (v.year === undefined) continue;
    const set = yearsOfChild.get(v.record.childKey) ?? new Set<number>();
    set.add(v.year);
    yearsOfChild.set(v.record.childKey, set);
  }
  const reported = new Set<string>();
  const kept: Episode[] = [];
  for (const { record, year } of episodes) {
    const next = year === undefined ? undefined : years.find((y) => y > year);
    if (record.end !== undefined || year === undefined || next === undefined) {
      kept.push(record);
      continue;
    }
    const inNext = yearsOfChild.get(record.childKey)?.has(next) === true;
    const first = !reported.has(record.childKey);
    reported.add(record.childKey);
    const at = `${record.source.file} line ${record.source.line}`;
    if (inNext) {
      if (first) {
        problems.push({
          code: "EPISODE-REPLACED",
          severity: "warning",
          ...record.source,
          value: formatUkDate(record.start),
          message: `${at}: child ${record.childId}'s episode from ${formatUkDate(record.start)} is open in the ${year} return but not in the ${next} return, which holds the child's other episodes (was its start date changed?); the later return's episodes are used`,
        });
      }
      continue;
    }
    if (first) {
      problems.push({
        code: "EPISODE-NOT-IN-LATER-RETURN",
        severity: "warning",
        ...record.source,
        value: formatUkDate(record.start),
        message: `${at}: child ${record.childId}'s episode from ${formatUkDate(record.start)} is open in the ${year} return, but the child is not in the ${next} return: not read as in care (the day care ended is not in the extract)`,
      });
    }
    kept.push({ ...record, absentFromReturn: next });
  }
  return kept;
}
