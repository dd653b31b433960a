import type { CellValue } from "../cells/CellValue";
import type { ColumnKey } from "../profile/TrackerProfile";
import { defineCheck, problem, type Problem } from "./defineCheck";
import { tidyText } from "./textCells";

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
  /** Its place in the check's list of spellings: what a cell records. */
  id: number;
  raw: string;
  count: number;
  /**
   * What its cells are reported with, once its group's canonical spelling is known; present from
   * the start (as undefined) so that every spelling keeps one shape.
   */
  report: { canonical: string; variants: number } | undefined;
}

interface NameGroup {
  spellings: Map<string, Spelling>;
}

/** A cell in initial-only form ("J Smith"), given a group once every full name is known. */
interface InitialOnlyCell {
  key: string;
  raw: string;
  index: number;
  column: number;
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
    const columns = WORKER_COLUMNS.filter((key) => table.has(key));
    const values = columns.map((key) => table.values(key));
    // Each cell keeps only the number of its spelling (-1 for none), so the cells to report are found
    // by a second pass rather than by a list of cells per spelling: most cells need no message.
    const spellingOf = columns.map(() => new Int32Array(table.size).fill(-1));
    const spellings: Spelling[] = [];
    const spellingIn = (group: NameGroup, raw: string): Spelling => {
      let spelling = group.spellings.get(raw);
      if (spelling === undefined) {
        spelling = { id: spellings.length, raw, count: 0, report: undefined };
        spellings.push(spelling);
        group.spellings.set(raw, spelling);
      }
      return spelling;
    };
    const count = (spelling: Spelling, column: number, index: number): void => {
      spelling.count += 1;
      (spellingOf[column] as Int32Array)[index] = spelling.id;
    };

    // Row by row, as the first spelling seen wins a tie. A text is read once: a full name always
    // lands in the same group, so its spelling is remembered with it.
    const written = new Map<string, { name: ReturnType<typeof nameKey>; spelling: Spelling | undefined }>();
    const full = new Map<string, NameGroup>();
    const initialOnly: InitialOnlyCell[] = [];
    for (let index = 0; index < table.size; index++) {
      for (let column = 0; column < columns.length; column++) {
        const raw = (values[column] as readonly CellValue[])[index];
        if (typeof raw !== "string") continue;
        let text = written.get(raw);
        if (text === undefined) {
          text = { name: raw.trim() === "" ? undefined : nameKey(raw), spelling: undefined };
          written.set(raw, text);
        }
        const name = text.name;
        if (name === undefined) continue;
        if (name.initialOnly) {
          initialOnly.push({ key: name.initials, raw, index, column });
          continue;
        }
        text.spelling ??= spellingIn(groupFor(full, name.full), raw);
        count(text.spelling, column, index);
      }
    }

    // The groups an initial-only form fits, by initials; groups made for unplaced initial forms
    // join as they are made, since a later form is compared with every group there is by then.
    const fitting = new Map<string, NameGroup[]>();
    const fit = (key: string, group: NameGroup): void => {
      const initials = nameKey(key)?.initials;
      if (initials === undefined) return;
      const groups = fitting.get(initials);
      if (groups === undefined) fitting.set(initials, [group]);
      else groups.push(group);
    };
    for (const [key, group] of full) fit(key, group);
    for (const cell of initialOnly) {
      const fits = fitting.get(cell.key);
      let group = fits?.length === 1 ? fits[0] : undefined;
      if (group === undefined) {
        const key = `initial:${cell.key}`;
        const made = !full.has(key);
        group = groupFor(full, key);
        if (made) fit(key, group);
      }
      count(spellingIn(group, cell.raw), cell.column, cell.index);
    }

    for (const group of full.values()) {
      if (group.spellings.size < 2) continue;
      const canonical = canonicalSpelling([...group.spellings.values()]);
      if (canonical === undefined) continue;
      const variants = group.spellings.has(canonical) ? group.spellings.size - 1 : group.spellings.size;
      for (const spelling of group.spellings.values()) {
        if (spelling.raw !== canonical) spelling.report = { canonical, variants };
      }
    }

    const found: Problem[] = [];
    for (let index = 0; index < table.size; index++) {
      for (let column = 0; column < columns.length; column++) {
        const id = (spellingOf[column] as Int32Array)[index] as number;
        const spelling = id < 0 ? undefined : spellings[id];
        if (spelling?.report === undefined) continue;
        const { canonical, variants } = spelling.report;
        found.push(
          problem(
            table.rowNumber(index),
            columns[column] as ColumnKey,
            { name: spelling.raw, canonical, variants },
            { value: canonical, text: canonical },
          ),
        );
      }
    }
    return found;
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
