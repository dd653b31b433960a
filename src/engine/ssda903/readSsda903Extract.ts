import { coerceCellDate } from "../cells/coerceCellDate";
import { formatUkDate, type EpochDay } from "../dates/epochDay";
import {
  LEGAL_STATUS,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  matchCode,
  type CodeList,
} from "../profile/codeLists";
import type { ExtractProblem } from "./ExtractProblem";
import { readCsv, type CsvFile, type CsvRow } from "./readCsv";
import { REASONS_EPISODE_CEASED, REASONS_NEW_EPISODE } from "./ssda903Codes";
import { recogniseSsda903Table } from "./ssda903Tables";

/** Where a record came from, for every message about it. */
export interface ExtractSource {
  file: string;
  line: number;
}

export interface SystemChild {
  /** The ID as the extract writes it (trimmed). */
  id: string;
  dob?: EpochDay;
  source: ExtractSource;
}

/** One row of the Episodes table: a period of one legal status and one placement. */
export interface Episode {
  childKey: string;
  childId: string;
  /** DECOM: the day the episode began. */
  start: EpochDay;
  /** DEC: the day it ended; absent while it is open. */
  end?: EpochDay;
  /** RNE: why a new episode began (S started to be looked after, L legal status only, P placement...). */
  reasonNew?: string;
  legalStatus?: string;
  placementType?: string;
  placementProvider?: string;
  /** REC: why it ended; X1 means a new episode follows within the same care period. */
  reasonEnded?: string;
  source: ExtractSource;
}

export interface ReviewRecord {
  childKey: string;
  childId: string;
  day: EpochDay;
  source: ExtractSource;
}

/** Everything read from the extract's files, merged across years, and what was wrong with them. */
export interface Ssda903Extract {
  /** By child key (see `childKeyOf`). */
  children: ReadonlyMap<string, SystemChild>;
  episodes: readonly Episode[];
  reviews: readonly ReviewRecord[];
  problems: ExtractProblem[];
  /** Each file read and the table it was recognised as. */
  files: readonly { file: string; table: string }[];
}

