import { remembered } from "../memo/remembered";

/**
 * How alike two headers are, for the columns and sheets no alias names exactly. Trackers were
 * bespoke: "LAC ID", "Date of 1st LAC review" and "Child name" are all real headers no profile can
 * list in advance. Words are compared, not letters, so "Date into kare" is not silently read as
 * "Date into care": a typing mistake in a header is suggested to the user, never guessed.
 */

// One spelling for words trackers write several ways. LAC (looked-after child) is the older name for
// CLA (child looked after); both appear in the evaluated sites' trackers.
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ["lac", "cla"],
  ["first", "1st"],
  ["second", "2nd"],
  ["third", "3rd"],
  ["no", "number"],
  ["num", "number"],
  ["nos", "number"],
]);

// Words that carry no meaning in a header: "Date of birth" and "Birth date" are the same column.
const FILLER: ReadonlySet<string> = new Set(["of", "the", "for", "a", "an"]);

/** The words of a header, lower case, with synonyms made one and filler words left out. */
export function headerWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !FILLER.has(w))
    .map((w) => SYNONYMS.get(w) ?? w);
}

/**
 * How well a column's names (its title and aliases) explain a header, from 0 to 1:
 * - names whose words all appear in the header cover part of it ("LAC ID" contains "ID": 0.5;
 *   "Child name" contains "Child" and "Name": 1);
 * - a header of two words or more that is part of a name counts by the share of the name it gives
 *   ("Became LAC" is 2 of the 3 words of "Date became LAC").
 * One-word headers are only ever matched exactly: "Date" alone could be any date column.
 */
export function columnNameCoverage(header: string, names: readonly string[]): number {
  const words = headerWordSet(header);
  if (words.size === 0) return 0;
  const covered = new Set<string>();
  let partOfName = 0;
  for (const name of names) {
    const nameWords = headerWordSet(name);
    if (nameWords.size === 0) continue;
    if (isSubset(nameWords, words)) nameWords.forEach((w) => covered.add(w));
    else if (words.size >= 2 && isSubset(words, nameWords)) {
      partOfName = Math.max(partOfName, words.size / nameWords.size);
    }
  }
  return Math.max(covered.size / words.size, partOfName);
}

/*
 * Every header cell is compared with every column's names, for each sheet and each read: the same
 * few hundred texts split into words thousands of times, a fixed 15 ms of every mapping.
 * So each text's words are worked out once and shared (read-only).
 */
const WORD_SETS = new Map<string, ReadonlySet<string>>();
const MOST_REMEMBERED = 4096;

/** The set of a header's words (headerWords), made once per text. */
export function headerWordSet(text: string): ReadonlySet<string> {
  return remembered(WORD_SETS, text, wordSetOf, MOST_REMEMBERED);
}

function wordSetOf(text: string): ReadonlySet<string> {
  return new Set(headerWords(text));
}

function isSubset(part: ReadonlySet<string>, whole: ReadonlySet<string>): boolean {
  for (const word of part) if (!whole.has(word)) return false;
  return true;
}

/**
 * Letter-level likeness of two headers after normalising (1 = the same), from the edit distance:
 * used only to suggest the closest header for a missing column, never to map one.
 */
export function spellingSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
