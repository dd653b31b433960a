import { formatUkDate, type EpochDay } from "../dates/epochDay";
import {
  LEGAL_STATUS,
  PLACEMENT_PROVIDER,
  PLACEMENT_TYPE,
  matchCode,
  type CodeList,
} from "../profile/codeLists";
import { DateFormsSeen, readExtractDate, returnYearOf, type ExtractDateRead } from "./extractDates";
import type { ExtractProblem } from "./ExtractProblem";
import { latestOfEach, settleOpenEpisodes, type Ranked } from "./mergeReturns";
import { readCsv, type CsvFile, type CsvRow, type CsvTable } from "./readCsv";
import { REASONS_EPISODE_CEASED, REASONS_NEW_EPISODE } from "./ssda903Codes";
import type {
  Ad1Record,
  Episode,
  ExtractSource,
  PlacedAdoptionRecord,
  PrevPermRecord,
  ReviewRecord,
  SocialWorkerRecord,
  SystemChild,
} from "./ssda903Records";
import {
  AUTHORITY_COLUMN,
  USED_TABLE_TITLES,
  YEAR_COLUMN,
  recogniseSsda903Table,
  type Ssda903TableKind,
} from "./ssda903Tables";

/**
 * Everything read from the extract's files, every return merged into one (the latest wins), and
 * what was wrong with them. The records are typed by `ssda903Records` (zod schemas).
 */
export interface Ssda903Extract {
  /** Header, by child key (see `childKeyOf`). */
  children: ReadonlyMap<string, SystemChild>;
  episodes: readonly Episode[];
  /** Every CLA review date of every child, one record per child and date, in file order. */
  reviews: readonly ReviewRecord[];
  /** PlacedAdoption: placements for adoption. */
  placedAdoption: readonly PlacedAdoptionRecord[];
  /** AD1: the adoption decisions (should be placed, matched). */
  ad1: readonly Ad1Record[];
  /** PrevPerm: permanence orders before the care period. */
  prevPerm: readonly PrevPermRecord[];
  /** SocialWorker (2023-24 on): allocated workers by ID. */
  socialWorkers: readonly SocialWorkerRecord[];
  problems: ExtractProblem[];
  /** Each file read and the table it was recognised as. */
  files: readonly { file: string; table: string }[];
  /** The authorities of the files' LA column, sorted; empty when there is none. */
  authorities: readonly string[];
  /**
   * Set when the files hold several authorities and none was chosen: nothing was read, because
   * child IDs are only unique within one authority.
   */
  authorityNeeded?: true;
  /** The return years read (YEAR, else the years the files' dates fall in), ascending. */
  returnYears: readonly number[];
}

export interface ReadExtractOptions {
  /** The authority to read from a regional file (its LA value, matched trimmed and ignoring case). */
  la?: string;
  /** Called every 50,000 rows of a large file, for the CLI's progress line. */
  onProgress?: (file: string, rows: number) => void;
}

/** A file of the extract: CSV bytes or text, or a table already read (a sheet of an .xlsx export). */
export type ExtractInput = CsvFile | CsvTable;

/** Child IDs match trimmed and case-insensitively: "ab12 " in the tracker is "AB12" in the system. */
export function childKeyOf(id: string): string {
  return id.trim().toUpperCase();
}

const PROGRESS_EVERY = 50_000;

interface Versions {
  header: Ranked<SystemChild>[];
  episodes: Ranked<Episode>[];
  reviews: Ranked<ReviewRecord>[];
  placedAdoption: Ranked<PlacedAdoptionRecord>[];
  ad1: Ranked<Ad1Record>[];
  prevPerm: Ranked<PrevPermRecord>[];
  socialWorkers: Ranked<SocialWorkerRecord>[];
}

/**
 * Reads the SSDA903 files of one or more returns into one extract. Each file is recognised by its
 * header row; a file that is empty, unknown or lacks a needed column is reported and skipped.
 * Several returns (a YEAR column, or one file per year) are merged record by record, the latest
 * return winning (see `latestOfEach`). A regional file's LA column selects the authority asked for;
 * several authorities and none asked for reads nothing and says so (`authorityNeeded`). Values that
 * cannot be read without a guess are left out and reported with their file and line; the date
 * forms used are noted once per file.
 */
