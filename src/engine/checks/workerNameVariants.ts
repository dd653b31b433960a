import type { ColumnKey } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { tidyText } from "./textUntrimmed";

/** The columns that name staff: one person's cases must be found under one spelling. */
export const WORKER_COLUMNS: readonly ColumnKey[] = [
  "socialWorker",
  "teamManager",
  "iro",
  "assessingWorker",
  "supervisingWorker",
  "familyFinder",
];

interface Spelling {
  raw: string;
  count: number;
  cells: { row: number; column: ColumnKey }[];
}

interface NameGroup {
  spellings: Map<string, Spelling>;
}

/**
 * "Jane Smith", "jane smith ", "J Smith" and "Smith, Jane" are one worker written four ways, so her
 * cases are split across four names on every agenda. Names are grouped by a normalised key; an
 * initial-only form joins a full name only when exactly one full name fits it (so "J Smith" is never
 * given to Jane when John Smith is also on the sheet). The most frequent properly cased spelling is
 * suggested for the others.
 */
export const workerNameVariants = defineCheck({
  code: "WORKER-NAME-VARIANTS",
  severity: "warning",
  title: "One worker's name written several ways",
  reads: [],
  check(table) {
    const keys = new Map<string, ReturnType<typeof nameKey>>();
    const keyOf = (raw: string): ReturnType<typeof nameKey> => {
      if (!keys.has(raw)) keys.set(raw, nameKey(raw));
      return keys.get(raw);
    };
    const columns = WORKER_COLUMNS.filter((key) => table.has(key));
    const full = new Map<string, NameGroup>();
    const initialOnly: { key: string; raw: string; row: number; column: ColumnKey }[] = [];
    for (const row of table.rows) {
      for (const column of columns) {
        const raw = row.value(column);
        if (typeof raw !== "string" || raw.trim() === "") continue;
        const name = keyOf(raw);
        if (name === undefined) continue;
        if (name.initialOnly) initialOnly.push({ key: name.initials, raw, row: row.rowNumber, column });
        else addSpelling(groupFor(full, name.full), raw, row.rowNumber, column);
      }
    }
    for (const entry of initialOnly) {
      const fits = [...full.entries()].filter(([key]) => nameKey(key)?.initials === entry.key);
      const group =
        fits.length === 1 ? (fits[0] as [string, NameGroup])[1] : groupFor(full, `initial:${entry.key}`);
      addSpelling(group, entry.raw, entry.row, entry.column);
    }

    const found: Problem[] = [];
    for (const group of full.values()) {
      if (group.spellings.size < 2) continue;
      const canonical = canonicalSpelling([...group.spellings.values()]);
      if (canonical === undefined) continue;
      const others = [...group.spellings.keys()].filter((s) => s !== canonical);
      for (const spelling of group.spellings.values()) {
        if (spelling.raw === canonical) continue;
        for (const cell of spelling.cells) {
          found.push(
            problem(
              cell.row,
              cell.column,
              { name: spelling.raw, canonical, variants: others.length },
              { value: canonical, text: canonical },
            ),
          );
        }
      }
    }
    return found.sort((a, b) => a.row - b.row);
  },
});

function groupFor(groups: Map<string, NameGroup>, key: string): NameGroup {
  let group = groups.get(key);
  if (!group) {
    group = { spellings: new Map() };
    groups.set(key, group);
  }
  return group;
}

function addSpelling(group: NameGroup, raw: string, row: number, column: ColumnKey): void {
  const spelling = group.spellings.get(raw) ?? { raw, count: 0, cells: [] };
  spelling.count += 1;
  spelling.cells.push({ row, column });
  group.spellings.set(raw, spelling);
}

/**
 * The comparable form of a name: lower case, no dots, single spaces, "Surname, First" turned round.
 * `initials` is first initial + surname ("j smith"), the form "J Smith" is written in.
 */
export function nameKey(raw: string): { full: string; initials: string; initialOnly: boolean } | undefined {
  let text = tidyText(raw).toLowerCase().replace(/\./g, " ");
  const comma = text.indexOf(",");
  if (comma >= 0) text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`;
  const words = text.split(/\s+/).filter((w) => w !== "");
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined || words.length < 2) return undefined;
  return {
    full: words.join(" "),
    initials: `${first.charAt(0)} ${last}`,
    initialOnly: first.length === 1,
  };
}

/** A spelling fit to be the canonical one: tidy, "First Last", each word capitalised, not all capitals. */
function isProperlyCased(raw: string): boolean {
  if (tidyText(raw) !== raw || raw.includes(",")) return false;
  const key = nameKey(raw);
  if (key === undefined || key.initialOnly) return false;
  return raw.split(" ").every((w) => /^[A-Z]/.test(w)) && /[a-z]/.test(raw);
}

function canonicalSpelling(spellings: readonly Spelling[]): string | undefined {
  let best: Spelling | undefined;
  for (const s of spellings) {
    if (isProperlyCased(s.raw) && (best === undefined || s.count > best.count)) best = s;
  }
  if (best) return best.raw;
  // No well-written form: offer the fullest form in title case ("jane smith" → "Jane Smith").
  const fullForms = spellings.map((s) => nameKey(s.raw)).filter((k) => k !== undefined && !k.initialOnly);
  const fullest = fullForms[0];
  return fullest
    ? fullest.full.replace(/(^|[\s'-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())
    : undefined;
}