/** Child IDs match trimmed and case-insensitively: "ab12 " in the tracker is "AB12" in the system. */
export function childKeyOf(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * Reads the SSDA903 CSV files of one or more years into one extract. Each file is recognised by its
 * header row; a file that is empty, unknown or lacks a needed column is reported and skipped. Values
 * that cannot be read (a date in another form that could mean two days, an unknown code) are left
 * out and reported with their file and line; nothing is guessed.
 */
export function readSsda903Extract(files: readonly CsvFile[]): Ssda903Extract {
  const problems: ExtractProblem[] = [];
  const children = new Map<string, SystemChild>();
  const episodes: Episode[] = [];
  const reviews: ReviewRecord[] = [];
  const read: { file: string; table: string }[] = [];

  for (const file of files) {
    const csv = readCsv(file);
    if (csv.kind === "empty") {
      problems.push({
        code: "FILE-EMPTY",
        severity: "error",
        file: file.name,
        message: `${file.name} is empty`,
      });
      continue;
    }
    const table = csv.table;
    const recognised = recogniseSsda903Table(table);
    if (recognised.kind === "unknown") {
      problems.push({
        code: "TABLE-UNKNOWN",
        severity: "error",
        file: file.name,
        line: table.header.line,
        value: table.header.fields.join(table.separator),
        message: `${file.name} is not an SSDA903 table refresh reads (Header, Episodes or Reviews): its header row does not match`,
      });
      continue;
    }
    if (recognised.kind === "missing-columns") {
      const missing = recognised.missing.join(", ");
      problems.push({
        code: "COLUMN-MISSING",
        severity: "error",
        file: file.name,
        line: table.header.line,
        value: missing,
        message: `${file.name} looks like the ${recognised.spec.title} table but has no ${missing} column${recognised.missing.length > 1 ? "s" : ""}: the file was not read`,
      });
      continue;
    }
    read.push({ file: file.name, table: recognised.spec.title });
    if (!recognised.spec.used) {
      problems.push({
        code: "TABLE-NOT-USED",
        severity: "info",
        file: file.name,
        message: `${file.name} is the ${recognised.spec.title} table: recognised, but refresh does not use it yet`,
      });
      continue;
    }
    const index = recognised.columnIndex;
    const reader = (row: CsvRow) => {
      const text = (column: string): string => {
        const at = index.get(column);
        return at === undefined ? "" : (row.fields[at] ?? "").trim();
      };
      const where = { file: file.name, line: row.line };
      const date = (column: string, required: boolean): EpochDay | undefined =>
        readExtractDate(text(column), column, where, required, problems);
      const code = (column: string, list: CodeList | readonly string[]): string | undefined =>
        readExtractCode(text(column), column, list, where, problems);
      return { text, where, date, code };
    };

    for (const row of table.rows) {
      const r = reader(row);
      const childId = r.text("CHILD");
      if (childId === "") {
        problems.push({
          code: "CHILD-ID-MISSING",
          severity: "error",
          ...r.where,
          message: `${file.name} line ${row.line}: no CHILD ID, the row was not read`,
        });
        continue;
      }
      const childKey = childKeyOf(childId);
      if (recognised.spec.kind === "header") {
        const dob = r.date("DOB", true);
        const held = children.get(childKey);
        if (held) {
          if (dob !== undefined && held.dob !== undefined && dob !== held.dob) {
            problems.push({
              code: "CHILD-DOB-DIFFERS",
              severity: "warning",
              ...r.where,
              value: r.text("DOB"),
              message: `${file.name} line ${row.line}: child ${childId} has DOB ${formatUkDate(dob)} here but ${formatUkDate(held.dob)} in ${held.source.file} line ${held.source.line}; the first is used`,
            });
          }
          continue;
        }
        children.set(
          childKey,
          dob === undefined ? { id: childId, source: r.where } : { id: childId, dob, source: r.where },
        );
      } else if (recognised.spec.kind === "episodes") {
        const start = r.date("DECOM", true);
        if (start === undefined) continue;
        const end = r.date("DEC", false);
        const episode: Episode = { childKey, childId, start, source: r.where };
        if (end !== undefined) episode.end = end;
        const fields: [keyof Episode, string | undefined][] = [
          ["reasonNew", r.code("RNE", REASONS_NEW_EPISODE)],
          ["legalStatus", r.code("LS", LEGAL_STATUS)],
          ["placementType", r.code("PLACE", PLACEMENT_TYPE)],
          ["placementProvider", r.code("PLACE_PROVIDER", PLACEMENT_PROVIDER)],
          ["reasonEnded", r.code("REC", REASONS_EPISODE_CEASED)],
        ];
        for (const [key, value] of fields) if (value !== undefined) Object.assign(episode, { [key]: value });
        episodes.push(episode);
      } else if (recognised.spec.kind === "reviews") {
        const day = r.date("REVIEW", true);
        if (day !== undefined) reviews.push({ childKey, childId, day, source: r.where });
      }
    }
  }
  return { children, episodes, reviews, problems, files: read };
}

// The return's own form: two-digit day and month, four-digit year.
const RETURN_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * A date of the extract. The return's form dd/mm/yyyy is read day first without question (it is the
 * specification's form, so 03/04/2019 is 3 April). Other forms are read through the one cell-date
 * function: unambiguous ones (2019-04-03, 3 April 2019) are used with a warning; ambiguous or invalid
 * ones are left out and reported.
 */
function readExtractDate(
  text: string,
  column: string,
  where: ExtractSource,
  required: boolean,
  problems: ExtractProblem[],
): EpochDay | undefined {
  const at = `${where.file} line ${where.line}`;
  const read = coerceCellDate(text);
  if (read.kind === "empty") {
    if (required) {
      problems.push({
        code: "DATE-INVALID",
        severity: "error",
        ...where,
        value: text,
        message: `${at}: ${column} is empty`,
      });
    }
    return undefined;
  }
  if (read.kind === "problem") {
    problems.push({
      code: "DATE-INVALID",
      severity: "error",
      ...where,
      value: text,
      message: `${at}: ${column} ${read.problem.message}; the value was left out`,
    });
    return undefined;
  }
  if (RETURN_DATE.test(text)) return read.day;
  if (read.ambiguous) {
    problems.push({
      code: "DATE-AMBIGUOUS",
      severity: "error",
      ...where,
      value: text,
      message: `${at}: ${column} “${text}” could be two different days; type it as dd/mm/yyyy. The value was left out`,
    });
    return undefined;
  }
  problems.push({
    code: "DATE-OTHER-FORM",
    severity: "warning",
    ...where,
    value: text,
    message: `${at}: ${column} “${text}” is not in the return's dd/mm/yyyy form; read as ${formatUkDate(read.day)}`,
  });
  return read.day;
}

function readExtractCode(
  text: string,
  column: string,
  list: CodeList | readonly string[],
  where: ExtractSource,
  problems: ExtractProblem[],
): string | undefined {
  if (text === "") return undefined;
  const upper = text.toUpperCase();
  const code = Array.isArray(list)
    ? (list as readonly string[]).includes(upper)
      ? upper
      : undefined
    : (() => {
        const match = matchCode(list as CodeList, text);
        return match.kind === "code" ? match.code.code : undefined;
      })();
  if (code === undefined) {
    problems.push({
      code: "CODE-UNKNOWN",
      severity: "warning",
      ...where,
      value: text,
      message: `${where.file} line ${where.line}: ${column} “${text}” is not an SSDA903 code; the value was left out`,
    });
  }
  return code;
}