export function readSsda903Extract(
  inputs: readonly ExtractInput[],
  options: ReadExtractOptions = {},
): Ssda903Extract {
  const problems: ExtractProblem[] = [];
  const read: { file: string; table: string }[] = [];
  const tables: { table: CsvTable; kind: Ssda903TableKind; index: ReadonlyMap<string, number> }[] = [];

  for (const input of inputs) {
    const table = tableOf(input, problems);
    if (!table) continue;
    const recognised = recogniseSsda903Table(table);
    if (recognised.kind === "unknown") {
      problems.push({
        code: "TABLE-UNKNOWN",
        severity: "error",
        file: table.file,
        line: table.header.line,
        value: table.header.fields.join(table.separator),
        message: `${table.file} is not an SSDA903 table refresh reads (${USED_TABLE_TITLES.join(", ")}): its header row does not match`,
      });
      continue;
    }
    if (recognised.kind === "missing-columns") {
      const missing = recognised.missing.join(", ");
      problems.push({
        code: "COLUMN-MISSING",
        severity: "error",
        file: table.file,
        line: table.header.line,
        value: missing,
        message: `${table.file} looks like the ${recognised.spec.title} table but has no ${missing} column${recognised.missing.length > 1 ? "s" : ""}: the file was not read`,
      });
      continue;
    }
    read.push({ file: table.file, table: recognised.spec.title });
    if (!recognised.spec.used) {
      problems.push({
        code: "TABLE-NOT-USED",
        severity: "info",
        file: table.file,
        message: `${table.file} is the ${recognised.spec.title} table: recognised, but refresh does not use it`,
      });
      continue;
    }
    tables.push({ table, kind: recognised.spec.kind, index: recognised.columnIndex });
  }

  const authorities = authoritiesOf(tables);
  const empty = {
    children: new Map<string, SystemChild>(),
    episodes: [],
    reviews: [],
    placedAdoption: [],
    ad1: [],
    prevPerm: [],
    socialWorkers: [],
    files: read,
    authorities,
    returnYears: [],
  };
  let la: string | undefined;
  if (options.la !== undefined) {
    la = authorities.find((a) => a.toUpperCase() === options.la?.trim().toUpperCase());
    if (la === undefined) {
      problems.push({
        code: "AUTHORITY-UNKNOWN",
        severity: "error",
        file: tables[0]?.table.file ?? "",
        value: options.la,
        message:
          authorities.length === 0
            ? `--la ${options.la}: the files have no LA column, so every row was read`
            : `the files hold no authority “${options.la}”: they hold ${authorities.join(", ")}`,
      });
      if (authorities.length > 0) return { ...empty, problems };
    }
  } else if (authorities.length > 1) {
    return { ...empty, problems, authorityNeeded: true };
  }

  const versions: Versions = {
    header: [],
    episodes: [],
    reviews: [],
    placedAdoption: [],
    ad1: [],
    prevPerm: [],
    socialWorkers: [],
  };
  tables.forEach(({ table, kind, index }, fileIndex) =>
    readTable(table, kind, index, fileIndex, la, versions, problems, options.onProgress),
  );
  return { ...mergeVersions(versions, problems), files: read, authorities, problems };
}

function tableOf(input: ExtractInput, problems: ExtractProblem[]): CsvTable | undefined {
  if ("header" in input) return input;
  const csv = readCsv(input);
  if (csv.kind === "table") return csv.table;
  problems.push({
    code: "FILE-EMPTY",
    severity: "error",
    file: input.name,
    message: `${input.name} is empty`,
  });
  return undefined;
}

function authoritiesOf(tables: readonly { table: CsvTable; index: ReadonlyMap<string, number> }[]): string[] {
  const seen = new Map<string, string>();
  for (const { table, index } of tables) {
    const at = index.get(AUTHORITY_COLUMN);
    if (at === undefined) continue;
    for (const row of table.rows) {
      const la = (row.fields[at] ?? "").trim();
      if (la !== "" && !seen.has(la.toUpperCase())) seen.set(la.toUpperCase(), la);
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The tables' dates that fall in the return's own year (a DOB or an earlier order does not). */
const IN_YEAR_DATES: Partial<Record<Ssda903TableKind, readonly string[]>> = {
  episodes: ["DECOM", "DEC"],
  reviews: ["REVIEW"],
  placedAdoption: ["DATE_PLACED", "DATE_PLACED_CEASED"],
  ad1: ["DATE_INT", "DATE_MATCH"],
  socialWorker: ["SW_DECOM", "SW_DEC"],
};

function readTable(
  table: CsvTable,
  kind: Ssda903TableKind,
  index: ReadonlyMap<string, number>,
  fileIndex: number,
  la: string | undefined,
  versions: Versions,
  problems: ExtractProblem[],
  onProgress: ReadExtractOptions["onProgress"],
): void {
  const file = table.file;
  const forms = new DateFormsSeen();
  const laAt = index.get(AUTHORITY_COLUMN);
  const yearAt = index.get(YEAR_COLUMN);
  const inYear = IN_YEAR_DATES[kind] ?? [];
  let latestInYear: EpochDay | undefined;
  const ranked: Ranked<unknown>[] = [];
  const yearProblems = new Set<string>();

  // One reader for the whole table, pointed at each row in turn: closures made per row were most
  // of the cost of a 200,000-row file.
  let row: CsvRow = table.header;
  let where: ExtractSource = { file, line: 0 };
  const text = (column: string): string => {
    const at = index.get(column);
    return at === undefined ? "" : (row.fields[at] ?? "").trim();
  };
  const reader: RowReader = {
    text,
    date(column, required) {
      const value = text(column);
      const read = readExtractDate(value);
      const day = extractDate(read, value, column, where, required, problems);
      if (day !== undefined) {
        forms.record(read, value);
        if ((latestInYear === undefined || day > latestInYear) && inYear.includes(column)) latestInYear = day;
      }
      return day;
    },
    code: (column, list) => extractCode(text(column), column, list, where, problems),
  };
  const upperLa = la?.toUpperCase();
  for (let i = 0; i < table.rows.length; i++) {
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(file, i + 1);
    row = table.rows[i] as CsvRow;
    if (upperLa !== undefined && laAt !== undefined) {
      if ((row.fields[laAt] ?? "").trim().toUpperCase() !== upperLa) continue;
    }
    where = { file, line: row.line };
    const childId = text("CHILD");
    if (childId === "") {
      problems.push({
        code: "CHILD-ID-MISSING",
        severity: "error",
        ...where,
        message: `${file} line ${row.line}: no CHILD ID, the row was not read`,
      });
      continue;
    }
    const year = yearOf(yearAt === undefined ? "" : text(YEAR_COLUMN), where, yearProblems, problems);
    const record = recordOf(kind, { childKey: childKeyOf(childId), childId, source: where }, reader);
    if (record !== undefined) ranked.push({ record, year, fileIndex, source: where });
  }

  // Without a YEAR column, the file is the return its in-year dates fall in.
  const fileYear = latestInYear === undefined ? undefined : returnYearOf(latestInYear);
  for (const version of ranked) {
    version.year ??= fileYear;
    if (version.year !== undefined) (version.record as { returnYear?: number }).returnYear = version.year;
  }
  const form = forms.describe();
  if (form !== undefined) {
    problems.push({
      code: "DATE-FORM",
      severity: "info",
      file,
      message: `${file}: dates read as ${form}`,
    });
  }
  const into: Record<string, Ranked<unknown>[]> = {
    header: versions.header,
    episodes: versions.episodes,
    reviews: versions.reviews,
    placedAdoption: versions.placedAdoption,
    ad1: versions.ad1,
    prevPerm: versions.prevPerm,
    socialWorker: versions.socialWorkers,
  };
  const list = into[kind];
  // One at a time: spreading 200,000 rows into push() overflows the call stack.
  if (list) for (const version of ranked) list.push(version);
}

interface RowReader {
  text(column: string): string;
  date(column: string, required: boolean): EpochDay | undefined;
  code(column: string, list: CodeList | readonly string[]): string | undefined;
}

type Base = { childKey: string; childId: string; source: ExtractSource };

/** One row as its table's record; undefined when a value the record cannot do without is unreadable. */
function recordOf(kind: Ssda903TableKind, base: Base, r: RowReader): unknown {
  const upper = (column: string): string | undefined => {
    const value = r.text(column).toUpperCase();
    return value === "" ? undefined : value;
  };
  switch (kind) {
    case "header": {
      const { childId, ...rest } = base;
      return asRecord<SystemChild>({
        ...rest,
        id: childId,
        dob: r.date("DOB", true),
        sex: upper("SEX"),
        upn: r.text("UPN") || undefined,
      });
    }
    case "episodes": {
      const start = r.date("DECOM", true);
      if (start === undefined) return undefined;
      return asRecord<Episode>({
        ...base,
        start,
        end: r.date("DEC", false),
        reasonNew: r.code("RNE", REASONS_NEW_EPISODE),
        legalStatus: r.code("LS", LEGAL_STATUS),
        placementType: r.code("PLACE", PLACEMENT_TYPE),
        placementProvider: r.code("PLACE_PROVIDER", PLACEMENT_PROVIDER),
        reasonEnded: r.code("REC", REASONS_EPISODE_CEASED),
      });
    }
    case "reviews": {
      const day = r.date("REVIEW", true);
      return day === undefined
        ? undefined
        : asRecord<ReviewRecord>({ ...base, day, code: upper("REVIEW_CODE") });
    }
    case "placedAdoption": {
      const datePlaced = r.date("DATE_PLACED", true);
      if (datePlaced === undefined) return undefined;
      return asRecord<PlacedAdoptionRecord>({
        ...base,
        datePlaced,
        datePlacedCeased: r.date("DATE_PLACED_CEASED", false),
        reasonPlacedCeased: upper("REASON_PLACED_CEASED"),
      });
    }
    case "ad1": {
      const dateShouldBePlaced = r.date("DATE_INT", true);
      const dateMatched = r.date("DATE_MATCH", true);
      if (dateShouldBePlaced === undefined || dateMatched === undefined) return undefined;
      const adopters = Number(r.text("NB_ADOPTR"));
      return asRecord<Ad1Record>({
        ...base,
        dateShouldBePlaced,
        dateMatched,
        fosterCare: upper("FOSTER_CARE"),
        numberOfAdopters: r.text("NB_ADOPTR") !== "" && Number.isInteger(adopters) ? adopters : undefined,
        sexOfAdopters: upper("SEX_ADOPTR"),
        legalStatusOfAdopters: upper("LS_ADOPTR"),
      });
    }
    case "prevPerm": {
      const previousPermanence = upper("PREV_PERM");
      if (previousPermanence === undefined) return undefined;
      const text = r.text("DATE_PERM");
      // The return writes an unknown day or month as "zz": kept as written, not a problem.
      const partial = /z/i.test(text);
      return asRecord<PrevPermRecord>({
        ...base,
        previousPermanence,
        authorityOfOrder: r.text("LA_PERM") || undefined,
        datePermText: text || undefined,
        datePerm: partial ? undefined : r.date("DATE_PERM", false),
      });
    }
    case "socialWorker": {
      const workerId = r.text("SW_ID");
      const start = r.date("SW_DECOM", true);
      if (workerId === "" || start === undefined) return undefined;
      return asRecord<SocialWorkerRecord>({
        ...base,
        workerId,
        start,
        end: r.date("SW_DEC", false),
        reason: upper("SW_REASON"),
      });
    }
    default:
      return undefined;
  }
}

/**
 * A record as one object literal per table, so every record of a table has the same shape (fast to
 * make and read by the hundred thousand); a field the file did not give is undefined.
 */
function asRecord<T extends object>(record: { [K in keyof T]: T[K] | undefined }): T {
  return record as T;
}

/** YEAR as "2018", or a span "2017/18" or "2017-18" read as the year it ends (2018). */
function yearOf(
  text: string,
  where: ExtractSource,
  reported: Set<string>,
  problems: ExtractProblem[],
): number | undefined {
  if (text === "") return undefined;
  const plain = /^(\d{4})$/.exec(text);
  if (plain) return Number(plain[1]);
  const span = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(text);
  if (span) return Number(span[1]) + 1;
  if (!reported.has(text)) {
    reported.add(text);
    problems.push({
      code: "YEAR-INVALID",
      severity: "warning",
      ...where,
      value: text,
      message: `${where.file} line ${where.line}: YEAR “${text}” is not a return year (2018, or 2017/18); the file's dates say which return it is`,
    });
  }
  return undefined;
}

function mergeVersions(
  versions: Versions,
  problems: ExtractProblem[],
): Omit<Ssda903Extract, "files" | "authorities" | "problems"> {
  const records = <T>(list: readonly Ranked<T>[]): T[] => list.map((v) => v.record);
  const childDob = new Set<string>();
  const header = latestOfEach<SystemChild>(
    {
      title: "Header",
      keyOf: (c) => c.childKey,
      describe: (c) => `child ${c.id}`,
      same: (a, b) => a.dob === b.dob,
    },
    versions.header,
    problems,
    (older, newer) => {
      const [a, b] = [older.record, newer.record];
      if (a.dob === undefined || b.dob === undefined || childDob.has(b.childKey)) return;
      childDob.add(b.childKey);
      problems.push({
        code: "CHILD-DOB-DIFFERS",
        severity: "warning",
        ...newer.source,
        value: formatUkDate(b.dob),
        message: `${newer.source.file} line ${newer.source.line}: child ${b.id}'s date of birth is ${formatUkDate(b.dob)} here but ${formatUkDate(a.dob)} in an earlier return (${older.source.file} line ${older.source.line}); the later is used`,
      });
    },
  );
  const episodes = latestOfEach<Episode>(
    {
      title: "Episodes",
      keyOf: (e) => `${e.childKey}\u0000${e.start}`,
      describe: (e) => `child ${e.childId} from ${formatUkDate(e.start)}`,
      same: (a, b) => sameEpisode(a, b),
      // The same episode open in one export and closed in another of the same return (a
      // concatenation without YEAR): the closed one, which says more.
      settle: (a, b) => {
        if (a.end === undefined && b.end !== undefined && sameEpisode({ ...b, end: undefined }, a)) return b;
        if (b.end === undefined && a.end !== undefined && sameEpisode({ ...a, end: undefined }, b)) return a;
        return undefined;
      },
    },
    versions.episodes,
    problems,
  );
  const settled = settleOpenEpisodes(episodes, versions.episodes, problems);
  const keyed = <T extends { childKey: string }>(title: string, list: Ranked<T>[], key: (r: T) => string) =>
    records(
      latestOfEach<T>(
        {
          title,
          keyOf: (r) => `${r.childKey}\u0000${key(r)}`,
          describe: (r) => `child ${(r as { childId?: string }).childId ?? r.childKey} (${key(r)})`,
          same: (a, b) => sameFields(a, b),
        },
        list,
        problems,
      ),
    );
  const years = new Set<number>();
  for (const list of Object.values(versions) as Ranked<unknown>[][]) {
    for (const v of list) if (v.year !== undefined) years.add(v.year);
  }
  return {
    children: new Map(records(header).map((c) => [c.childKey, c])),
    episodes: settled,
    reviews: keyed("Reviews", versions.reviews, (r) => formatUkDate(r.day)),
    placedAdoption: keyed("PlacedAdoption", versions.placedAdoption, (r) => formatUkDate(r.datePlaced)),
    ad1: keyed(
      "AD1",
      versions.ad1,
      (r) => `${formatUkDate(r.dateShouldBePlaced)}, ${formatUkDate(r.dateMatched)}`,
    ),
    prevPerm: keyed("PrevPerm", versions.prevPerm, (r) => r.datePermText ?? r.previousPermanence),
    socialWorkers: keyed("SocialWorker", versions.socialWorkers, (r) => formatUkDate(r.start)),
    returnYears: [...years].sort((a, b) => a - b),
  };
}

function sameEpisode(a: Episode, b: Episode): boolean {
  return (
    a.end === b.end &&
    a.reasonNew === b.reasonNew &&
    a.legalStatus === b.legalStatus &&
    a.placementType === b.placementType &&
    a.placementProvider === b.placementProvider &&
    a.reasonEnded === b.reasonEnded
  );
}

/** Two records say the same, where they came from aside. */
function sameFields(a: object, b: object): boolean {
  const strip = (r: object) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([k]) => k !== "source" && k !== "returnYear")
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return strip(a) === strip(b);
}

/**
 * A date of the extract (see `readExtractDate`): an ambiguous or impossible one is left out and
 * reported with its file, line and value; a missing required one too.
 */
function extractDate(
  read: ExtractDateRead,
  text: string,
  column: string,
  where: ExtractSource,
  required: boolean,
  problems: ExtractProblem[],
): EpochDay | undefined {
  const at = `${where.file} line ${where.line}`;
  if (read.kind === "date") return read.day;
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
  if (read.kind === "ambiguous") {
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
    code: "DATE-INVALID",
    severity: "error",
    ...where,
    value: text,
    message: `${at}: ${column} ${read.message}; the value was left out`,
  });
  return undefined;
}

function extractCode(
  text: string,
  column: string,
  list: CodeList | readonly string[],
  where: ExtractSource,
  problems: ExtractProblem[],
): string | undefined {
  if (text === "") return undefined;
  let known = CODES_READ.get(list);
  if (known === undefined) CODES_READ.set(list, (known = new Map()));
  let code = known.get(text);
  if (code === undefined) {
    code = codeOf(text, list) ?? null;
    if (known.size < 4096) known.set(text, code);
  }
  if (code === null) {
    problems.push({
      code: "CODE-UNKNOWN",
      severity: "warning",
      ...where,
      value: text,
      message: `${where.file} line ${where.line}: ${column} “${text}” is not an SSDA903 code; the value was left out`,
    });
    return undefined;
  }
  return code;
}

// Each code list's texts, read once: an extract repeats a few dozen codes down every row.
const CODES_READ = new WeakMap<CodeList | readonly string[], Map<string, string | null>>();

function codeOf(text: string, list: CodeList | readonly string[]): string | undefined {
  const upper = text.toUpperCase();
  if (Array.isArray(list)) return (list as readonly string[]).includes(upper) ? upper : undefined;
  const match = matchCode(list as CodeList, text);
  return match.kind === "code" ? match.code.code : undefined;
}
